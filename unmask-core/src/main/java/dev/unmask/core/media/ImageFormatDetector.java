package dev.unmask.core.media;

import dev.unmask.api.FormatDetector;
import dev.unmask.api.MediaType;
import java.util.Optional;

/** Recognises the still-image formats the core decodes, from their signatures (magic bytes). */
public final class ImageFormatDetector implements FormatDetector {
    @Override
    public int headerLength() {
        return 16;
    }

    @Override
    public Optional<MediaType> detect(byte[] h) {
        if (starts(h, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(MediaType.JPEG);
        }
        if (starts(h, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(MediaType.PNG);
        }
        if (h.length >= 12 && starts(h, 'R', 'I', 'F', 'F') && h[8] == 'W' && h[9] == 'E' && h[10] == 'B' && h[11] == 'P') {
            return Optional.of(MediaType.WEBP);
        }
        if (starts(h, 'G', 'I', 'F', '8', '7', 'a') || starts(h, 'G', 'I', 'F', '8', '9', 'a')) {
            return Optional.of(MediaType.GIF);
        }
        if (starts(h, 'B', 'M') && h.length >= 14) {
            return Optional.of(MediaType.BMP);
        }
        if (starts(h, 'I', 'I', 42, 0) || starts(h, 'M', 'M', 0, 42) || starts(h, 'I', 'I', 43, 0) || starts(h, 'M', 'M', 0, 43)) {
            return Optional.of(MediaType.TIFF);
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] h, int... sig) {
        if (h.length < sig.length) {
            return false;
        }
        for (int i = 0; i < sig.length; i++) {
            if ((h[i] & 0xff) != sig[i]) {
                return false;
            }
        }
        return true;
    }
}
