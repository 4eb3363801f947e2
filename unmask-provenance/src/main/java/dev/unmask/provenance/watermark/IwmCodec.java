package dev.unmask.provenance.watermark;

import java.awt.image.BufferedImage;

/**
 * Encoder and decoder compatible with ShieldMnt/invisible-watermark's {@code dwtDct} and {@code dwtDctSvd} methods
 * (see {@link IwmMethod}): BGR to YUV as OpenCV converts it ({@link OpenCvYuv}), Haar level 1 of the U channel
 * cropped to a multiple of 4 ({@link HaarLevel1}), 4x4 blocks of the approximation band in row-major order carrying
 * bits {@code n mod L}, quantisation step {@link #SCALE}, per-bit average of the block votes, bit = 1 when the
 * average times 255 exceeds 127. The encoder exists so tests can make marked images; it also reproduces the
 * library's side effects (transposed 2x2 blocks in U, truncation to 8 bits on the {@code uint8} path).
 */
public final class IwmCodec {
    /** The library's default quantisation step for the U channel. */
    public static final double SCALE = 36;
    /** Block side in the approximation band. */
    static final int BLOCK = 4;
    /** The library refuses images with fewer pixels than 256 x 256. */
    public static final int MIN_PIXELS = 256 * 256;
    /** Smallest side giving one complete 4x4 block of the half-resolution band. */
    public static final int MIN_SIDE = 8;
    private static final int QUARTER = 4;
    private static final double LOW = 0.25;
    private static final double HALF = 0.5;
    private static final double VOTE_SCALE = 255;
    private static final double VOTE_THRESHOLD = 127;
    private static final int BYTE_MASK = 0xFF;

    private IwmCodec() {}

    /**
     * The Haar approximation band of the U channel as the library computes it (streamed two rows at a time), or
     * null when the image is too small (fewer than 65536 pixels or no complete 4x4 block).
     * {@code swapRedBlue} reads the image as if its red and blue channels had been exchanged (a pipeline that passed
     * RGB where the library expects BGR).
     */
    public static Band band(BufferedImage img, ColourPath path, boolean swapRedBlue) {
        int w4 = img.getWidth() / QUARTER * QUARTER;
        int h4 = img.getHeight() / QUARTER * QUARTER;
        if ((long) img.getWidth() * img.getHeight() < MIN_PIXELS || w4 == 0 || h4 == 0) {
            return null;
        }
        if (h4 / 2 < BLOCK || w4 / 2 < BLOCK) {
            return null;
        }
        boolean f32 = path == ColourPath.FLOAT32;
        int[] buf = new int[w4];
        double[] u0 = new double[w4];
        double[] u1 = new double[w4];
        double[] ll = new double[(w4 / 2) * (h4 / 2)];
        for (int y = 0; y < h4; y += 2) {
            uRow(img, y, w4, f32, swapRedBlue, buf, u0);
            uRow(img, y + 1, w4, f32, swapRedBlue, buf, u1);
            HaarLevel1.approximationRow(u0, u1, w4, f32, ll, (y / 2) * (w4 / 2));
        }
        return new Band(ll, w4 / 2, h4 / 2);
    }

    /** Approximation band of the U channel, {@code width x height} row-major. */
    public record Band(double[] values, int width, int height) {
    }

    /** Per-block votes (1 when the quantised value mod 36 exceeds 18) in the library's block order. */
    public static byte[] blockVotes(Band band, IwmMethod method) {
        int lw = band.width();
        int lh = band.height();
        double[] ll = band.values();
        byte[] out = new byte[(lh / BLOCK) * (lw / BLOCK)];
        double[] block = new double[BLOCK * BLOCK];
        int num = 0;
        for (int bi = 0; bi < lh / BLOCK; bi++) {
            for (int bj = 0; bj < lw / BLOCK; bj++) {
                copyBlock(ll, lw, bi, bj, block);
                double v = method == IwmMethod.DWT_DCT
                        ? Math.abs(block[maxPosition(block)]) : TopSingular.sigma(block, BLOCK);
                out[num++] = (byte) (pyMod(v, SCALE) > HALF * SCALE ? 1 : 0);
            }
        }
        return out;
    }

    /** Per-bit average of the block votes for an {@code nBits}-bit mark (block n votes for bit n mod nBits). */
    public static double[] votes(byte[] blockVotes, int nBits) {
        double[] sum = new double[nBits];
        int[] count = new int[nBits];
        for (int n = 0; n < blockVotes.length; n++) {
            sum[n % nBits] += blockVotes[n];
            count[n % nBits]++;
        }
        double[] avg = new double[nBits];
        for (int i = 0; i < nBits; i++) {
            avg[i] = count[i] == 0 ? 0 : sum[i] / count[i];
        }
        return avg;
    }

    /** Decoded bits of an {@code nBits}-bit mark, or null when the image is too small. */
    public static boolean[] decode(BufferedImage img, int nBits, IwmMethod method, ColourPath path,
            boolean swapRedBlue) {
        Band band = band(img, path, swapRedBlue);
        if (band == null || nBits <= 0) {
            return null;
        }
        byte[] bv = blockVotes(band, method);
        double[] v = votes(bv, nBits);
        boolean[] bits = new boolean[nBits];
        for (int i = 0; i < nBits; i++) {
            bits[i] = bit(v[i]);
        }
        return bits;
    }

    /** The library's decision rule for one averaged vote. */
    public static boolean bit(double vote) {
        return vote * VOTE_SCALE > VOTE_THRESHOLD;
    }

