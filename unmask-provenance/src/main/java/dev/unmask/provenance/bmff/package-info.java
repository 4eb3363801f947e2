/**
 * ISO base media file format (ISO/IEC 14496-12) box walking for C2PA: locating the C2PA {@code uuid} box and
 * hashing boxes for {@code c2pa.hash.bmff} (C2PA specification 2.2, sections A.4 and 18.6).
 */
package dev.unmask.provenance.bmff;
