package dev.unmask.gan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Differentiable augmentation (Zhao, Liu, Lin, Zhu and Han, "Differentiable Augmentation for Data-Efficient GAN
 * Training", NeurIPS 2020): the same family of random transformations is applied to real and to generated images
 * every time the discriminator looks at them, in the discriminator's and in the generator's step, built from
 * differentiable tensor operations so that the generator's gradient passes through them. The discriminator then
 * cannot memorise a small training set, and since generated images are augmented too, the generator is not pushed
 * to produce augmented-looking images. Policies, as in the paper:
 * <ul>
 *   <li>{@code color}: per image, brightness + U(-0.5, 0.5), saturation x U(0, 2) around the pixel's channel mean,
 *       contrast x U(0.5, 1.5) around the image mean;</li>
 *   <li>{@code translation}: per image, a shift of up to 1/8 of the side in x and y, uncovered pixels zero;</li>
 *   <li>{@code cutout}: per image, a square of half the side (centre uniform, clipped at the border) set to
 *       zero.</li>
 * </ul>
 * Random parameters are drawn from a {@link Random} the caller passes (the trainer derives it from the seed and
 * the step, which makes resumed runs identical to uninterrupted ones), never from the engine.
 *
 * @param color brightness, saturation and contrast jitter
 * @param translation random shifts with zero fill
 * @param cutout one random zeroed square per image
 */
public record DiffAugment(boolean color, boolean translation, boolean cutout) {
    /** No augmentation. */
    public static final DiffAugment NONE = new DiffAugment(false, false, false);
    /** Every policy (the paper's choice for small data sets). */
    public static final DiffAugment ALL = new DiffAugment(true, true, true);
    /** Largest shift as a fraction of the image side. */
    public static final double TRANSLATION_RATIO = 0.125;
    /** Side of the cutout square as a fraction of the image side. */
    public static final double CUTOUT_RATIO = 0.5;

    /** Parses {@code none} or a comma-separated subset of {@code color,translation,cutout}. */
    public static DiffAugment parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.equals("none")) {
            return NONE;
        }
        boolean c = false;
        boolean tr = false;
        boolean cu = false;
        for (String part : t.split(",")) {
            switch (part.trim()) {
                case "color", "colour" -> c = true;
                case "translation" -> tr = true;
                case "cutout" -> cu = true;
                default -> throw new IllegalArgumentException("unknown DiffAugment policy '" + part.trim()
                        + "' (use none or a comma-separated list of color, translation, cutout)");
            }
        }
        return new DiffAugment(c, tr, cu);
    }

    /** True when at least one policy is on. */
    public boolean any() {
        return color || translation || cutout;
    }

    /** {@code none} or the policies in the paper's order, comma-separated ({@link #parse} reads it back). */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (color) {
            parts.add("color");
        }
        if (translation) {
            parts.add("translation");
        }
        if (cutout) {
            parts.add("cutout");
        }
        return parts.isEmpty() ? "none" : String.join(",", parts);
    }

    /**
     * Augments a batch {@code x} of shape (B, C, H, W) with values in about [-1, 1]; returns {@code x} itself when
     * no policy is on. New arrays are attached to {@code manager}.
     */
    public NDArray apply(NDManager manager, NDArray x, Random random) {
        if (!any()) {
            return x;
        }
        Shape s = x.getShape();
        int b = (int) s.get(0);
        int h = (int) s.get(2);
        int w = (int) s.get(3);
        NDArray out = x;
        if (color) {
            out = color(manager, out, b, random);
        }
        if (translation) {
            out = translate(manager, out, b, h, w, random);
        }
        if (cutout) {
            out = cutout(manager, out, b, h, w, random);
        }
        return out;
    }

    private static NDArray color(NDManager m, NDArray x, int b, Random r) {
        Shape perImage = new Shape(b, 1, 1, 1);
        NDArray brightness = m.create(uniform(r, b, -0.5f, 0.5f), perImage);
        NDArray saturation = m.create(uniform(r, b, 0f, 2f), perImage);
        NDArray contrast = m.create(uniform(r, b, 0.5f, 1.5f), perImage);
        NDArray y = x.add(brightness);
        NDArray pixelMean = y.mean(new int[] {1}, true);
        y = y.sub(pixelMean).mul(saturation).add(pixelMean);
        NDArray imageMean = y.reshape(b, -1).mean(new int[] {1}, true).reshape(perImage);
        return y.sub(imageMean).mul(contrast).add(imageMean);
    }

    /**
     * Shifts each image by (dy, dx) in [-shift, shift]: pads one zero pixel on every side, then gathers rows and
     * columns with source indices clamped into the padded range, so pixels shifted in from outside read the zero
     * border.
     */
    private static NDArray translate(NDManager m, NDArray x, int b, int h, int w, Random r) {
        int shiftH = (int) (h * TRANSLATION_RATIO + 0.5);
        int shiftW = (int) (w * TRANSLATION_RATIO + 0.5);
        long[] rows = new long[b * h];
        long[] cols = new long[b * w];
        for (int i = 0; i < b; i++) {
            int dy = r.nextInt(2 * shiftH + 1) - shiftH;
            int dx = r.nextInt(2 * shiftW + 1) - shiftW;
            for (int y = 0; y < h; y++) {
                rows[i * h + y] = Math.clamp(y + dy + 1, 0, h + 1);
            }
            for (int xx = 0; xx < w; xx++) {
                cols[i * w + xx] = Math.clamp(xx + dx + 1, 0, w + 1);
            }
        }
        long c = x.getShape().get(1);
        NDArray padded = x.pad(new Shape(1, 1, 1, 1), 0);
        NDArray rowIndex = m.create(rows, new Shape(b, 1, h, 1)).broadcast(b, c, h, w + 2);
        NDArray shiftedRows = padded.gather(rowIndex, 2);
        NDArray colIndex = m.create(cols, new Shape(b, 1, 1, w)).broadcast(b, c, h, w);
        return shiftedRows.gather(colIndex, 3);
    }

    private static NDArray cutout(NDManager m, NDArray x, int b, int h, int w, Random r) {
        int cutH = (int) (h * CUTOUT_RATIO + 0.5);
        int cutW = (int) (w * CUTOUT_RATIO + 0.5);
        float[] mask = new float[b * h * w];
        java.util.Arrays.fill(mask, 1f);
        for (int i = 0; i < b; i++) {
            int cy = r.nextInt(h + (1 - cutH % 2));
            int cx = r.nextInt(w + (1 - cutW % 2));
            int y0 = Math.max(0, cy - cutH / 2);
            int y1 = Math.min(h, cy - cutH / 2 + cutH);
            int x0 = Math.max(0, cx - cutW / 2);
            int x1 = Math.min(w, cx - cutW / 2 + cutW);
            for (int y = y0; y < y1; y++) {
                java.util.Arrays.fill(mask, i * h * w + y * w + x0, i * h * w + y * w + Math.max(x0, x1), 0f);
            }
        }
        return x.mul(m.create(mask, new Shape(b, 1, h, w)));
    }

    private static float[] uniform(Random r, int n, float lo, float hi) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + (hi - lo) * r.nextFloat();
        }
        return v;
    }
}
