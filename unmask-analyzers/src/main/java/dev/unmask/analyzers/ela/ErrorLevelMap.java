package dev.unmask.analyzers.ela;

import dev.unmask.core.imaging.Codecs;
import dev.unmask.core.imaging.FloatPlane;
import dev.unmask.core.imaging.Thumbs;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * The error level map of error level analysis (Krawetz, "A Picture's Worth", Black Hat 2007): the image is
 * re-saved as JPEG at a known quality and compared with itself.
 *
 * <p><b>Luma only.</b> The BT.601 luma plane (the Y channel a JPEG encoder sees), rounded to 8 bits, is re-saved
 * as a single-channel JPEG with the JDK encoder at the same quality scale as {@code Codecs.jpeg} (IJG tables,
 * the luminance table for Y), and the per-pixel error is {@code |Y - Y'|}. Luma rather than the maximum over
 * R, G and B because a colour re-save's 4:2:0 chroma subsampling adds large RGB errors along every saturated
 * colour edge, which swamped the map on real photos; luma is also where JPEG quantises most finely and a
 * region's compression history shows best. A single-channel re-save costs about a third of a colour one.
 *
 * <p>Errors are averaged over the 8&times;8 blocks of the JPEG grid (anchored at the top-left pixel; partial
 * blocks at the right and bottom edges are ignored). Each block also gets a texture measure, the mean absolute
 * horizontal plus vertical luma gradient.
 *
 * <p>Public so that other modules can compare the error level of one region with the rest of an image (the
 * face-region checks of the {@code faces} analyzer); the accessors return copies.
 */
public final class ErrorLevelMap {
    /** JPEG block size. */
    public static final int BLOCK = 8;

    /** Per-block mean absolute luma error, row-major on the block grid. */
    final double[] error;
    /** Per-block mean absolute luma gradient (texture). */
    final double[] texture;
    /** Block grid width. */
    final int bw;
    /** Block grid height. */
    final int bh;
    /** Mean absolute luma error over all pixels of whole blocks. */
    final double meanError;
    /** The absolute luma error averaged over {@code thumbFactor}-sized cells (for display; the last row and column of cells absorb the remainder). */
    final FloatPlane errorThumb;

    private ErrorLevelMap(double[] error, double[] texture, int bw, int bh, double meanError, FloatPlane errorThumb) {
        this.error = error;
        this.texture = texture;
        this.bw = bw;
        this.bh = bh;
        this.meanError = meanError;
        this.errorThumb = errorThumb;
    }

    /**
     * Re-saves the luma at {@code quality} and measures the block errors, with a display thumbnail of the size the
     * ELA analyzer's pictures use.
     *
     * @param luma the image's BT.601 luma plane, 0..255
     * @param quality JPEG quality, 1..100
     */
    public static ErrorLevelMap compute(FloatPlane luma, int quality) {
        return compute(luma, quality, Thumbs.factor(luma.width(), luma.height()));
    }

    /** Per-block mean absolute luma error of the re-save, grey levels, row-major on the 8x8 grid (a copy). */
    public double[] error() {
        return error.clone();
    }

    /** Per-block mean absolute luma gradient (texture), grey levels (a copy). */
    public double[] texture() {
        return texture.clone();
    }

    /** Blocks per row. */
    public int blocksX() {
        return bw;
    }

    /** Block rows. */
    public int blocksY() {
        return bh;
    }

    /** Mean absolute luma error over all pixels of whole blocks. */
    public double meanError() {
        return meanError;
    }

    /**
     * Re-saves the luma at {@code quality} and measures the block errors.
     *
     * @param luma the image's BT.601 luma plane, 0..255
     * @param quality JPEG quality, 1..100
     * @param thumbFactor cell size of {@link #errorThumb}
     */
    static ErrorLevelMap compute(FloatPlane luma, int quality, int thumbFactor) {
        int w = luma.width();
        int h = luma.height();
        float[] y = luma.data();
        BufferedImage grey = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] g0 = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < y.length; i++) {
            g0[i] = (byte) Math.max(0, Math.min(255, Math.round(y[i])));
        }
        byte[] g1 = greyBytes(Codecs.decodeOwnJpeg(Codecs.jpeg(grey, quality)), w, h);

        int bw = w / BLOCK;
        int bh = h / BLOCK;
        double[] err = new double[bw * bh];
        double[] tex = new double[bw * bh];
        int tw = Math.max(1, w / thumbFactor);
        int th = Math.max(1, h / thumbFactor);
        float[] thumb = new float[tw * th];
        int[] cellCount = new int[tw * th];
        long total = 0;
        for (int py = 0; py < h; py++) {
            int brow = py / BLOCK;
            boolean inRows = brow < bh;
            int trow = Math.min(th - 1, py / thumbFactor) * tw;
            for (int px = 0; px < w; px++) {
                int i = py * w + px;
                int e = Math.abs((g0[i] & 0xff) - (g1[i] & 0xff));
                int cellIdx = trow + Math.min(tw - 1, px / thumbFactor);
                thumb[cellIdx] += e;
                cellCount[cellIdx]++;
                int bcol = px / BLOCK;
                if (inRows && bcol < bw) {
                    float gx = px + 1 < w ? Math.abs(y[i + 1] - y[i]) : 0;
                    float gy = py + 1 < h ? Math.abs(y[i + w] - y[i]) : 0;
                    int b = brow * bw + bcol;
                    err[b] += e;
                    tex[b] += gx + gy;
                    total += e;
                }
            }
        }
        double per = BLOCK * BLOCK;
        for (int b = 0; b < err.length; b++) {
            err[b] /= per;
            tex[b] /= per;
        }
        for (int i = 0; i < thumb.length; i++) {
            thumb[i] /= cellCount[i];
        }
        double mean = err.length == 0 ? 0 : total / (err.length * per);
        return new ErrorLevelMap(err, tex, bw, bh, mean, new FloatPlane(tw, th, thumb));
    }

    /** The 8-bit grey samples of a decoded single-channel image. */
    private static byte[] greyBytes(BufferedImage img, int w, int h) {
        if (img.getWidth() != w || img.getHeight() != h) {
            throw new IllegalStateException("re-saved image has a different size");
        }
        if (img.getType() == BufferedImage.TYPE_BYTE_GRAY && img.getRaster().getDataBuffer() instanceof DataBufferByte db
                && db.getNumBanks() == 1 && db.getData().length == w * h) {
            return db.getData();
        }
        int[] s = img.getRaster().getSamples(0, 0, w, h, 0, (int[]) null);
        byte[] out = new byte[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = (byte) s[i];
        }
        return out;
    }
}
