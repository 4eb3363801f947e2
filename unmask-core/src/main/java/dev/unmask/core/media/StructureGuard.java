package dev.unmask.core.media;

import dev.unmask.api.MediaException;
import dev.unmask.api.MediaType;

/**
 * Walks a file's container structure (PNG chunks, JPEG marker segments) before any decoder sees it, and
 * refuses what would make a decoder allocate without bound or silently read past the end: declared
 * dimensions over the limits, chunk lengths beyond the file, oversized metadata, missing end markers.
 * Every check here has a test in {@code StructureGuardTest}.
 */
public final class StructureGuard {
    private final MediaLimits limits;

    /** A guard with the given limits. */
    public StructureGuard(MediaLimits limits) {
        this.limits = limits;
    }

    /** What the guard learned about the file. */
    public record Structure(int width, int height, long metadataBytes) {}

    /**
     * Checks the file. Formats other than JPEG and PNG go to the first installed {@link ContainerGuard} that handles
     * them (video containers); the other image formats get only the dimension check, done later from the decoder's
     * header ({@link #checkDimensions}).
     *
     * @return the declared dimensions (0 when the format is not walked here)
     * @throws MediaException with a specific code when the file is refused
     */
    public Structure check(MediaType type, byte[] b) throws MediaException {
        if (b.length == 0) {
            throw new MediaException(MediaException.EMPTY, "the file is empty (0 bytes)");
        }
        if (MediaType.PNG.equals(type)) {
            return png(b);
        }
        if (MediaType.JPEG.equals(type)) {
            return jpeg(b);
        }
        for (ContainerGuard g : ContainerGuards.INSTALLED) {
            if (g.handles(type)) {
                try {
                    return g.check(type, b, limits);
                } catch (RuntimeException | LinkageError e) {
                    throw new MediaException(MediaException.DECODE_FAILED, "the " + type.id() + " container check failed: " + e, e);
                }
            }
        }
        return new Structure(0, 0, 0);
    }

    /** The container guards on the class path, loaded once. */
    private static final class ContainerGuards {
        static final java.util.List<ContainerGuard> INSTALLED = java.util.ServiceLoader.load(ContainerGuard.class)
                .stream().map(java.util.ServiceLoader.Provider::get).toList();
    }

    /** Refuses dimensions that are zero, over the per-side limit, or over the pixel limit. */
    public void checkDimensions(long w, long h) throws MediaException {
        if (w <= 0 || h <= 0) {
            throw new MediaException(MediaException.BAD_DIMENSIONS, "the image declares " + w + "x" + h + " pixels (zero size)");
        }
        if (w > limits.maxDimension() || h > limits.maxDimension()) {
            throw new MediaException(MediaException.BAD_DIMENSIONS, "the image declares " + w + "x" + h
                    + " pixels; a side over " + limits.maxDimension() + " is refused (limit max-dimension)");
        }
        if (w * h > limits.maxPixels()) {
            throw new MediaException(MediaException.TOO_MANY_PIXELS, "the image declares " + w + "x" + h + " = "
                    + (w * h) + " pixels, over the limit of " + limits.maxPixels() + " (limit max-pixels)");
        }
    }

