package dev.unmask.video.format;

import dev.unmask.api.FormatDetector;
import dev.unmask.api.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Recognises Matroska and WebM from the EBML header (RFC 8794 section 8; RFC 9559 section 5): the file starts with
 * the EBML element ID {@code 1A 45 DF A3}, whose children include {@code DocType} (ID {@code 42 82}) with the text
 * {@code matroska} or {@code webm}. Other EBML documents are left unrecognised.
 */
public final class MatroskaFormatDetector implements FormatDetector {
    private static final int HEADER = 64;
    private static final int DOC_TYPE_ID = 0x4282;

    @Override
    public int headerLength() {
        return HEADER;
    }

    @Override
    public Optional<MediaType> detect(byte[] h) {
        if (h.length < 5 || (h[0] & 0xff) != 0x1A || (h[1] & 0xff) != 0x45 || (h[2] & 0xff) != 0xDF || (h[3] & 0xff) != 0xA3) {
            return Optional.empty();
        }
        int pos = 4;
        long[] size = vint(h, pos);
        if (size == null) {
            return Optional.empty();
        }
        pos += (int) size[1];
        long end = Math.min(h.length, pos + size[0]);
        while (pos < end) {
            int idLength = idLength(h[pos]);
            if (idLength == 0 || pos + idLength > end) {
                return Optional.empty();
            }
            int id = 0;
            for (int i = 0; i < idLength; i++) {
                id = (id << 8) | (h[pos + i] & 0xff);
            }
            pos += idLength;
            long[] len = vint(h, pos);
            if (len == null) {
                return Optional.empty();
            }
            pos += (int) len[1];
            if (id == DOC_TYPE_ID) {
                if (len[0] > 16 || pos + len[0] > h.length) {
                    return Optional.empty();
                }
                String docType = new String(h, pos, (int) len[0], StandardCharsets.US_ASCII).replace("\0", "");
                return switch (docType) {
                    case "webm" -> Optional.of(VideoFormats.WEBM);
                    case "matroska" -> Optional.of(VideoFormats.MKV);
                    default -> Optional.empty();
                };
            }
            if (len[0] > HEADER) {
                return Optional.empty();
            }
            pos += (int) len[0];
        }
        return Optional.empty();
    }

    /** Length of an element ID from its first byte (1 to 4; 0 when invalid). */
    private static int idLength(byte first) {
        int b = first & 0xff;
        for (int n = 1; n <= 4; n++) {
            if ((b & (0x80 >> (n - 1))) != 0) {
                return n;
            }
        }
        return 0;
    }

    /** An EBML variable-size integer at {@code pos}: {value, length}, or null when truncated or invalid. */
    private static long[] vint(byte[] h, int pos) {
        if (pos >= h.length) {
            return null;
        }
        int first = h[pos] & 0xff;
        int n = 1;
        while (n <= 8 && (first & (0x80 >> (n - 1))) == 0) {
            n++;
        }
        if (n > 8 || pos + n > h.length) {
            return null;
        }
        long v = first & (0xff >> n);
        for (int i = 1; i < n; i++) {
            v = (v << 8) | (h[pos + i] & 0xff);
        }
        return new long[] {v, n};
    }
}
