package dev.unmask.faces;

import dev.unmask.core.imaging.Planes;
import java.awt.image.BufferedImage;

/**
 * Cuts a square, upright face crop out of an image: the image is rotated about the face box's centre so the eye
 * line (subject's right eye to left eye) is horizontal, and a square of side {@code max(w, h) * (1 + margin)}
 * centred on the box is resampled to the requested size. With the default margin 0.3 the crop is close to the
 * framing MesoNet was trained on (Afchar et al. 2018 crop {@code 1.3 * 2.2 * max(eye distance, eye-mouth
 * distance)} around the nose, rotated upright).
 *
 * <p>Sampling is bilinear; when the crop shrinks the face by two or more, each output pixel averages a grid of
 * bilinear samples (up to 4&times;4) so fine texture does not alias. Pixels outside the image are mirrored back
 * into it (reflection at the border), as the MesoNet pipeline pads.
 */
public final class FaceAligner {
    /** Margin used when none is given. */
    public static final double DEFAULT_MARGIN = 0.3;
    /** Most supersamples per output pixel along each axis. */
    static final int MAX_SUPERSAMPLE = 4;

    private FaceAligner() {}

    /**
     * An upright square crop of {@code face}.
     *
     * @param image the image the face was detected in
     * @param face the face, in {@code image}'s pixel coordinates
     * @param size side of the output in pixels
     * @param margin extra context as a fraction of the box's longer side (0 = the box itself; 0.3 adds 15% on each
     *     side)
     * @return a new {@code TYPE_INT_RGB} image of {@code size} &times; {@code size}
     */
    public static BufferedImage crop(BufferedImage image, Face face, int size, double margin) {
        if (size < 1 || size > 4096) {
            throw new IllegalArgumentException("crop size must be in 1..4096, was " + size);
        }
        if (!(margin >= 0 && margin <= 4)) {
            throw new IllegalArgumentException("crop margin must be in [0, 4], was " + margin);
        }
        FaceBox b = face.box();
        double side = Math.max(1, Math.max(b.width(), b.height()) * (1 + margin));
        return crop(image, b.centerX(), b.centerY(), side, face.eyeLineAngle(), size);
    }

    /**
     * A square crop of side {@code side} image pixels centred on {@code (cx, cy)}, rotated by {@code angle} radians
     * (the crop's x axis runs along that direction in the image), resampled to {@code size}.
     */
    static BufferedImage crop(BufferedImage image, double cx, double cy, double side, double angle, int size) {
        BufferedImage src = Planes.toRgb(image);
        int w = src.getWidth();
        int h = src.getHeight();
        int[] px = Planes.rgbPixels(src);
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        int[] o = Planes.rgbPixels(out);
        double step = side / size;
        int ss = (int) Math.max(1, Math.min(MAX_SUPERSAMPLE, Math.floor(step)));
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double[] rgb = new double[3];
        for (int v = 0; v < size; v++) {
            for (int u = 0; u < size; u++) {
                double r = 0;
                double g = 0;
                double bl = 0;
                for (int sy = 0; sy < ss; sy++) {
                    for (int sx = 0; sx < ss; sx++) {
                        double du = (u + (sx + 0.5) / ss) * step - side / 2;
                        double dv = (v + (sy + 0.5) / ss) * step - side / 2;
                        double x = cx + du * cos - dv * sin;
                        double y = cy + du * sin + dv * cos;
                        bilinear(px, w, h, x - 0.5, y - 0.5, rgb);
                        r += rgb[0];
                        g += rgb[1];
                        bl += rgb[2];
                    }
                }
                int n = ss * ss;
                o[v * size + u] = (clamp(r / n) << 16) | (clamp(g / n) << 8) | clamp(bl / n);
            }
        }
        return out;
    }

    private static void bilinear(int[] px, int w, int h, double x, double y, double[] out) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        int xa = reflect(x0, w);
        int xb = reflect(x0 + 1, w);
        int ya = reflect(y0, h);
        int yb = reflect(y0 + 1, h);
        int p00 = px[ya * w + xa];
        int p01 = px[ya * w + xb];
        int p10 = px[yb * w + xa];
        int p11 = px[yb * w + xb];
        for (int c = 0; c < 3; c++) {
            int sh = 16 - 8 * c;
            double top = ((p00 >> sh) & 0xff) * (1 - fx) + ((p01 >> sh) & 0xff) * fx;
            double bot = ((p10 >> sh) & 0xff) * (1 - fx) + ((p11 >> sh) & 0xff) * fx;
            out[c] = top * (1 - fy) + bot * fy;
        }
    }

    /** Mirrors an index into [0, n) (reflection without repeating the edge pixel). */
    static int reflect(int i, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * (n - 1);
        int m = Math.floorMod(i, period);
        return m < n ? m : period - m;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
