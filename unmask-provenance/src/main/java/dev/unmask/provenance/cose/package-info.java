/**
 * COSE_Sign1 (RFC 9052) claim signatures for C2PA (C2PA specification 2.2, sections 10.3 and 13): parsing,
 * verification with the JDK's JCA, X.509 certificate profile checks (section 14.5), RFC 3161 time-stamps
 * (section 10.3.2.5) through BouncyCastle, and signing.
 */
package dev.unmask.provenance.cose;
