package dev.unmask.analyzers.metadata;

/**
 * A bounded walk over the marker segments of a JPEG file (ITU-T T.81 Annex B) up to the first scan. It stops at
 * the first inconsistency, and reports a segment running past the end of the file as truncated.
 */
final class JpegSegments {
    /** Receives each marker segment. */
    interface Visitor {
        /**
         * @param marker the marker's second byte (0xE1 for APP1)
         * @param payload offset of the segment's payload (after the two length bytes)
         * @param end offset just past the segment, clipped to the file
         * @param truncated whether the declared length runs past the end of the file
         */
        void segment(int marker, int payload, int end, boolean truncated);
    }

    /** Most segments walked. */
    static final int MAX_SEGMENTS = 100_000;
    private static final byte[] EXIF = {'E', 'x', 'i', 'f', 0, 0};

    private JpegSegments() {}

    /** Walks the segments of {@code b}; returns false when {@code b} does not start with SOI. */
    static boolean walk(byte[] b, Visitor v) {
        if (b.length < 4 || (b[0] & 0xff) != 0xFF || (b[1] & 0xff) != 0xD8) {
            return false;
        }
        int i = 2;
        int walked = 0;
        while (i + 4 <= b.length && walked++ < MAX_SEGMENTS) {
            if ((b[i] & 0xff) != 0xFF) {
                break;
            }
            int m = b[i + 1] & 0xff;
            if (m == 0xFF) {
                i++;
                continue;
            }
            if (m == 0xD8 || m == 0x01 || (m >= 0xD0 && m <= 0xD7)) {
                i += 2;
                continue;
            }
            if (m == 0xD9 || m == 0xDA) {
                break;
            }
            int len = ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
            if (len < 2) {
                break;
            }
            int end = i + 2 + len;
            boolean truncated = end > b.length;
            v.segment(m, i + 4, Math.min(end, b.length), truncated);
            if (truncated) {
                break;
            }
            i = end;
        }
        return true;
    }

    /** Offset of the TIFF header inside the first APP1 "Exif" segment, or -1. */
    static int exifTiffOffset(byte[] b) {
        int[] found = {-1};
        walk(b, (m, p, end, t) -> {
            if (found[0] < 0 && m == 0xE1 && end - p > EXIF.length && startsWith(b, p, EXIF)) {
                found[0] = p + EXIF.length;
            }
        });
        return found[0];
    }

    private static boolean startsWith(byte[] b, int off, byte[] prefix) {
        for (int k = 0; k < prefix.length; k++) {
            if (b[off + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }
}
