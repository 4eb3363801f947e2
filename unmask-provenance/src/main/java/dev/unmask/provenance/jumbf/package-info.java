/**
 * JUMBF (ISO/IEC 19566-5) superbox parsing with bounded depth, size and box count, as used by C2PA manifest stores
 * (C2PA specification 2.2, annex A.3).
 */
package dev.unmask.provenance.jumbf;
