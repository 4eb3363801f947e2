/**
 * Trust configuration and X.509 chain building for C2PA signature validation (C2PA specification 2.2, section 14
 * "Trust Model"): trust anchors, an allowed list of end-entity certificates, allowed extended key usages, and
 * time-stamp authority anchors. No revocation checking, no network.
 */
package dev.unmask.provenance.trust;
