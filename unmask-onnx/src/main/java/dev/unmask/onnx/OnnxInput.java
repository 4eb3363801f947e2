package dev.unmask.onnx;

import dev.unmask.core.imaging.Scaling;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Turns an image into the float tensor an {@link OnnxModelCard} describes: resized (stretched, or the shorter side
 * scaled and the centre cut), channels in the card's order, each value {@code (v * scale - mean[c]) / std[c]}, laid
 * out NCHW or NHWC for a batch of one.
 */
final class OnnxInput {
    private OnnxInput() {}

    static float[] tensor(BufferedImage image, OnnxModelCard card, int size) {
        BufferedImage img = resized(Scaling.toRgb(image), size, card.centerCrop());
        int[] px = img.getRGB(0, 0, size, size, null, 0, size);
        double[] mean = card.mean();
        double[] std = card.std();
        double scale = card.scale();
        int plane = size * size;
        float[] x = new float[3 * plane];
        for (int i = 0; i < plane; i++) {
            int p = px[i];
            int r = (p >> 16) & 0xff;
            int g = (p >> 8) & 0xff;
            int b = p & 0xff;
            int c0 = card.bgr() ? b : r;
            int c2 = card.bgr() ? r : b;
            float v0 = (float) ((c0 * scale - mean[0]) / std[0]);
            float v1 = (float) ((g * scale - mean[1]) / std[1]);
            float v2 = (float) ((c2 * scale - mean[2]) / std[2]);
            if (card.nhwc()) {
                x[3 * i] = v0;
                x[3 * i + 1] = v1;
                x[3 * i + 2] = v2;
            } else {
                x[i] = v0;
                x[plane + i] = v1;
                x[2 * plane + i] = v2;
            }
        }
        return x;
    }

    /** The image at {@code size x size}: halved while still twice too large (against aliasing), then bilinear. */
    static BufferedImage resized(BufferedImage img, int size, boolean centerCrop) {
        int w = img.getWidth();
        int h = img.getHeight();
        BufferedImage src = img;
        if (centerCrop && w != h) {
            double s = (double) size / Math.min(w, h);
            int nw = Math.max(size, (int) Math.round(w * s));
            int nh = Math.max(size, (int) Math.round(h * s));
            BufferedImage scaled = scale(img, nw, nh);
            BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
            int x0 = (nw - size) / 2;
            int y0 = (nh - size) / 2;
            out.setRGB(0, 0, size, size, scaled.getRGB(x0, y0, size, size, null, 0, size), 0, size);
            return out;
        }
        return w == size && h == size ? src : scale(src, size, size);
    }

    private static BufferedImage scale(BufferedImage img, int w, int h) {
        BufferedImage cur = img;
        while (cur.getWidth() / 2 >= w && cur.getHeight() / 2 >= h) {
            cur = Scaling.resize(cur, cur.getWidth() / 2, cur.getHeight() / 2, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        }
        return cur.getWidth() == w && cur.getHeight() == h ? cur : Scaling.resize(cur, w, h, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    }
}
