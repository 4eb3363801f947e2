package dev.unmask.gan;

import java.awt.image.BufferedImage;

/**
 * Conversions between the generator's output (NCHW floats in [-1, 1], the range of its tanh) and 8-bit RGB images,
 * and the nearest-neighbour enlargement offered to make room for the invisible watermark.
 */
public final class GanImages {
    private GanImages() {
    }

    /** Image {@code index} of an NCHW batch of side {@code size}, values mapped from [-1, 1] to 0..255 and clamped. */
    public static BufferedImage toImage(float[] nchw, int index, int size) {
        int plane = size * size;
        int base = index * 3 * plane;
        int[] rgb = new int[plane];
        for (int p = 0; p < plane; p++) {
            rgb[p] = (toByte(nchw[base + p]) << 16) | (toByte(nchw[base + plane + p]) << 8)
                    | toByte(nchw[base + 2 * plane + p]);
        }
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, size, size, rgb, 0, size);
        return img;
    }

    /** The 8-bit value of a generator output in [-1, 1]: round((v + 1) * 127.5), clamped. */
    public static int toByte(float v) {
        return Math.max(0, Math.min(255, Math.round((v + 1f) * 127.5f)));
    }

    /**
     * {@code img} enlarged {@code factor} times by repeating each pixel (no new detail, no smoothing); the image
     * itself when {@code factor} is 1.
     */
    public static BufferedImage enlarge(BufferedImage img, int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("enlargement factor must be >= 1, got " + factor);
        }
        if (factor == 1) {
            return img;
        }
        int w = img.getWidth();
        int h = img.getHeight();
        int[] src = img.getRGB(0, 0, w, h, null, 0, w);
        int[] dst = new int[w * factor * h * factor];
        int ow = w * factor;
        for (int y = 0; y < h * factor; y++) {
            int sy = y / factor;
            for (int x = 0; x < ow; x++) {
                dst[y * ow + x] = src[sy * w + x / factor];
            }
        }
        BufferedImage out = new BufferedImage(ow, h * factor, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, ow, h * factor, dst, 0, ow);
        return out;
    }
}
