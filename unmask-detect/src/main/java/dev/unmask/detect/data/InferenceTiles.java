package dev.unmask.detect.data;

import dev.unmask.core.imaging.Planes;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The crops a detector scores for one image: the centre crop when the image is exactly the input size (or one
 * tile per axis is asked for), otherwise up to {@code tilesPerAxis} x {@code tilesPerAxis} crops spread evenly
 * from edge to edge, centre crop included ({@link Crops#tileOrigins}). The detector's raw score is the mean of
 * the tiles' logits: a cheap, deterministic way to look at more of a large image than its centre without ever
 * resizing it. Images smaller than the input size on either side are not scored.
 */
public final class InferenceTiles {
    private InferenceTiles() {
    }

    /**
     * The tiles of {@code image}, packed 0xRRGGBB.
     *
     * @throws IllegalArgumentException when the image is smaller than {@code size} on a side (message says so)
     */
    public static List<int[]> crops(BufferedImage image, int size, int tilesPerAxis) {
        if (image.getWidth() < size || image.getHeight() < size) {
            throw new IllegalArgumentException("the image is " + image.getWidth() + "x" + image.getHeight()
                    + ", smaller than the detector's " + size + "-pixel input (images are never enlarged)");
        }
        BufferedImage rgb = Planes.toRgb(image);
        List<int[]> out = new ArrayList<>();
        for (int[] o : Crops.tileOrigins(rgb.getWidth(), rgb.getHeight(), size, tilesPerAxis)) {
            out.add(Crops.at(rgb, o[0], o[1], size));
        }
        return out;
    }
}
