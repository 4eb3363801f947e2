package dev.unmask.faces;

import dev.unmask.core.imaging.Planes;
import dev.unmask.core.imaging.Scaling;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * A region of an image scaled to fit a square model input with its aspect ratio kept and the rest padded black
 * (as MediaPipe's image-to-tensor step does with {@code keep_aspect_ratio}), and the map from normalised model
 * coordinates back to image pixels.
 *
 * @param regionX left edge of the region in the image
 * @param regionY top edge of the region in the image
 * @param scale model pixels per image pixel
 * @param padX black columns left of the scaled region, in model pixels
 * @param padY black rows above the scaled region, in model pixels
 * @param inputSize side of the model input
 */
record Letterbox(int regionX, int regionY, double scale, double padX, double padY, int inputSize) {
    /**
     * Renders the region {@code (rx, ry, rw, rh)} of {@code image} into an NHWC float tensor of side {@code size},
     * RGB scaled to [-1, 1], padding -1 (black).
     *
     * @param out receives {@code size * size * 3} values
     */
    static Letterbox render(BufferedImage image, int rx, int ry, int rw, int rh, int size, float[] out) {
        double s = (double) size / Math.max(rw, rh);
        int tw = Math.max(1, Math.min(size, (int) Math.round(rw * s)));
        int th = Math.max(1, Math.min(size, (int) Math.round(rh * s)));
        BufferedImage region = image.getSubimage(rx, ry, rw, rh);
        BufferedImage scaled = Math.max(rw, rh) > size
                ? Scaling.resize(Scaling.fitWithin(region, Math.max(tw, th)), tw, th,
                        RenderingHints.VALUE_INTERPOLATION_BILINEAR)
                : Scaling.resize(region, tw, th, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        int padX = (size - tw) / 2;
        int padY = (size - th) / 2;
        java.util.Arrays.fill(out, 0, size * size * 3, -1f);
        int[] px = Planes.rgbPixels(scaled);
        for (int y = 0; y < th; y++) {
            int o = ((y + padY) * size + padX) * 3;
            int p = y * tw;
            for (int x = 0; x < tw; x++) {
                int c = px[p + x];
                out[o++] = ((c >> 16) & 0xff) / 127.5f - 1f;
                out[o++] = ((c >> 8) & 0xff) / 127.5f - 1f;
                out[o++] = (c & 0xff) / 127.5f - 1f;
            }
        }
        // the scale actually used per axis differs from s by rounding; use the horizontal one (error < 1 px)
        return new Letterbox(rx, ry, (double) tw / rw, padX, padY, size);
    }

    /** Maps a candidate in normalised model coordinates to image pixels. */
    Candidate toImage(Candidate c) {
        double k = inputSize / scale;
        return c.mapped(k, regionX - padX / scale, k, regionY - padY / scale);
    }
}
