package dev.unmask.core.report;

import dev.unmask.api.Artifact;
import dev.unmask.core.scan.FileResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where artifact pictures are stored on disk: {@code <root>/<sha256 prefix>/<analyzer>-<name>.<ext>}. */
public final class ArtifactFiles {
    private ArtifactFiles() {}

    /** Writes the artifact and returns its path. */
    public static Path write(Path root, FileResult file, String analyzerId, Artifact a) throws IOException {
        String folder = file.sha256() == null ? "file-" + file.index() : file.sha256().substring(0, 16);
        String ext = a.mimeType().equals("image/jpeg") ? "jpg" : "png";
        Path dir = root.resolve(folder);
        Files.createDirectories(dir);
        Path f = dir.resolve(analyzerId + "-" + a.name() + "." + ext);
        Files.write(f, a.data());
        return f;
    }
}
