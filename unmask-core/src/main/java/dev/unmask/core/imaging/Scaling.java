package dev.unmask.core.imaging;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Image resizing for display and for bounded-cost analysis. */
public final class Scaling {
    /** Longer side of the per-file preview shown in reports. */
    public static final int PREVIEW_SIDE = 480;

    private Scaling() {}

    /**
     * A fast box-averaged downscale of an RGB image by the integer factor that brings its longer side to at most
     * {@code maxSide} (about 30 ms for 12 megapixels; {@link #fitWithin} is smoother but slower).
     */
    public static BufferedImage boxDown(BufferedImage img, int maxSide) {
        int w = img.getWidth();
        int h = img.getHeight();
        int k = Math.max(1, (Math.max(w, h) + maxSide - 1) / maxSide);
        if (k == 1) {
            return toRgb(img);
        }
        int tw = Math.max(1, w / k);
        int th = Math.max(1, h / k);
        int[] src = Planes.rgbPixels(img);
        int[] r = new int[tw * th];
        int[] g = new int[tw * th];
        int[] b = new int[tw * th];
        int[] n = new int[tw * th];
        for (int y = 0; y < th * k; y++) {
            int row = (y / k) * tw;
            int off = y * w;
            for (int x = 0; x < tw * k; x++) {
                int c = row + x / k;
                int p = src[off + x];
                r[c] += (p >> 16) & 0xff;
                g[c] += (p >> 8) & 0xff;
                b[c] += p & 0xff;
                n[c]++;
            }
        }
        BufferedImage out = new BufferedImage(tw, th, BufferedImage.TYPE_INT_RGB);
        int[] o = Planes.rgbPixels(out);
        for (int i = 0; i < o.length; i++) {
            o[i] = ((r[i] / n[i]) << 16) | ((g[i] / n[i]) << 8) | (b[i] / n[i]);
        }
        return out;
    }

    /** {@code img} as {@code TYPE_INT_RGB} (the same object when it already is). */
    public static BufferedImage toRgb(BufferedImage img) {
        return Planes.toRgb(img);
    }

    /** Nearest-neighbour resize (keeps block maps crisp). */
    public static BufferedImage resizeNearest(BufferedImage img, int w, int h) {
        return resize(img, w, h, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
    }

    /**
     * Area-averaging downscale so the longer side is at most {@code maxSide}; returns {@code img} itself when it
     * is already small enough. Used for report thumbnails and bounded-cost analysis.
     */
    public static BufferedImage fitWithin(BufferedImage img, int maxSide) {
        int w = img.getWidth();
        int h = img.getHeight();
        int longer = Math.max(w, h);
        if (longer <= maxSide) {
            return img;
        }
        double s = (double) maxSide / longer;
        int nw = Math.max(1, (int) Math.round(w * s));
        int nh = Math.max(1, (int) Math.round(h * s));
        // successive halving then bilinear: close to area averaging, much faster than SCALE_AREA_AVERAGING
        BufferedImage cur = toRgb(img);
        while (cur.getWidth() / 2 >= nw && cur.getHeight() / 2 >= nh) {
            cur = resize(cur, cur.getWidth() / 2, cur.getHeight() / 2, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        }
        return resize(cur, nw, nh, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    }

    /** Resizes with the given interpolation hint. */
    public static BufferedImage resize(BufferedImage img, int w, int h, Object interpolation) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
            g.drawImage(img, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
