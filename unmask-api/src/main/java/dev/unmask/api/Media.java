package dev.unmask.api;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * One file under analysis, as analyzers see it.
 *
 * <p>The core creates one {@code Media} per file and hands the same instance to every analyzer that
 * {@linkplain Analyzer#supports supports} its type. All accessors are thread-safe. Expensive views (the file's
 * bytes, the decoded image, and anything computed through {@link #derived}) are computed once, on first use,
 * and shared. Every size limit is enforced by the core's central guard before any allocation, so analyzers
 * need not check dimensions themselves.
 */
public interface Media {
    /** The file's path as given by the user (or a logical name for in-memory media). */
    Path path();

    /** The format detected from the file's leading bytes. */
    MediaType type();

    /** The file's size in bytes. */
    long sizeBytes();

    /** Lower-case hex SHA-256 of the file's bytes. */
    String sha256();

    /**
     * The whole file. Guarded by the configured maximum file size.
     *
     * @throws MediaException when the file is larger than the guard allows or cannot be read
     */
    byte[] bytes() throws MediaException;

    /**
     * The decoded image as 8-bit sRGB ({@link BufferedImage#TYPE_INT_RGB}, alpha dropped), or the first frame of
     * an animation. Do not modify it.
     *
     * @throws MediaException when this is not an image, when a guard refuses it, or when decoding fails
     */
    BufferedImage image() throws MediaException;

    /**
     * A value derived from this media, computed once per media under {@code key} and shared between
     * analyzers (for example the luma plane). The function must not call {@code derived} with the same key.
     *
     * @param key a unique key, conventionally {@code "<owner>.<name>"}
     * @param compute computes the value from this media
     * @param <T> the value's type
     * @return the cached or newly computed value
     * @throws MediaException when the computation fails on this media
     */
    <T> T derived(String key, DerivedValue<T> compute) throws MediaException;

    /** A computation for {@link #derived}; it may throw {@link MediaException}. */
    @FunctionalInterface
    interface DerivedValue<T> {
        /** Computes the value for {@code media}. */
        T compute(Media media) throws MediaException;
    }

    /** Convenience for computations that cannot fail. */
    static <T> DerivedValue<T> of(Function<Media, T> f) {
        return f::apply;
    }
}
