package dev.unmask.provenance.cose;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Test-only, minimal extraction of the active manifest's claim and signature from a JPEG fixture: concatenates the
 * APP11 JUMBF segments (C2PA specification 2.2, section A.3.3) and walks the box tree to the content box following
 * the {@code c2pa.claim*} and {@code c2pa.signature} description boxes. Not hostile-input safe; the real reader is
 * in dev.unmask.provenance.jumbf.
 */
final class FixtureManifest {
    private static final int APP11 = 0xEB;
    private static final int SOS = 0xDA;
    private static final int JUMBF_HEADER = 8;
    private static final int JUMD_FIXED = 8 + 16 + 1;

    /** Claim and signature box contents. */
    record Parts(byte[] claim, byte[] signature) {}

    private byte[] claim;
    private byte[] signature;

    private FixtureManifest() {}

    static Parts extract(byte[] jpeg) {
        ByteArrayOutputStream jumbf = new ByteArrayOutputStream();
        boolean first = true;
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) != SOS) {
            int marker = jpeg[i + 1] & 0xFF;
            int len = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
            int p = i + 4;
            if (marker == APP11 && jpeg[p] == 'J' && jpeg[p + 1] == 'P') {
                int bodyStart = p + JUMBF_HEADER + (first ? 0 : JUMBF_HEADER);
                jumbf.write(jpeg, bodyStart, i + 2 + len - bodyStart);
                first = false;
            }
            i += 2 + len;
        }
        byte[] j = jumbf.toByteArray();
        FixtureManifest m = new FixtureManifest();
        m.walk(j, 0, j.length);
        return new Parts(m.claim, m.signature);
    }

    private void walk(byte[] b, int start, int end) {
        int p = start;
        while (p + JUMBF_HEADER <= end) {
            int len = readInt(b, p);
            String type = new String(b, p + 4, 4, StandardCharsets.US_ASCII);
            int boxEnd = len == 0 ? end : p + len;
            if (type.equals("jumb")) {
                int d = p + JUMBF_HEADER;
                int dLen = readInt(b, d);
                int labelStart = d + JUMD_FIXED;
                int labelEnd = labelStart;
                while (labelEnd < d + dLen && b[labelEnd] != 0) {
                    labelEnd++;
                }
                String label = new String(b, labelStart, labelEnd - labelStart, StandardCharsets.UTF_8);
                int content = d + dLen;
                byte[] body = Arrays.copyOfRange(b, content + JUMBF_HEADER, content + readInt(b, content));
                if (label.startsWith("c2pa.claim")) {
                    claim = body;
                } else if (label.equals("c2pa.signature")) {
                    signature = body;
                }
                walk(b, content, boxEnd);
            }
            p = boxEnd;
        }
    }

    private static int readInt(byte[] b, int p) {
        return ((b[p] & 0xFF) << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
    }
}
