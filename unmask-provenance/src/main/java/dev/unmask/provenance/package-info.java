/**
 * Provenance: C2PA content credentials (reading, validation and signing, C2PA specification 2.2) and invisible
 * watermarks. Pure Java: CBOR through com.upokecenter:cbor, X.509/CMS through BouncyCastle, signatures through
 * the JDK's JCA. Nothing here touches the network: remote manifests and revocation endpoints are reported, never
 * fetched.
 */
package dev.unmask.provenance;
