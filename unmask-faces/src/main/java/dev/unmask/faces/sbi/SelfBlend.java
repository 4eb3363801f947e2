package dev.unmask.faces.sbi;

import dev.unmask.core.imaging.Planes;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;

/**
 * Self-blended images (Shiohara &amp; Yamasaki, "Detecting Deepfakes with Self-Blended Images", CVPR 2022),
 * simplified: a pseudo-fake made from one real aligned face crop, so a detector trained on real faces and these
 * learns the traces every face swap leaves (a blending boundary, a colour and sharpness mismatch, a small
 * misalignment) rather than the identities or the generator of any particular forgery.
 *
 * <p>Steps, all drawn from one seeded {@link Random}:
 * <ol>
 *   <li>source = target with random brightness, contrast and per-channel colour gains, then either a Gaussian blur
 *       or an unsharp-mask sharpening, then a random affine warp (translation up to {@code maxShift} of the side per
 *       axis, scale {@code minScale..maxScale} about the centre; bilinear, mirrored at the border);</li>
 *   <li>mask = an ellipse over the inner face of the aligned crop (the paper uses the convex hull of 81 landmarks;
 *       BlazeFace gives only six keypoints, and the crop is already upright and centred), randomly scaled (the
 *       paper's erosion/dilation) and with a random low-frequency wobble of its outline, then Gaussian-blurred
 *       (kernel cut at 3 sigma, so the mask is exactly 0 far outside the ellipse) and scaled to a peak of 1;</li>
 *   <li>a blend ratio {@code r} drawn from {@code blendRatios}; output = target &middot; (1 &minus; m&middot;r) +
 *       source &middot; (m&middot;r).</li>
 * </ol>
 * Where the mask is 0 the output equals the target exactly. The same target and seed always give the same output.
 * Stateless and thread-safe.
 */
public final class SelfBlend {
    private final SelfBlendSettings settings;

    /** A self-blend with the given settings. */
    public SelfBlend(SelfBlendSettings settings) {
        this.settings = settings;
    }

    /** A self-blend with {@link SelfBlendSettings#DEFAULTS}. */
    public SelfBlend() {
        this(SelfBlendSettings.DEFAULTS);
    }

    /**
     * One pseudo-fake with its mask.
     *
     * @param image the blended image ({@code TYPE_INT_RGB}, the target's size)
     * @param mask the blurred mask in [0, 1], row-major, width &times; height (before the blend ratio)
     * @param ratio the blend ratio used
     */
    public record Blended(BufferedImage image, float[] mask, double ratio) {}

    /** The pseudo-fake of {@code target} for {@code seed}. */
    public BufferedImage apply(BufferedImage target, long seed) {
        return blend(target, seed).image();
    }

