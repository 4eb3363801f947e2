package dev.unmask.provenance.bmff;

/**
 * One top-level ISO BMFF box (ISO/IEC 14496-12 section 4.2).
 *
 * @param type four-character type
 * @param offset offset of the box in the file
 * @param headerLength header bytes (8, 16 with a 64-bit size, plus 16 for a {@code uuid} user type)
 * @param length total box length
 * @param userType the 16-byte user type as 32 hex digits for {@code uuid} boxes, else null
 */
public record BmffBox(String type, long offset, int headerLength, long length, String userType) {
    /** End offset (exclusive). */
    public long end() {
        return offset + length;
    }
}
