package dev.unmask.core.media;

import dev.unmask.api.Media;
import dev.unmask.api.MediaException;
import dev.unmask.api.MediaType;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A file read into memory, checked by the central guard, and decoded lazily and at most once. Thread-safe.
 */
public final class LoadedMedia implements Media {
    private final Path path;
    private final byte[] bytes;
    private final MediaType type;
    private final String sha256;
    private final StructureGuard guard;
    private final ImageDecoder decoder;
    private final MediaLimits limits;
    private volatile MediaProgress progress = MediaProgress.NONE;
    private final ConcurrentHashMap<String, Memo> derived = new ConcurrentHashMap<>();
    private final Memo imageMemo = new Memo();
    private volatile StructureGuard.Structure structure;

    private LoadedMedia(Path path, byte[] bytes, MediaType type, MediaLimits limits) {
        this.path = path;
        this.bytes = bytes;
        this.type = type;
        this.sha256 = sha256(bytes);
        this.guard = new StructureGuard(limits);
        this.decoder = new ImageDecoder(guard);
        this.limits = limits;
    }

    /**
     * Reads a file (refusing it before reading when it is larger than {@code limits.maxFileBytes()}) and
     * detects its format from its leading bytes.
     *
     * @throws MediaException {@code file_too_large} or {@code io_error}
     */
    public static LoadedMedia read(Path file, FormatDetection formats, MediaLimits limits) throws MediaException {
        try {
            long size = Files.size(file);
            if (size > limits.maxFileBytes()) {
                throw new MediaException(MediaException.FILE_TOO_LARGE, "the file has " + size
                        + " bytes, over the limit of " + limits.maxFileBytes() + " (limit max-file-bytes)");
            }
            byte[] b;
            try (InputStream in = Files.newInputStream(file)) {
                // read at most limit + 1 bytes: the file may grow between size() and here
                b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, limits.maxFileBytes() + 1));
            }
            if (b.length > limits.maxFileBytes()) {
                throw new MediaException(MediaException.FILE_TOO_LARGE, "the file grew past the limit of "
                        + limits.maxFileBytes() + " bytes while being read");
            }
            return of(file, b, formats, limits);
        } catch (IOException e) {
            throw new MediaException(MediaException.IO_ERROR, "cannot read the file: " + e, e);
        }
    }

    /** Wraps bytes already in memory; {@code logicalPath} names them in reports. */
    public static LoadedMedia of(Path logicalPath, byte[] bytes, FormatDetection formats, MediaLimits limits) {
        byte[] head = Arrays.copyOf(bytes, Math.min(bytes.length, formats.headerLength()));
        return new LoadedMedia(logicalPath, bytes, formats.detect(head), limits);
    }

    /**
     * Runs the structural guard (once) and returns what it found. Called by the pipeline before analysis so a
     * refused file is reported with the guard's reason.
     */
    public StructureGuard.Structure checkStructure() throws MediaException {
        StructureGuard.Structure s = structure;
        if (s == null) {
            s = guard.check(type, bytes);
            structure = s;
        }
        return s;
    }

    /** Declared width &times; height, from the structure walk or the decoder's header, without decoding. */
    public long declaredPixels() throws MediaException {
        StructureGuard.Structure s = checkStructure();
        if (s.width() > 0 && s.height() > 0) {
            return (long) s.width() * s.height();
        }
        int[] d = decoder.dimensions(bytes);
        guard.checkDimensions(d[0], d[1]);
        return (long) d[0] * d[1];
    }

    /** The guard limits this media was read with (for modules that decode it themselves, e.g. video frames). */
    public MediaLimits limits() {
        return limits;
    }

    /** Where analyzers report progress on this file (set by the scan pipeline; {@link MediaProgress#NONE} by default). */
    public MediaProgress progress() {
        return progress;
    }

    /** Sends this file's progress reports to {@code sink}. */
    public void reportProgressTo(MediaProgress sink) {
        this.progress = sink == null ? MediaProgress.NONE : sink;
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public MediaType type() {
        return type;
    }

    @Override
    public long sizeBytes() {
        return bytes.length;
    }

    @Override
    public String sha256() {
        return sha256;
    }

    @Override
    public byte[] bytes() {
        return bytes;
    }

    @Override
    public BufferedImage image() throws MediaException {
        if (!type.isImage()) {
            throw new MediaException(MediaException.UNSUPPORTED_FORMAT, "not an image (" + type.id() + ")");
        }
        return (BufferedImage) imageMemo.get(() -> {
            checkStructure();
            return decoder.decode(bytes);
        });
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T derived(String key, DerivedValue<T> compute) throws MediaException {
        Memo m = derived.computeIfAbsent(key, k -> new Memo());
        return (T) m.get(() -> compute.compute(this));
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    /** A value or failure computed once. */
    private static final class Memo {
        private Object value;
        private MediaException failure;
        private boolean done;

        interface Computation {
            Object run() throws MediaException;
        }

        synchronized Object get(Computation c) throws MediaException {
            if (!done) {
                try {
                    value = c.run();
                } catch (MediaException e) {
                    failure = e;
                } catch (RuntimeException e) {
                    failure = new MediaException(MediaException.DECODE_FAILED, String.valueOf(e.getMessage()), e);
                }
                done = true;
            }
            if (failure != null) {
                throw failure;
            }
            return value;
        }
    }
}
