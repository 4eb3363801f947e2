package dev.unmask.gan;

import java.nio.charset.StandardCharsets;

/**
 * Embeds an XMP packet in a JPEG as an APP1 segment with the namespace header {@code http://ns.adobe.com/xap/1.0/}
 * and a NUL (XMP Specification Part 3, section 1.1.3), placed right after SOI and the JFIF APP0 segment when there
 * is one (JFIF requires APP0 first).
 */
final class JpegXmp {
    /** The standard XMP APP1 namespace header, NUL included. */
    static final byte[] HEADER = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.US_ASCII);
    /** Largest packet one APP1 segment can hold (the extended-XMP scheme is not needed for a label). */
    static final int MAX_PACKET = 65533 - HEADER.length;

    private JpegXmp() {
    }

    /** {@code jpeg} with an APP1 XMP segment holding {@code xmp}. */
    static byte[] insert(byte[] jpeg, String xmp) {
        if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
            throw new IllegalArgumentException("not a JPEG (no SOI marker)");
        }
        byte[] packet = xmp.getBytes(StandardCharsets.UTF_8);
        if (packet.length > MAX_PACKET) {
            throw new IllegalArgumentException("XMP packet of " + packet.length + " bytes does not fit one APP1 segment");
        }
        int at = 2;
        if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0 && jpeg.length >= 6) {
            int len = ((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF);
            if (4 + len > jpeg.length) {
                throw new IllegalArgumentException("JPEG APP0 segment runs past the end of the file");
            }
            at = 4 + len;
        }
        int segLen = 2 + HEADER.length + packet.length;
        byte[] out = new byte[jpeg.length + 2 + segLen];
        System.arraycopy(jpeg, 0, out, 0, at);
        int p = at;
        out[p++] = (byte) 0xFF;
        out[p++] = (byte) 0xE1;
        out[p++] = (byte) (segLen >>> 8);
        out[p++] = (byte) segLen;
        System.arraycopy(HEADER, 0, out, p, HEADER.length);
        p += HEADER.length;
        System.arraycopy(packet, 0, out, p, packet.length);
        p += packet.length;
        System.arraycopy(jpeg, at, out, p, jpeg.length - at);
        return out;
    }
}
