package dev.unmask.core.imaging;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/** Renders float planes as colour heatmaps and blends them over images. */
public final class Heatmaps {
    private Heatmaps() {}

    /**
     * Colour-maps {@code p}, mapping {@code lo} to the bottom and {@code hi} to the top of the colour map.
     *
     * @param p the values
     * @param lo value shown darkest
     * @param hi value shown brightest (must exceed {@code lo}; if not, everything renders as {@code lo})
     * @param map the colour map
     */
    public static BufferedImage render(FloatPlane p, double lo, double hi, ColorMap map) {
        BufferedImage out = new BufferedImage(p.width(), p.height(), BufferedImage.TYPE_INT_RGB);
        int[] px = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        float[] d = p.data();
        double span = hi - lo;
        for (int i = 0; i < d.length; i++) {
            double t = span > 0 ? (d[i] - lo) / span : 0;
            px[i] = map.rgb(t);
        }
        return out;
    }

    /**
     * Colour-maps {@code p} from its 0th to its {@code q}-quantile (robust to a few extreme values).
     *
     * @param q upper quantile in (0,1], e.g. 0.995
     */
    public static BufferedImage renderRobust(FloatPlane p, double q, ColorMap map) {
        float[] r = p.range();
        double hi = Stats.quantile(p.data(), q);
        if (!(hi > r[0])) {
            hi = r[1];
        }
        return render(p, r[0], hi, map);
    }

    /**
     * Blends a heatmap over a base image: {@code alpha} of the heatmap, the rest of the base in grey, so the
     * scene stays recognisable. The heatmap is scaled to the base's size (nearest neighbour for block maps).
     */
    public static BufferedImage overlay(BufferedImage base, BufferedImage heat, double alpha) {
        BufferedImage b = Scaling.toRgb(base);
        BufferedImage h = heat.getWidth() == b.getWidth() && heat.getHeight() == b.getHeight()
                ? Scaling.toRgb(heat)
                : Scaling.resizeNearest(heat, b.getWidth(), b.getHeight());
        int w = b.getWidth();
        int hh = b.getHeight();
        BufferedImage out = new BufferedImage(w, hh, BufferedImage.TYPE_INT_RGB);
        int[] o = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        int[] bp = Planes.rgbPixels(b);
        int[] hp = Planes.rgbPixels(h);
        for (int i = 0; i < o.length; i++) {
            int p = bp[i];
            double g = 0.299 * ((p >> 16) & 0xff) + 0.587 * ((p >> 8) & 0xff) + 0.114 * (p & 0xff);
            int q = hp[i];
            int r = (int) Math.round(alpha * ((q >> 16) & 0xff) + (1 - alpha) * g);
            int gg = (int) Math.round(alpha * ((q >> 8) & 0xff) + (1 - alpha) * g);
            int bb = (int) Math.round(alpha * (q & 0xff) + (1 - alpha) * g);
            o[i] = (r << 16) | (gg << 8) | bb;
        }
        return out;
    }
}
