package dev.unmask.core.imaging;

import dev.unmask.api.Artifact;
import java.awt.image.BufferedImage;

/** Builds report pictures with a bounded size, so a 12-megapixel heatmap does not bloat a report. */
public final class Artifacts {
    /** Longest side of pictures placed in reports. */
    public static final int MAX_SIDE = 1024;

    private Artifacts() {}

    /** A PNG artifact of {@code img}, downscaled to at most {@link #MAX_SIDE} on its longer side. */
    public static Artifact png(String name, String caption, Artifact.Kind kind, BufferedImage img) {
        BufferedImage s = Scaling.fitWithin(img, MAX_SIDE);
        return new Artifact(name, caption, kind, "image/png", Codecs.png(s), s.getWidth(), s.getHeight());
    }

    /** A JPEG (quality 90) artifact, for photographic overlays where PNG would be large. */
    public static Artifact jpeg(String name, String caption, Artifact.Kind kind, BufferedImage img) {
        BufferedImage s = Scaling.fitWithin(img, MAX_SIDE);
        return new Artifact(name, caption, kind, "image/jpeg", Codecs.jpeg(s, 90), s.getWidth(), s.getHeight());
    }
}
