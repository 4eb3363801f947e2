package dev.unmask.detect.data;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Square crops at the detector's input size, never resized: evaluation and inference use the fixed centre crop,
 * training uses random crops (see {@code dev.unmask.detect.augment.Augmenter}). Every crop starts at even
 * coordinates ({@link #even}), so it keeps the 2x2 pixel grid of the image it comes from: a generator's x2
 * up-sampling is aligned with its output's origin, and an odd crop offset would shift its traces by one pixel
 * against the grid of the NPR residual (in a first experiment on the generated test data, before crops were
 * aligned, centre crops at odd offsets scored a validation AUC near 0.5 while even-aligned tiles of the same images,
 * through the same network, scored 0.98). Pixels are packed
 * {@code 0xRRGGBB} ints, row-major.
 */
public final class Crops {
    private Crops() {
    }

    /**
     * The centre crop of {@code img}, which must be at least {@code size} on each side: origin
     * {@code (even((w - size) / 2), even((h - size) / 2))}.
     */
    public static int[] centre(BufferedImage img, int size) {
        return at(img, even((img.getWidth() - size) / 2), even((img.getHeight() - size) / 2), size);
    }

    /** {@code v} rounded down to an even number. */
    public static int even(int v) {
        return v & ~1;
    }

    /** The {@code size x size} crop whose top-left corner is {@code (x, y)}. */
    public static int[] at(BufferedImage img, int x, int y, int size) {
        if (x < 0 || y < 0 || x + size > img.getWidth() || y + size > img.getHeight()) {
            throw new IllegalArgumentException("crop " + size + " at (" + x + ", " + y + ") leaves the " + img.getWidth() + "x"
                    + img.getHeight() + " image");
        }
        int[] out = new int[size * size];
        img.getRGB(x, y, size, size, out, 0, size);
        for (int i = 0; i < out.length; i++) {
            out[i] &= 0xFFFFFF;
        }
        return out;
    }

    /**
     * Origins of the inference tiles for a {@code w x h} image: along each axis one position (the centre) when the
     * image is less than {@code size + 2} long or {@code maxPerAxis} is 1, otherwise {@code maxPerAxis} positions
     * spread evenly from edge to edge with the centre position among them when {@code maxPerAxis} is odd, all
     * rounded down to even numbers (duplicates removed). With {@code maxPerAxis} = 3 a large image gets 9 tiles:
     * the corners, the edge middles and the centre crop.
     *
     * @return {x, y} pairs, row by row
     */
    public static List<int[]> tileOrigins(int w, int h, int size, int maxPerAxis) {
        int[] xs = positions(w, size, maxPerAxis);
        int[] ys = positions(h, size, maxPerAxis);
        List<int[]> out = new ArrayList<>();
        for (int y : ys) {
            for (int x : xs) {
                out.add(new int[] {x, y});
            }
        }
        return out;
    }

    private static int[] positions(int length, int size, int maxPerAxis) {
        if (length < size) {
            throw new IllegalArgumentException("image side " + length + " is smaller than the crop " + size);
        }
        if (length < size + 2 || maxPerAxis <= 1) {
            return new int[] {even((length - size) / 2)};
        }
        int[] p = new int[maxPerAxis];
        for (int i = 0; i < maxPerAxis; i++) {
            p[i] = even((int) ((long) i * (length - size) / (maxPerAxis - 1)));
        }
        if (maxPerAxis % 2 == 1) {
            p[maxPerAxis / 2] = even((length - size) / 2);
        }
        return java.util.Arrays.stream(p).distinct().toArray();
    }
}
