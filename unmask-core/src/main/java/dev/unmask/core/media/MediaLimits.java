package dev.unmask.core.media;

/**
 * The central guard's limits against hostile or absurd input. Every decoder and parser in the core checks
 * against one instance of this record before allocating; change them with {@code --limit key=value}.
 *
 * @param maxFileBytes largest file read into memory (default 512 MiB)
 * @param maxPixels largest width &times; height decoded (default 100 megapixels, about 400 MB as RGB)
 * @param maxDimension largest width or height (default 65,500, the JPEG maximum)
 * @param maxMetadataBytes largest total of metadata segments/chunks (EXIF, XMP, ICC, PNG text) in one file
 *     (default 32 MiB)
 * @param maxChunks largest number of PNG chunks or JPEG segments walked (default 100,000)
 */
public record MediaLimits(long maxFileBytes, long maxPixels, int maxDimension, long maxMetadataBytes, int maxChunks) {
    /** The defaults. */
    public static final MediaLimits DEFAULT = new MediaLimits(512L << 20, 100_000_000L, 65_500, 32L << 20, 100_000);

    /** Validates the limits. */
    public MediaLimits {
        if (maxFileBytes < 1 || maxPixels < 1 || maxDimension < 1 || maxMetadataBytes < 0 || maxChunks < 1) {
            throw new IllegalArgumentException("media limits must be positive");
        }
        if (maxFileBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxFileBytes cannot exceed 2 GiB (files are read into one array)");
        }
    }

    /**
     * Returns a copy with one limit changed.
     *
     * @param key one of {@code max-file-bytes}, {@code max-pixels}, {@code max-dimension},
     *     {@code max-metadata-bytes}, {@code max-chunks}
     * @param value a positive integer, optionally with a {@code k}, {@code m} or {@code g} suffix (powers of 1024 for
     *     bytes, of 1000 for pixels)
     * @throws IllegalArgumentException for an unknown key or invalid value
     */
    public MediaLimits with(String key, String value) {
        return switch (key) {
            case "max-file-bytes" -> new MediaLimits(parse(key, value, 1024), maxPixels, maxDimension, maxMetadataBytes, maxChunks);
            case "max-pixels" -> new MediaLimits(maxFileBytes, parse(key, value, 1000), maxDimension, maxMetadataBytes, maxChunks);
            case "max-dimension" -> new MediaLimits(maxFileBytes, maxPixels, Math.toIntExact(parse(key, value, 1000)), maxMetadataBytes, maxChunks);
            case "max-metadata-bytes" -> new MediaLimits(maxFileBytes, maxPixels, maxDimension, parse(key, value, 1024), maxChunks);
            case "max-chunks" -> new MediaLimits(maxFileBytes, maxPixels, maxDimension, maxMetadataBytes, Math.toIntExact(parse(key, value, 1000)));
            default -> throw new IllegalArgumentException("unknown limit '" + key
                    + "' (known: max-file-bytes, max-pixels, max-dimension, max-metadata-bytes, max-chunks)");
        };
    }

    private static long parse(String key, String value, long unit) {
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        long mult = 1;
        if (v.endsWith("k")) {
            mult = unit;
        } else if (v.endsWith("m")) {
            mult = unit * unit;
        } else if (v.endsWith("g")) {
            mult = unit * unit * unit;
        }
        if (mult != 1) {
            v = v.substring(0, v.length() - 1);
        }
        try {
            long n = Math.multiplyExact(Long.parseLong(v), mult);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("limit " + key + "=" + value + " is not a positive integer");
        }
    }
}
