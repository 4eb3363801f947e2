package dev.unmask.detect.augment;

/**
 * Separable Gaussian blur of packed-RGB pixels: a normalised kernel of radius {@code ceil(3 sigma)}, edges
 * extended by repeating the border pixel, results rounded to 8 bits. Sigma below 0.05 leaves the image unchanged.
 */
public final class GaussianBlur {
    private GaussianBlur() {
    }

    /** Blurs {@code rgb} ({@code w x h}, packed 0xRRGGBB) and returns a new array. */
    public static int[] apply(int[] rgb, int w, int h, double sigma) {
        if (sigma < 0.05) {
            return rgb.clone();
        }
        int radius = (int) Math.ceil(3 * sigma);
        float[] k = new float[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            double v = StrictMath.exp(-(i * i) / (2 * sigma * sigma));
            k[i + radius] = (float) v;
            sum += v;
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= (float) sum;
        }
        float[][] ch = new float[3][w * h];
        for (int i = 0; i < rgb.length; i++) {
            ch[0][i] = (rgb[i] >> 16) & 0xff;
            ch[1][i] = (rgb[i] >> 8) & 0xff;
            ch[2][i] = rgb[i] & 0xff;
        }
        float[] tmp = new float[w * h];
        for (float[] c : ch) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float s = 0;
                    for (int j = -radius; j <= radius; j++) {
                        int xx = Math.min(w - 1, Math.max(0, x + j));
                        s += k[j + radius] * c[y * w + xx];
                    }
                    tmp[y * w + x] = s;
                }
            }
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float s = 0;
                    for (int j = -radius; j <= radius; j++) {
                        int yy = Math.min(h - 1, Math.max(0, y + j));
                        s += k[j + radius] * tmp[yy * w + x];
                    }
                    c[y * w + x] = s;
                }
            }
        }
        int[] out = new int[w * h];
        for (int i = 0; i < out.length; i++) {
            out[i] = (clamp(ch[0][i]) << 16) | (clamp(ch[1][i]) << 8) | clamp(ch[2][i]);
        }
        return out;
    }

    static int clamp(float v) {
        int r = Math.round(v);
        return r < 0 ? 0 : Math.min(255, r);
    }
}
