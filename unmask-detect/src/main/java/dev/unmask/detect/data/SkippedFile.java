package dev.unmask.detect.data;

import java.nio.file.Path;

/**
 * A file found in a data folder that is not used, and why.
 *
 * @param path the file
 * @param label the folder it was found in
 * @param code a stable reason code: a core media error code ({@code decode_failed}, {@code unsupported_format},
 *     {@code truncated}, ...) or {@link #TOO_SMALL}, {@link #DUPLICATE}, {@link #IN_BOTH_CLASSES}
 * @param message a specific explanation
 */
public record SkippedFile(Path path, Label label, String code, String message) {
    /** The image is smaller than the crop size on at least one side. */
    public static final String TOO_SMALL = "too_small";
    /** The same bytes appear earlier in the same class folder. */
    public static final String DUPLICATE = "duplicate";
    /** The same bytes appear in both the real and the fake folder, so the label is unknown. */
    public static final String IN_BOTH_CLASSES = "in_both_classes";
}
