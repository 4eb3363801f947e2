package dev.unmask.video.ffmpeg;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Walks the top-level boxes of an ISO base media file (MP4, MOV; ISO/IEC 14496-12 section 4.2: 32-bit size and
 * type, a 64-bit {@code largesize} when size is 1, "to the end of the file" when size is 0) to find where a file was
 * cut: a box that declares more bytes than the file has left. Cheap (reads only the box headers); never throws.
 */
public final class TopLevelBoxes {
    private static final int MAX_BOXES = 100_000;

    private TopLevelBoxes() {}

    /** A description of the first top-level box that runs past the end of the file, or empty when none does. */
    public static Optional<String> truncation(byte[] b) {
        long pos = 0;
        for (int n = 0; n < MAX_BOXES && pos + 8 <= b.length; n++) {
            long size = u32(b, (int) pos);
            String type = new String(b, (int) pos + 4, 4, StandardCharsets.ISO_8859_1).replaceAll("[^\\x20-\\x7e]", "?");
            if (size == 1) {
                if (pos + 16 > b.length) {
                    return Optional.of("the '" + type + "' box at offset " + pos + " is cut inside its header");
                }
                size = u32(b, (int) pos + 8) << 32 | u32(b, (int) pos + 12);
            } else if (size == 0) {
                return Optional.empty();
            }
            if (size < 8) {
                return Optional.empty(); // not a box structure FFmpeg would follow either; its own error says more
            }
            if (pos + size > b.length) {
                return Optional.of("the '" + type + "' box at offset " + pos + " declares " + size
                        + " bytes but the file ends " + (b.length - pos) + " bytes after its start");
            }
            pos += size;
        }
        return Optional.empty();
    }

    private static long u32(byte[] b, int p) {
        return (b[p] & 0xffL) << 24 | (b[p + 1] & 0xffL) << 16 | (b[p + 2] & 0xffL) << 8 | (b[p + 3] & 0xffL);
    }
}
