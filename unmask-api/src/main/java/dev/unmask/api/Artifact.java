package dev.unmask.api;

import java.util.Objects;

/**
 * A picture that supports a finding: a heatmap, an overlay on the image, a plot.
 *
 * @param name short file-safe name, unique within its analyzer result (e.g. {@code "ela-heatmap"})
 * @param caption one sentence telling the reader how to read the picture
 * @param kind what sort of picture it is
 * @param mimeType {@code "image/png"} or {@code "image/jpeg"}
 * @param data the encoded picture
 * @param width width in pixels
 * @param height height in pixels
 */
public record Artifact(String name, String caption, Kind kind, String mimeType, byte[] data, int width, int height) {
    /** The sort of picture. */
    public enum Kind {
        /** A per-pixel or per-block map of a quantity, colour-mapped. */
        HEATMAP,
        /** Marks drawn over the image (regions, links, boxes). */
        OVERLAY,
        /** A chart of values. */
        PLOT,
        /** Any other picture. */
        IMAGE
    }

    /** Validates the components. */
    public Artifact {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(caption, "caption");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(data, "data");
        if (!name.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("artifact name must be lower-case file-safe: " + name);
        }
    }
}
