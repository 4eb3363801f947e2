package dev.unmask.provenance.bmff;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Lists the top-level boxes of an ISO BMFF file (MP4, MOV, HEIF, AVIF; ISO/IEC 14496-12 section 4.2) with every
 * size checked against the file length. Used to find the C2PA {@code uuid} box (C2PA 2.2 section A.4) and to hash
 * top-level boxes for {@code c2pa.hash.bmff} (section 18.6).
 */
public final class BmffBoxes {
    private static final int HEADER = 8;
    private static final int LARGE_SIZE_BYTES = 8;
    private static final int USER_TYPE_BYTES = 16;
    private static final long SIZE_LARGE = 1;
    private static final long SIZE_TO_END = 0;
    private static final String UUID = "uuid";

    private BmffBoxes() {}

    /** Whether the bytes start like an ISO BMFF file (an {@code ftyp} box first). */
    public static boolean looksLikeBmff(byte[] data) {
        return data.length >= HEADER && "ftyp".equals(new String(data, 4, 4, StandardCharsets.ISO_8859_1));
    }

    /**
     * The top-level boxes, at most {@code maxBoxes}.
     *
     * @throws IllegalArgumentException if a box is malformed, runs past the end of the file, or there are too many
     */
    public static List<BmffBox> topLevel(byte[] data, int maxBoxes) {
        List<BmffBox> out = new ArrayList<>();
        long pos = 0;
        while (pos < data.length) {
            if (out.size() >= maxBoxes) {
                throw new IllegalArgumentException("more than " + maxBoxes + " top-level boxes");
            }
            if (data.length - pos < HEADER) {
                throw new IllegalArgumentException("truncated box header at " + pos);
            }
            int p = (int) pos;
            long size = u32(data, p);
            String type = new String(data, p + 4, 4, StandardCharsets.ISO_8859_1);
            int header = HEADER;
            if (size == SIZE_LARGE) {
                if (data.length - pos < HEADER + LARGE_SIZE_BYTES) {
                    throw new IllegalArgumentException("truncated large size at " + pos);
                }
                size = (u32(data, p + HEADER) << Integer.SIZE) | u32(data, p + HEADER + 4);
                header += LARGE_SIZE_BYTES;
            } else if (size == SIZE_TO_END) {
                size = data.length - pos;
            }
            String userType = null;
            if (UUID.equals(type)) {
                if (data.length - pos < header + USER_TYPE_BYTES) {
                    throw new IllegalArgumentException("truncated uuid box at " + pos);
                }
                userType = HexFormat.of().formatHex(data, p + header, p + header + USER_TYPE_BYTES);
                header += USER_TYPE_BYTES;
            }
            if (size < header || size > data.length - pos) {
                throw new IllegalArgumentException("box '" + type.replaceAll("[^\\x20-\\x7e]", "?") + "' at " + pos
                        + " has length " + size + " outside the file");
            }
            out.add(new BmffBox(type, pos, header, size, userType));
            pos += size;
        }
        return out;
    }

    /** Reads a big-endian unsigned 32-bit value; the caller has checked that 4 bytes remain. */
    public static long u32(byte[] d, int at) {
        return ((long) (d[at] & 0xff) << 24) | ((d[at + 1] & 0xff) << 16) | ((d[at + 2] & 0xff) << 8) | (d[at + 3] & 0xff);
    }
}