    /**
     * Embeds {@code bits} the way the library does. {@code img} is read as RGB; the library's BGR input is that
     * image with channels reversed, as the Stable Diffusion scripts pass it. The float path rounds the result to 8
     * bits (diffusers' conversion to PIL).
     */
    public static BufferedImage encode(BufferedImage img, boolean[] bits, IwmMethod method, ColourPath path) {
        int w = img.getWidth();
        int h = img.getHeight();
        if ((long) w * h < MIN_PIXELS || bits.length == 0) {
            throw new IllegalArgumentException("image too small or empty mark");
        }
        boolean f32 = path == ColourPath.FLOAT32;
        int w4 = w / QUARTER * QUARTER;
        int h4 = h / QUARTER * QUARTER;
        int[] rgb = img.getRGB(0, 0, w, h, null, 0, w);
        double[] yy = new double[w * h];
        double[] uu = new double[w * h];
        double[] vv = new double[w * h];
        for (int i = 0; i < w * h; i++) {
            int r = (rgb[i] >> 16) & BYTE_MASK;
            int g = (rgb[i] >> 8) & BYTE_MASK;
            int b = rgb[i] & BYTE_MASK;
            if (f32) {
                float y = OpenCvYuv.yF(b, g, r);
                yy[i] = y;
                uu[i] = OpenCvYuv.uF(b, y);
                vv[i] = OpenCvYuv.vF(r, y);
            } else {
                int y = OpenCvYuv.y8(b, g, r);
                yy[i] = y;
                uu[i] = OpenCvYuv.u8(b, y);
                vv[i] = OpenCvYuv.v8(r, y);
            }
        }
        double[] region = new double[w4 * h4];
        for (int y = 0; y < h4; y++) {
            System.arraycopy(uu, y * w, region, y * w4, w4);
        }
        double[][] bands = HaarLevel1.forward(region, w4, h4, f32);
        embedBands(bands[0], w4 / 2, h4 / 2, bits, method, f32);
        double[] back = HaarLevel1.inverseSwapped(bands, w4, h4, f32);
        for (int y = 0; y < h4; y++) {
            for (int x = 0; x < w4; x++) {
                double v = back[y * w4 + x];
                uu[y * w + x] = f32 ? v : (((int) v) & BYTE_MASK);
            }
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] res = new int[w * h];
        for (int i = 0; i < w * h; i++) {
            if (f32) {
                float[] bgr = OpenCvYuv.bgrF((float) yy[i], (float) uu[i], (float) vv[i]);
                res[i] = (to8(bgr[2]) << 16) | (to8(bgr[1]) << 8) | to8(bgr[0]);
            } else {
                res[i] = OpenCvYuv.bgr8((int) yy[i], (int) uu[i], (int) vv[i]);
            }
        }
        out.setRGB(0, 0, w, h, res, 0, w);
        return out;
    }

    private static int to8(float v) {
        return (int) Math.max(0, Math.min(BYTE_MASK, Math.round(v)));
    }

    private static void embedBands(double[] ll, int lw, int lh, boolean[] bits, IwmMethod method, boolean f32) {
        double[] block = new double[BLOCK * BLOCK];
        int num = 0;
        for (int bi = 0; bi < lh / BLOCK; bi++) {
            for (int bj = 0; bj < lw / BLOCK; bj++) {
                copyBlock(ll, lw, bi, bj, block);
                int bit = bits[num % bits.length] ? 1 : 0;
                if (method == IwmMethod.DWT_DCT) {
                    int pos = maxPosition(block);
                    double val = block[pos];
                    double q = (Math.floor(Math.abs(val) / SCALE) + LOW + HALF * bit) * SCALE;
                    block[pos] = val >= 0 ? q : -q;
                } else {
                    TopSingular t = TopSingular.of(block, BLOCK);
                    double q = (Math.floor(t.sigma / SCALE) + LOW + HALF * bit) * SCALE;
                    double d = q - t.sigma;
                    for (int i = 0; i < BLOCK; i++) {
                        for (int j = 0; j < BLOCK; j++) {
                            block[i * BLOCK + j] += d * t.u[i] * t.v[j];
                        }
                    }
                }
                for (int i = 0; i < BLOCK; i++) {
                    for (int j = 0; j < BLOCK; j++) {
                        double v = block[i * BLOCK + j];
                        ll[(bi * BLOCK + i) * lw + bj * BLOCK + j] = f32 ? (float) v : v;
                    }
                }
                num++;
            }
        }
    }

    private static void copyBlock(double[] ll, int lw, int bi, int bj, double[] block) {
        for (int i = 0; i < BLOCK; i++) {
            System.arraycopy(ll, (bi * BLOCK + i) * lw + bj * BLOCK, block, i * BLOCK, BLOCK);
        }
    }

    /** numpy {@code argmax(abs(block.flatten()[1:])) + 1}: first position of the largest magnitude. */
    static int maxPosition(double[] block) {
        int pos = 1;
        for (int k = 2; k < block.length; k++) {
            if (Math.abs(block[k]) > Math.abs(block[pos])) {
                pos = k;
            }
        }
        return pos;
    }

    /** Python's float modulo for a positive divisor. */
    static double pyMod(double v, double m) {
        double r = v % m;
        return r < 0 ? r + m : r;
    }

    private static void uRow(BufferedImage img, int y, int w4, boolean f32, boolean swap, int[] buf,
            double[] out) {
        img.getRGB(0, y, w4, 1, buf, 0, w4);
        for (int x = 0; x < w4; x++) {
            int p = buf[x];
            int r = (p >> 16) & BYTE_MASK;
            int g = (p >> 8) & BYTE_MASK;
            int b = p & BYTE_MASK;
            if (swap) {
                int t = r;
                r = b;
                b = t;
            }
            out[x] = f32 ? OpenCvYuv.uF(b, OpenCvYuv.yF(b, g, r)) : OpenCvYuv.u8(b, OpenCvYuv.y8(b, g, r));
        }
    }
}
