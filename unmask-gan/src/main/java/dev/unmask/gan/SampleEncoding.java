package dev.unmask.gan;

import java.util.Locale;

/**
 * How generated images are written.
 *
 * @param format PNG (lossless) or JPEG
 * @param jpegQuality JPEG quality 1..100 (ImageIO's IJG-style scale; ignored for PNG)
 * @param scale nearest-neighbour enlargement factor 1..{@value #MAX_SCALE}: 1 keeps the generator's size; 2 (64 px)
 *     or 4 (32 px) reaches the 128 px that Unmask's invisible watermark needs, adding no detail
 */
public record SampleEncoding(Format format, int jpegQuality, int scale) {
    /** Largest enlargement factor. */
    public static final int MAX_SCALE = 16;
    /** Default JPEG quality. */
    public static final int DEFAULT_QUALITY = 90;

    /** File formats. */
    public enum Format {
        /** PNG with an XMP iTXt chunk; C2PA in a caBX chunk. */
        PNG("png"),
        /** JPEG with an XMP APP1 segment; C2PA in APP11 segments. */
        JPEG("jpg");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        /** File name extension without the dot. */
        public String extension() {
            return extension;
        }

        /** Parses {@code png}, {@code jpeg} or {@code jpg}. */
        public static Format parse(String s) {
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "png" -> PNG;
                case "jpeg", "jpg" -> JPEG;
                default -> throw new IllegalArgumentException("format must be png or jpeg, not '" + s + "'");
            };
        }
    }

    /** Validates the fields. */
    public SampleEncoding {
        if (format == null) {
            throw new IllegalArgumentException("format is required");
        }
        if (jpegQuality < 1 || jpegQuality > 100) {
            throw new IllegalArgumentException("JPEG quality must be in 1..100, got " + jpegQuality);
        }
        if (scale < 1 || scale > MAX_SCALE) {
            throw new IllegalArgumentException("scale must be in 1.." + MAX_SCALE + ", got " + scale);
        }
    }

    /** PNG at the generator's size. */
    public static SampleEncoding png() {
        return new SampleEncoding(Format.PNG, DEFAULT_QUALITY, 1);
    }
}
