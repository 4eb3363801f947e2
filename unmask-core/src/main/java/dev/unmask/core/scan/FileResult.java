package dev.unmask.core.scan;

import java.util.List;

/**
 * Everything Unmask found about one file.
 *
 * @param index position of the file in the scan's input order (0-based)
 * @param path the path as given or found
 * @param sha256 lower-case hex SHA-256 of the bytes analysed, or null when the file could not be read
 * @param sizeBytes file size, or -1 when unknown
 * @param mediaTypeId detected format id (e.g. {@code "jpeg"}, {@code "unknown"})
 * @param mime detected MIME type
 * @param width decoded width, or 0 when not decoded
 * @param height decoded height, or 0 when not decoded
 * @param runs one entry per analyzer that was asked to look at the file
 * @param verdict the fused verdict
 * @param error why the file could not be analysed, or null
 * @param preview a small JPEG of the decoded image for reports (longer side at most
 *     {@link dev.unmask.core.imaging.Scaling#PREVIEW_SIDE}), or null when the image was not decoded
 */
public record FileResult(int index, String path, String sha256, long sizeBytes, String mediaTypeId, String mime,
                         int width, int height, List<AnalyzerRun> runs, Verdict verdict, FileError error,
                         dev.unmask.api.Artifact preview) {
    /** Whether the file was analysed without a file-level error. */
    public boolean analysed() {
        return error == null;
    }
}
