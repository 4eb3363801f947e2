package dev.unmask.core.imaging;

import dev.unmask.api.Media;
import dev.unmask.api.MediaException;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/** Conversions from decoded images to float planes, with per-media caching of the common ones. */
public final class Planes {
    /** Key under which {@link #luma(Media)} caches its plane. */
    public static final String LUMA_KEY = "core.luma";

    private Planes() {}

    /**
     * The ITU-R BT.601 luma (0.299 R + 0.587 G + 0.114 B, range 0..255) of the media's image, computed once per
     * media and shared between analyzers. BT.601 is the weighting JPEG's YCbCr uses, so this plane matches the Y
     * channel a JPEG encoder saw.
     */
    public static FloatPlane luma(Media media) throws MediaException {
        return media.derived(LUMA_KEY, m -> luma(m.image()));
    }

    /** BT.601 luma of an RGB image, range 0..255. */
    public static FloatPlane luma(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        float[] out = new float[Math.multiplyExact(w, h)];
        int[] rgb = rgbPixels(img);
        for (int i = 0; i < out.length; i++) {
            int p = rgb[i];
            out[i] = 0.299f * ((p >> 16) & 0xff) + 0.587f * ((p >> 8) & 0xff) + 0.114f * (p & 0xff);
        }
        return new FloatPlane(w, h, out);
    }

    /** One colour channel (0 = red, 1 = green, 2 = blue), range 0..255. */
    public static FloatPlane channel(BufferedImage img, int channel) {
        if (channel < 0 || channel > 2) {
            throw new IllegalArgumentException("channel must be 0, 1 or 2");
        }
        int shift = 16 - 8 * channel;
        int[] rgb = rgbPixels(img);
        float[] out = new float[rgb.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (rgb[i] >> shift) & 0xff;
        }
        return new FloatPlane(img.getWidth(), img.getHeight(), out);
    }

    /**
     * The packed RGB pixels of an image, row-major. For {@code TYPE_INT_RGB} images this is the backing array
     * itself (do not modify); for others, a converted copy.
     */
    public static int[] rgbPixels(BufferedImage img) {
        if (img.getType() == BufferedImage.TYPE_INT_RGB
                && img.getRaster().getDataBuffer() instanceof DataBufferInt db
                && db.getNumBanks() == 1
                && img.getRaster().getSampleModelTranslateX() == 0
                && img.getRaster().getSampleModelTranslateY() == 0
                && db.getData().length == img.getWidth() * img.getHeight()) {
            return db.getData();
        }
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    /** Converts any image to a new {@code TYPE_INT_RGB} image (alpha composited over black is dropped). */
    public static BufferedImage toRgb(BufferedImage img) {
        if (img.getType() == BufferedImage.TYPE_INT_RGB) {
            return img;
        }
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        int[] px = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        out.setRGB(0, 0, img.getWidth(), img.getHeight(), px, 0, img.getWidth());
        return out;
    }

    /** A grey {@code TYPE_INT_RGB} image from a plane, values clamped to 0..255. */
    public static BufferedImage toGrayImage(FloatPlane p) {
        BufferedImage out = new BufferedImage(p.width(), p.height(), BufferedImage.TYPE_INT_RGB);
        int[] px = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        float[] d = p.data();
        for (int i = 0; i < d.length; i++) {
            int v = Math.max(0, Math.min(255, Math.round(d[i])));
            px[i] = (v << 16) | (v << 8) | v;
        }
        return out;
    }
}