    /** The pseudo-fake of {@code target} for {@code seed}, with the mask and ratio that made it. */
    public Blended blend(BufferedImage target, long seed) {
        int w = target.getWidth();
        int h = target.getHeight();
        if (w < 16 || h < 16) {
            throw new IllegalArgumentException("a face crop for self-blending needs at least 16 x 16 pixels, was " + w + " x " + h);
        }
        Random rnd = new Random(seed);
        int[] t = Planes.rgbPixels(Planes.toRgb(target));
        float[][] source = source(t, w, h, rnd);
        float[] mask = mask(w, h, rnd);
        List<Double> ratios = settings.blendRatios();
        double ratio = ratios.get(rnd.nextInt(ratios.size()));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] o = Planes.rgbPixels(out);
        for (int i = 0; i < w * h; i++) {
            double m = mask[i] * ratio;
            if (m <= 0) {
                o[i] = t[i] & 0xffffff;
                continue;
            }
            int p = 0;
            for (int c = 0; c < 3; c++) {
                int sh = 16 - 8 * c;
                double v = ((t[i] >> sh) & 0xff) * (1 - m) + source[c][i] * m;
                p |= clamp(v) << sh;
            }
            o[i] = p;
        }
        return new Blended(out, mask, ratio);
    }

    /** The transformed copy of the target: colour jitter, blur or sharpen, affine warp. */
    private float[][] source(int[] t, int w, int h, Random rnd) {
        SelfBlendSettings s = settings;
        double brightness = uniform(rnd, -s.brightness(), s.brightness()) * 255;
        double contrast = 1 + uniform(rnd, -s.contrast(), s.contrast());
        float[][] ch = new float[3][w * h];
        for (int c = 0; c < 3; c++) {
            double gain = 1 + uniform(rnd, -s.colour(), s.colour());
            int sh = 16 - 8 * c;
            for (int i = 0; i < w * h; i++) {
                double v = ((t[i] >> sh) & 0xff) * gain;
                ch[c][i] = (float) ((v - 128) * contrast + 128 + brightness);
            }
        }
        boolean blur = rnd.nextBoolean();
        double amount = rnd.nextDouble();
        for (int c = 0; c < 3; c++) {
            if (blur) {
                double sigma = Math.max(0.3, amount * s.maxBlurSigma() * Math.min(w, h) / 128.0);
                ch[c] = gaussian(ch[c], w, h, sigma, true);
            } else {
                float[] soft = gaussian(ch[c], w, h, 1.0, true);
                double k = amount * s.maxSharpen();
                for (int i = 0; i < w * h; i++) {
                    ch[c][i] = (float) (ch[c][i] + k * (ch[c][i] - soft[i]));
                }
            }
        }
        double scale = uniform(rnd, s.minScale(), s.maxScale());
        double tx = uniform(rnd, -s.maxShift(), s.maxShift()) * w;
        double ty = uniform(rnd, -s.maxShift(), s.maxShift()) * h;
        double cx = w / 2.0;
        double cy = h / 2.0;
        float[][] warped = new float[3][w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double sx = cx + (x + 0.5 - cx - tx) / scale - 0.5;
                double sy = cy + (y + 0.5 - cy - ty) / scale - 0.5;
                int x0 = (int) Math.floor(sx);
                int y0 = (int) Math.floor(sy);
                double fx = sx - x0;
                double fy = sy - y0;
                int xa = reflect(x0, w);
                int xb = reflect(x0 + 1, w);
                int ya = reflect(y0, h);
                int yb = reflect(y0 + 1, h);
                for (int c = 0; c < 3; c++) {
                    float[] p = ch[c];
                    double top = p[ya * w + xa] * (1 - fx) + p[ya * w + xb] * fx;
                    double bot = p[yb * w + xa] * (1 - fx) + p[yb * w + xb] * fx;
                    warped[c][y * w + x] = (float) (top * (1 - fy) + bot * fy);
                }
            }
        }
        return warped;
    }

    /** The blurred, deformed ellipse mask in [0, 1]. */
    private float[] mask(int w, int h, Random rnd) {
        SelfBlendSettings s = settings;
        double side = Math.min(w, h);
        double d = s.maxDeform();
        double ax = s.ellipseWidth() * side * (1 + uniform(rnd, -d, d));
        double ay = s.ellipseHeight() * side * (1 + uniform(rnd, -d, d));
        double cx = w / 2.0;
        double cy = s.ellipseCentreY() * h;
        // outline wobble: harmonics 2..4 whose amplitudes sum to at most maxDeform / 2
        double[] amp = new double[3];
        double[] phase = new double[3];
        for (int k = 0; k < 3; k++) {
            amp[k] = rnd.nextDouble() * d / 6;
            phase[k] = rnd.nextDouble() * 2 * Math.PI;
        }
        float[] m = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double dx = (x + 0.5 - cx) / ax;
                double dy = (y + 0.5 - cy) / ay;
                double theta = Math.atan2(dy, dx);
                double edge = 1;
                for (int k = 0; k < 3; k++) {
                    edge += amp[k] * Math.cos((k + 2) * theta + phase[k]);
                }
                m[y * w + x] = dx * dx + dy * dy < edge * edge ? 1f : 0f;
            }
        }
        double sigma = uniform(rnd, s.minMaskBlur(), s.maxMaskBlur()) * side;
        if (sigma > 0.05) {
            m = gaussian(m, w, h, sigma, false);
        }
        float peak = 0;
        for (float v : m) {
            peak = Math.max(peak, v);
        }
        if (peak > 0) {
            for (int i = 0; i < m.length; i++) {
                m[i] = Math.min(1f, m[i] / peak);
            }
        }
        return m;
    }

    /**
     * Separable Gaussian blur with the kernel cut at 3 sigma; outside the image the plane is mirrored
     * ({@code mirror}) or 0.
     */
    static float[] gaussian(float[] p, int w, int h, double sigma, boolean mirror) {
        int r = Math.max(1, (int) Math.ceil(3 * sigma));
        double[] k = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-i * i / (2 * sigma * sigma));
            sum += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        float[] tmp = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double a = 0;
                for (int i = -r; i <= r; i++) {
                    int xx = x + i;
                    if (xx < 0 || xx >= w) {
                        if (!mirror) {
                            continue;
                        }
                        xx = reflect(xx, w);
                    }
                    a += k[i + r] * p[y * w + xx];
                }
                tmp[y * w + x] = (float) a;
            }
        }
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double a = 0;
                for (int i = -r; i <= r; i++) {
                    int yy = y + i;
                    if (yy < 0 || yy >= h) {
                        if (!mirror) {
                            continue;
                        }
                        yy = reflect(yy, h);
                    }
                    a += k[i + r] * tmp[yy * w + x];
                }
                out[y * w + x] = (float) a;
            }
        }
        return out;
    }

    private static double uniform(Random rnd, double lo, double hi) {
        return lo + (hi - lo) * rnd.nextDouble();
    }

    /** Mirrors an index into [0, n) without repeating the edge pixel. */
    private static int reflect(int i, int n) {
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
