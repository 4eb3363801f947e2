/**
 * C2PA signing: builds a C2PA 2.x manifest store (claim {@code c2pa.claim.v2}, {@code c2pa.actions.v2},
 * {@code c2pa.hash.data}, COSE_Sign1 claim signature) and embeds it into JPEG (APP11 JUMBF segments) and PNG
 * ({@code caBX} chunk) files. Entry point: {@link dev.unmask.provenance.sign.C2paSigner}; test credentials:
 * {@link dev.unmask.provenance.sign.TestCredentials}. Self-contained: the COSE signer and the JUMBF writer here
 * are independent of the reader/validator packages.
 */
package dev.unmask.provenance.sign;
