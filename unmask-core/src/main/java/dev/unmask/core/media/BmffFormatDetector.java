package dev.unmask.core.media;

import dev.unmask.api.FormatDetector;
import dev.unmask.api.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises ISO base media files (MP4, MOV) from their leading {@code ftyp} box (ISO/IEC 14496-12 section 4.3):
 * bytes 4-7 are {@code ftyp} and bytes 8-11 the major brand. HEIF/AVIF still images share the container but are
 * not decodable here; their brands are left unrecognised rather than mislabelled as video.
 */
public final class BmffFormatDetector implements FormatDetector {
    /** Major brands of HEIF and AVIF still images (ISO/IEC 23008-12, AV1 image file format). */
    private static final Set<String> STILL_IMAGE_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis",
            "mif1", "msf1", "avif", "avis");

    @Override
    public int headerLength() {
        return 12;
    }

    @Override
    public Optional<MediaType> detect(byte[] h) {
        if (h.length < 12 || h[4] != 'f' || h[5] != 't' || h[6] != 'y' || h[7] != 'p') {
            return Optional.empty();
        }
        String brand = new String(h, 8, 4, StandardCharsets.ISO_8859_1);
        if (STILL_IMAGE_BRANDS.contains(brand)) {
            return Optional.empty();
        }
        return Optional.of("qt  ".equals(brand) ? MediaType.MOV : MediaType.MP4);
    }
}
