package dev.unmask.video.format;

import dev.unmask.api.FormatDetector;
import dev.unmask.api.MediaType;
import java.util.Optional;

/**
 * Recognises AVI from its RIFF header (Microsoft, "AVI RIFF File Reference"): {@code RIFF}, a 32-bit size, and
 * the form type {@code AVI } (with a trailing space). OpenDML extension chunks ({@code AVIX}) never start a file.
 */
public final class AviFormatDetector implements FormatDetector {
    @Override
    public int headerLength() {
        return 12;
    }

    @Override
    public Optional<MediaType> detect(byte[] h) {
        if (h.length >= 12 && h[0] == 'R' && h[1] == 'I' && h[2] == 'F' && h[3] == 'F'
                && h[8] == 'A' && h[9] == 'V' && h[10] == 'I' && h[11] == ' ') {
            return Optional.of(VideoFormats.AVI);
        }
        return Optional.empty();
    }
}
