package dev.unmask.core.media;

import dev.unmask.api.MediaException;
import dev.unmask.api.MediaKind;
import dev.unmask.api.MediaType;

/** A container guard for a test-only format: width = file length; a file {9} is refused, a file {0} breaks the guard. */
public final class TestContainerGuard implements ContainerGuard {
    static final MediaType TYPE = new MediaType("test-container", "video/x-test", MediaKind.VIDEO);

    @Override
    public boolean handles(MediaType type) {
        return TYPE.equals(type);
    }

    @Override
    public StructureGuard.Structure check(MediaType type, byte[] bytes, MediaLimits limits) throws MediaException {
        if (bytes[0] == 9) {
            throw new MediaException(MediaException.BAD_DIMENSIONS, "declares too much");
        }
        if (bytes[0] == 0) {
            throw new IllegalStateException("guard defect");
        }
        return new StructureGuard.Structure(bytes.length, 1, 0);
    }
}
