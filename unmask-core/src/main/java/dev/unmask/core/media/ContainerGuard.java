package dev.unmask.core.media;

import dev.unmask.api.MediaException;
import dev.unmask.api.MediaType;

/**
 * The central guard's check for a container format the core does not walk itself (video containers), contributed
 * by the module that reads the format through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.unmask.core.media.ContainerGuard}). {@link StructureGuard} calls the first guard that
 * {@linkplain #handles handles} a file's type, with the run's {@link MediaLimits}, before any analyzer sees the file;
 * a refusal becomes the file's error, exactly as for an image. Implementations must be thread-safe, must not
 * allocate in proportion to declared sizes, and must not throw anything but {@link MediaException}.
 */
public interface ContainerGuard {
    /** Whether this guard checks files of {@code type}. */
    boolean handles(MediaType type);

    /**
     * Checks the file's structure against the limits.
     *
     * @return what the guard learned (display width and height, 0 when unknown)
     * @throws MediaException with a specific code ({@code bad_dimensions}, {@code too_many_pixels},
     *     {@code truncated}, {@code decode_failed}, {@code unsupported_format}) when the file is refused
     */
    StructureGuard.Structure check(MediaType type, byte[] bytes, MediaLimits limits) throws MediaException;
}
