package dev.unmask.detect.testing;

import dev.unmask.api.detector.DetectorDescriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes test detector model folders. */
public final class TestModels {
    private TestModels() {}

    /**
     * A {@link BrightnessDetectorLoader} model folder {@code dir/name}.
     *
     * @param extra further {@code key=value} lines for the descriptor
     */
    public static Path brightness(Path dir, String name, double threshold, String... extra) throws IOException {
        Path folder = dir.resolve(name);
        Files.createDirectories(folder);
        StringBuilder sb = new StringBuilder("kind=" + BrightnessDetectorLoader.KIND + "\nname=" + name + "\nversion=1\nthreshold="
                + threshold + "\nthreshold.fpr=0.05\nscope=Test detector: brightness and edge energy.\n");
        for (String e : extra) {
            sb.append(e).append('\n');
        }
        Files.writeString(folder.resolve(DetectorDescriptor.FILE_NAME), sb.toString(), StandardCharsets.UTF_8);
        return folder;
    }
}
