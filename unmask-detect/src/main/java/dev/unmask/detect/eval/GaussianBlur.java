package dev.unmask.detect.eval;

import java.awt.image.BufferedImage;

/** Separable Gaussian blur of an RGB image, kernel radius ⌈3σ⌉, edges replicated. */
final class GaussianBlur {
    private GaussianBlur() {}

    static BufferedImage apply(BufferedImage img, double sigma) {
        int w = img.getWidth();
        int h = img.getHeight();
        int r = (int) Math.ceil(3 * sigma);
        double[] k = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-i * i / (2 * sigma * sigma));
            sum += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        int[] px = img.getRGB(0, 0, w, h, null, 0, w);
        double[][] ch = new double[3][w * h];
        for (int i = 0; i < px.length; i++) {
            ch[0][i] = (px[i] >> 16) & 0xff;
            ch[1][i] = (px[i] >> 8) & 0xff;
            ch[2][i] = px[i] & 0xff;
        }
        double[] tmp = new double[w * h];
        for (double[] c : ch) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double s = 0;
                    for (int i = -r; i <= r; i++) {
                        s += k[i + r] * c[y * w + Math.max(0, Math.min(w - 1, x + i))];
                    }
                    tmp[y * w + x] = s;
                }
            }
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double s = 0;
                    for (int i = -r; i <= r; i++) {
                        s += k[i + r] * tmp[Math.max(0, Math.min(h - 1, y + i)) * w + x];
                    }
                    c[y * w + x] = s;
                }
            }
        }
        int[] out = new int[w * h];
        for (int i = 0; i < out.length; i++) {
            out[i] = (Perturbation.clamp(ch[0][i]) << 16) | (Perturbation.clamp(ch[1][i]) << 8) | Perturbation.clamp(ch[2][i]);
        }
        BufferedImage o = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        o.setRGB(0, 0, w, h, out, 0, w);
        return o;
    }
}
