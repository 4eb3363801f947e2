package dev.unmask.testkit;

import dev.unmask.core.media.FormatDetection;
import dev.unmask.core.media.LoadedMedia;
import dev.unmask.core.media.MediaLimits;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the repository's {@code testdata/} fixtures and opens them as media. */
public final class TestData {
    private static final FormatDetection FORMATS = new FormatDetection();

    private TestData() {}

    /** The fixtures folder (system property {@code unmask.testdata}, set by the build). */
    public static Path root() {
        String p = System.getProperty("unmask.testdata");
        Path root = p != null ? Path.of(p) : Path.of("../testdata");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("test fixtures not found at " + root.toAbsolutePath());
        }
        return root.normalize();
    }

    /** A fixture by relative path, e.g. {@code "photos/rocket.jpg"}. */
    public static Path file(String relative) {
        Path f = root().resolve(relative);
        if (!Files.isRegularFile(f)) {
            throw new IllegalStateException("missing fixture " + f);
        }
        return f;
    }

    /** A fixture opened as media with default limits. */
    public static LoadedMedia media(String relative) throws Exception {
        return LoadedMedia.read(file(relative), FORMATS, MediaLimits.DEFAULT);
    }

    /** In-memory bytes opened as media with default limits. */
    public static LoadedMedia media(String name, byte[] bytes) {
        return LoadedMedia.of(Path.of(name), bytes, FORMATS, MediaLimits.DEFAULT);
    }
}
