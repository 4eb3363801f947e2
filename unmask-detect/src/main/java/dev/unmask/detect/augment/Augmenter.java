package dev.unmask.detect.augment;

import dev.unmask.core.imaging.Codecs;
import dev.unmask.detect.data.Crops;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * Makes one training crop of {@code size x size} from an image, with the {@link Augmentation}s drawn from a
 * caller-supplied random source. Crop offsets are even, as in {@link Crops}, so an image's 2x2 pixel grid is kept.
 * In this order: choose a down-scale factor (or 1), cut a random window of the
 * image large enough for it (plus an 8-pixel margin when a JPEG re-encoding follows, so that the final crop sits at
 * a random phase of the 8x8 JPEG grid), shrink the window by area averaging, Gaussian blur, JPEG re-encode (the
 * core's deterministic encoder), cut the final random crop, mirror, add noise. Every random decision is drawn
 * whether or not its operation runs, so the random stream a sample uses does not depend on earlier outcomes.
 * The same random source gives the same crop, bit for bit. The image itself is never modified. Stateless and
 * thread-safe.
 */
public final class Augmenter {
    /** Extra pixels cut around the window when a JPEG re-encoding follows. */
    static final int JPEG_MARGIN = 8;

    private final Augmentation settings;

    /** An augmenter with the given settings. */
    public Augmenter(Augmentation settings) {
        this.settings = settings;
    }

    /** The settings. */
    public Augmentation settings() {
        return settings;
    }

    /**
     * One augmented random crop of {@code img} (at least {@code size} on each side), packed 0xRRGGBB.
     */
    public int[] crop(BufferedImage img, int size, SplittableRandom r) {
        Augmentation a = settings;
        int w = img.getWidth();
        int h = img.getHeight();
        if (w < size || h < size) {
            throw new IllegalArgumentException("image " + w + "x" + h + " is smaller than the crop " + size);
        }
        boolean down = r.nextDouble() < a.downscale();
        double scale = a.downscaleMin() + r.nextDouble() * (1 - a.downscaleMin());
        boolean blur = r.nextDouble() < a.blur();
        double sigma = r.nextDouble() * a.blurSigmaMax();
        boolean jpeg = r.nextDouble() < a.jpeg();
        int quality = a.jpegQualityMin() + r.nextInt(a.jpegQualityMax() - a.jpegQualityMin() + 1);
        boolean flip = r.nextDouble() < a.flip();
        boolean noise = r.nextDouble() < a.noise();
        double noiseSigma = r.nextDouble() * a.noiseSigmaMax();
        if (!down) {
            scale = 1;
        }
        int minSide = Math.min(w, h);
        int target = size + (jpeg ? JPEG_MARGIN : 0);
        int window = Math.min(minSide, (int) Math.ceil(target / scale));
        int out = scale < 1 ? Math.max(size, Math.min(window, (int) Math.round(window * scale))) : window;
        int x0 = 2 * r.nextInt((w - window) / 2 + 1);
        int y0 = 2 * r.nextInt((h - window) / 2 + 1);
        int[] px = Crops.at(img, x0, y0, window);
        if (out < window) {
            px = AreaScaling.down(px, window, window, out, out);
        }
        if (blur) {
            px = GaussianBlur.apply(px, out, out, sigma);
        }
        if (jpeg) {
            px = jpeg(px, out, quality);
        }
        int cx = 2 * r.nextInt((out - size) / 2 + 1);
        int cy = 2 * r.nextInt((out - size) / 2 + 1);
        int[] crop = new int[size * size];
        for (int y = 0; y < size; y++) {
            System.arraycopy(px, (cy + y) * out + cx, crop, y * size, size);
        }
        if (flip) {
            mirror(crop, size);
        }
        if (noise && noiseSigma > 0) {
            addNoise(crop, noiseSigma, r.split());
        }
        return crop;
    }

    /** Re-encodes packed-RGB pixels as a JPEG at {@code quality} and decodes them again. */
    static int[] jpeg(int[] px, int side, int quality) {
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, side, side, px, 0, side);
        BufferedImage back = Codecs.decodeOwnJpeg(Codecs.jpeg(img, quality));
        int[] out = new int[side * side];
        back.getRGB(0, 0, side, side, out, 0, side);
        for (int i = 0; i < out.length; i++) {
            out[i] &= 0xFFFFFF;
        }
        return out;
    }

    private static void mirror(int[] px, int size) {
        for (int y = 0; y < size; y++) {
            int row = y * size;
            for (int x = 0; x < size / 2; x++) {
                int t = px[row + x];
                px[row + x] = px[row + size - 1 - x];
                px[row + size - 1 - x] = t;
            }
        }
    }

    private static void addNoise(int[] px, double sigma, SplittableRandom r) {
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            int red = GaussianBlur.clamp((float) (((p >> 16) & 0xff) + sigma * gaussian(r)));
            int green = GaussianBlur.clamp((float) (((p >> 8) & 0xff) + sigma * gaussian(r)));
            int blue = GaussianBlur.clamp((float) ((p & 0xff) + sigma * gaussian(r)));
            px[i] = (red << 16) | (green << 8) | blue;
        }
    }

    /** A standard normal draw by the Box-Muller transform (one of the pair; deterministic across JDKs). */
    private static double gaussian(SplittableRandom r) {
        double u1 = 1 - r.nextDouble();
        double u2 = r.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
    }
}