    private Structure png(byte[] b) throws MediaException {
        int pos = 8;
        int w = -1;
        int h = -1;
        long meta = 0;
        int chunks = 0;
        boolean sawIend = false;
        while (pos + 8 <= b.length) {
            if (++chunks > limits.maxChunks()) {
                throw new MediaException(MediaException.DECODE_FAILED, "more than " + limits.maxChunks() + " PNG chunks (limit max-chunks)");
            }
            long len = u32(b, pos);
            String kind = new String(b, pos + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            long end = pos + 12L + len;
            if (len > Integer.MAX_VALUE || end > b.length) {
                throw new MediaException(MediaException.TRUNCATED, "PNG chunk '" + printable(kind) + "' at offset " + pos
                        + " declares " + len + " bytes but the file ends at " + b.length);
            }
            switch (kind) {
                case "IHDR" -> {
                    if (len < 8) {
                        throw new MediaException(MediaException.DECODE_FAILED, "PNG IHDR chunk is too short");
                    }
                    w = (int) Math.min(Integer.MAX_VALUE, u32(b, pos + 8));
                    h = (int) Math.min(Integer.MAX_VALUE, u32(b, pos + 12));
                    checkDimensions(u32(b, pos + 8), u32(b, pos + 12));
                }
                case "tEXt", "zTXt", "iTXt", "eXIf", "iCCP", "caBX" -> {
                    meta += len;
                    if (meta > limits.maxMetadataBytes()) {
                        throw new MediaException(MediaException.METADATA_TOO_LARGE, "PNG metadata chunks total " + meta
                                + " bytes, over the limit of " + limits.maxMetadataBytes() + " (limit max-metadata-bytes)");
                    }
                }
                case "IEND" -> sawIend = true;
                default -> { }
            }
            pos = (int) end;
            if (sawIend) {
                break;
            }
        }
        if (w < 0) {
            throw new MediaException(MediaException.DECODE_FAILED, "PNG has no IHDR chunk");
        }
        if (!sawIend) {
            throw new MediaException(MediaException.TRUNCATED, "PNG ends at byte " + b.length + " without an IEND chunk (truncated)");
        }
        return new Structure(w, h, meta);
    }

    private Structure jpeg(byte[] b) throws MediaException {
        int pos = 2;
        int w = -1;
        int h = -1;
        long meta = 0;
        int segments = 0;
        while (true) {
            if (++segments > limits.maxChunks()) {
                throw new MediaException(MediaException.DECODE_FAILED, "more than " + limits.maxChunks() + " JPEG segments (limit max-chunks)");
            }
            // skip fill bytes
            while (pos < b.length && (b[pos] & 0xff) == 0xFF && pos + 1 < b.length && (b[pos + 1] & 0xff) == 0xFF) {
                pos++;
            }
            if (pos + 2 > b.length) {
                throw new MediaException(MediaException.TRUNCATED, "JPEG ends at byte " + b.length + " before the image data (truncated)");
            }
            if ((b[pos] & 0xff) != 0xFF) {
                throw new MediaException(MediaException.DECODE_FAILED, "JPEG marker expected at offset " + pos);
            }
            int marker = b[pos + 1] & 0xff;
            if (marker == 0xD9) {
                throw new MediaException(MediaException.DECODE_FAILED, "JPEG ends (EOI) before any image data");
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                pos += 2;
                continue;
            }
            if (pos + 4 > b.length) {
                throw new MediaException(MediaException.TRUNCATED, "JPEG segment header at offset " + pos + " is cut off (truncated)");
            }
            int len = ((b[pos + 2] & 0xff) << 8) | (b[pos + 3] & 0xff);
            if (len < 2 || pos + 2 + len > b.length) {
                throw new MediaException(MediaException.TRUNCATED, String.format(
                        "JPEG segment FF%02X at offset %d declares %d bytes but the file ends at %d (truncated)", marker, pos, len, b.length));
            }
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof) {
                if (len < 8) {
                    throw new MediaException(MediaException.DECODE_FAILED, "JPEG frame header is too short");
                }
                h = ((b[pos + 5] & 0xff) << 8) | (b[pos + 6] & 0xff);
                w = ((b[pos + 7] & 0xff) << 8) | (b[pos + 8] & 0xff);
                checkDimensions(w, h);
            } else if ((marker >= 0xE0 && marker <= 0xEF) || marker == 0xFE) {
                meta += len;
                if (meta > limits.maxMetadataBytes()) {
                    throw new MediaException(MediaException.METADATA_TOO_LARGE, "JPEG metadata segments total " + meta
                            + " bytes, over the limit of " + limits.maxMetadataBytes() + " (limit max-metadata-bytes)");
                }
            }
            if (marker == 0xDA) {
                break;
            }
            pos += 2 + len;
        }
        if (w < 0) {
            throw new MediaException(MediaException.DECODE_FAILED, "JPEG has image data (SOS) but no frame header (SOF)");
        }
        if (!hasEoiNearEnd(b)) {
            throw new MediaException(MediaException.TRUNCATED, "JPEG has no end-of-image marker (FFD9): the file is truncated");
        }
        return new Structure(w, h, meta);
    }

    /** EOI within the last 64 KiB (trailing data after EOI is common and allowed, but not a missing EOI). */
    private static boolean hasEoiNearEnd(byte[] b) {
        int stop = Math.max(1, b.length - 65536);
        for (int i = b.length - 1; i >= stop; i--) {
            if ((b[i] & 0xff) == 0xD9 && (b[i - 1] & 0xff) == 0xFF) {
                return true;
            }
        }
        return false;
    }

    private static long u32(byte[] b, int p) {
        return ((long) (b[p] & 0xff) << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
    }

    private static String printable(String s) {
        return s.chars().allMatch(c -> c >= 32 && c < 127) ? s : "?";
    }
}
