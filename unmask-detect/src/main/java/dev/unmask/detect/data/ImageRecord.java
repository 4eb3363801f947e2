package dev.unmask.detect.data;

import java.nio.file.Path;

/**
 * One decodable training or validation image.
 *
 * @param path the file
 * @param relativePath the path below its class folder, with '/' separators (as written to {@code manifest.csv})
 * @param label real or fake (from the folder it was found in)
 * @param sha256 SHA-256 of the file's bytes, lower-case hex
 * @param sizeBytes file size
 * @param width decoded width in pixels
 * @param height decoded height in pixels
 * @param split train or validation, from {@link HashSplit}
 */
public record ImageRecord(Path path, String relativePath, Label label, String sha256, long sizeBytes, int width, int height,
        Split split) {
}
