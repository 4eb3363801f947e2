package dev.unmask.core.imaging;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Image resizing for display and for bounded-cost analysis. */
public final class Scaling {
    private Scaling() {}

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
