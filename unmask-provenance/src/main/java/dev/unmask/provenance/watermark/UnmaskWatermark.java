package dev.unmask.provenance.watermark;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;

/**
 * Unmask's own invisible watermark: a 64-bit codeword (48-bit run id, 16-bit CRC-16/CCITT-FALSE, XORed with a
 * keyed mask) carried by keyed spread-spectrum chips in low-to-mid frequency 8x8 DCT coefficients of a fixed
 * {@value #GRID}x{@value #GRID} luma grid.
 *
 * <p>Design. The luma (BT.601) is resampled onto the fixed grid with an antialiasing tent filter, so a resized
 * image maps onto the same grid. Each of the 1024 grid blocks carries one bit (16 blocks per bit, keyed shuffle),
 * each through 18 coefficients ({@code 2 <= u + v <= 5}) multiplied by keyed +-1 chips: spread spectrum after Cox,
 * Kilian, Leighton and Shamoon, "Secure spread spectrum watermarking for multimedia", IEEE TIP 6(12), 1997. The
 * embedder is informed (improved spread spectrum, Malvar and Florencio, IEEE TSP 51(4), 2003): it measures the
 * host's correlation with each bit's chips and adds only what is needed to reach a margin of {@link #STRENGTH} per
 * chip in the bit's direction, so the host does not interfere with detection; it repeats this {@link #ITERATIONS}
 * times through the real up- and down-sampling so the margin holds in the image actually written. Modifications
 * are weighted per block by local activity (more in texture, less in flat areas). The grid-domain change is
 * upsampled bilinearly and added equally to R, G and B (luma only). Detection resamples to the grid, correlates,
 * takes signs, unmasks and checks the CRC; a random 64-bit word passes with probability 2^-16.
 *
 * <p>Quantisation index modulation (Chen and Wornell, IEEE Trans. Inf. Theory 47(4), 2001) was considered; it is
 * host-interference free too but needs the amplitude scale preserved, which gamma or contrast changes break, while
 * the sign of a correlation survives them. Cropping moves the grid and is not survived (see the measurement class).
 *
 * <p>The key selects the layout; {@link #DEFAULT_KEY} is public on purpose: the mark is a label saying "made by
 * Unmask, run N", not a secret.
 */
public final class UnmaskWatermark {
    /** Public default key: the watermark is a label, not a secret. */
    public static final byte[] DEFAULT_KEY = "dev.unmask/watermark/v1".getBytes(StandardCharsets.US_ASCII);
    /** Side of the working luma grid. */
    public static final int GRID = 256;
    /** Images with a side below this are too small to carry or read the mark. */
    public static final int MIN_SIDE = 128;
    /** Payload bits. */
    public static final int PAYLOAD_BITS = 64;
    /** Run id bits. */
    public static final int RUN_ID_BITS = 48;
    /** Largest run id. */
    public static final long MAX_RUN_ID = (1L << RUN_ID_BITS) - 1;
    /** Target correlation margin per chip, in grid luma DCT units (8-bit scale). */
    static final double STRENGTH = 2.0;
    /** Closed-loop embedding passes. */
    static final int ITERATIONS = 4;
    private static final int CRC_BITS = 16;
    private static final int CRC_MASK = 0xFFFF;
    private static final int RUN_ID_BYTES = RUN_ID_BITS / Byte.SIZE;
    /** Block activity (AC standard deviation) that gets weight 1. */
    private static final double REF_ACTIVITY = 8;
    private static final double MIN_WEIGHT = 0.35;
    private static final double MAX_WEIGHT = 2.5;
    private static final double LUMA_R = 0.299;
    private static final double LUMA_G = 0.587;
    private static final double LUMA_B = 0.114;
    private static final int BYTE_MASK = 0xFF;
    private static final int BLOCKS = GRID / Dct8.N;

    private UnmaskWatermark() {}

    /** The 64-bit word embedded for {@code runId} under {@code key} (masked codeword, bit 63 first). */
    public static long codeword(long runId, byte[] key) {
        if (runId < 0 || runId > MAX_RUN_ID) {
            throw new IllegalArgumentException("run id must fit in 48 bits: " + runId);
        }
        long word = (runId << CRC_BITS) | Crc16.of(runId, RUN_ID_BYTES);
        return word ^ new WatermarkLayout(key, BLOCKS, PAYLOAD_BITS).mask;
    }

    /**
     * Returns a marked copy of {@code img} carrying {@code runId}.
     *
     * @throws IllegalArgumentException when a side is below {@link #MIN_SIDE} or the run id exceeds 48 bits
     */
    public static BufferedImage embed(BufferedImage img, long runId, byte[] key) {
        int w = img.getWidth();
        int h = img.getHeight();
        if (w < MIN_SIDE || h < MIN_SIDE) {
            throw new IllegalArgumentException("image too small for the watermark: " + w + "x" + h);
        }
        long word = codeword(runId, key);
        WatermarkLayout layout = new WatermarkLayout(key, BLOCKS, PAYLOAD_BITS);
        int[] rgb = img.getRGB(0, 0, w, h, null, 0, w);
        float[] g0 = Resampler.resize(luma(rgb), w, h, GRID, GRID);
        double[] weight = activityWeights(g0);
        double[] meanWeight = new double[PAYLOAD_BITS];
        for (int b = 0; b < weight.length; b++) {
            meanWeight[layout.blockBit[b]] += weight[b] / (weight.length / PAYLOAD_BITS);
        }
        float[] delta = new float[GRID * GRID];
        for (int it = 0; it < ITERATIONS; it++) {
            float[] cur = g0;
            if (it > 0) {
                float[] rt = Resampler.resize(Resampler.resize(delta, GRID, GRID, w, h), w, h, GRID, GRID);
                cur = new float[g0.length];
                for (int i = 0; i < cur.length; i++) {
                    cur[i] = g0[i] + rt[i];
                }
            }
            double[] proj = correlate(cur, layout)[0];
            double[] need = new double[PAYLOAD_BITS];
            boolean any = false;
            int chipsPerBit = weight.length / PAYLOAD_BITS * WatermarkLayout.COEFFS.length;
            for (int bit = 0; bit < PAYLOAD_BITS; bit++) {
                double s = ((word >>> (PAYLOAD_BITS - 1 - bit)) & 1) != 0 ? 1 : -1;
                double perChip = proj[bit] / chipsPerBit;
                if (s * perChip < STRENGTH) {
                    need[bit] = (s * STRENGTH - perChip) / meanWeight[bit];
                    any = true;
                }
            }
            if (!any) {
                break;
            }
            double[] coef = new double[Dct8.N * Dct8.N];
            for (int b = 0; b < weight.length; b++) {
                double amount = need[layout.blockBit[b]] * weight[b];
                if (amount == 0) {
                    continue;
                }
                java.util.Arrays.fill(coef, 0);
                for (int k = 0; k < WatermarkLayout.COEFFS.length; k++) {
                    coef[WatermarkLayout.COEFFS[k]] = amount * layout.chips[b][k];
                }
                Dct8.inverseAdd(coef, delta, GRID, b % BLOCKS, b / BLOCKS);
            }
        }
        float[] up = Resampler.resize(delta, GRID, GRID, w, h);
        int[] out = new int[w * h];
        for (int i = 0; i < out.length; i++) {
            int p = rgb[i];
            float d = up[i];
            out[i] = (clamp(((p >> 16) & BYTE_MASK) + d) << 16) | (clamp(((p >> 8) & BYTE_MASK) + d) << 8)
                    | clamp((p & BYTE_MASK) + d);
        }
        BufferedImage res = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        res.setRGB(0, 0, w, h, out, 0, w);
        return res;
    }

    /** Looks for the mark with {@code key}; never throws for a valid image. */
    public static UnmaskDetection detect(BufferedImage img, byte[] key) {
        int w = img.getWidth();
        int h = img.getHeight();
        if (w < MIN_SIDE || h < MIN_SIDE) {
            return new UnmaskDetection(UnmaskDetection.Status.TOO_SMALL, -1, false, 0, 0, 1,
                    "image too small for the Unmask watermark (" + w + "x" + h + ", needs " + MIN_SIDE
                            + " px per side)");
        }
        WatermarkLayout layout = new WatermarkLayout(key, BLOCKS, PAYLOAD_BITS);
        int[] rgb = img.getRGB(0, 0, w, h, null, 0, w);
        double[][] sq = correlate(Resampler.resize(luma(rgb), w, h, GRID, GRID), layout);
        long raw = 0;
        double absZ = 0;
        boolean degenerate = false;
        for (int bit = 0; bit < PAYLOAD_BITS; bit++) {
            double s = sq[0][bit];
            degenerate |= s == 0 || sq[1][bit] == 0;
            raw = (raw << 1) | (s > 0 ? 1 : 0);
            absZ += sq[1][bit] > 0 ? Math.abs(s) / Math.sqrt(sq[1][bit]) : 0;
        }
        absZ /= PAYLOAD_BITS;
        long word = raw ^ layout.mask;
        long runId = word >>> CRC_BITS;
        boolean crcOk = !degenerate && Crc16.of(runId, RUN_ID_BYTES) == (int) (word & CRC_MASK);
        double fp = Math.pow(2, -CRC_BITS);
        String msg = crcOk
                ? String.format("Unmask watermark found: run id %d (CRC valid, mean |z| %.2f)", runId, absZ)
                : String.format("no Unmask watermark for this key (CRC invalid, mean |z| %.2f)", absZ);
        return new UnmaskDetection(crcOk ? UnmaskDetection.Status.DETECTED : UnmaskDetection.Status.NOT_DETECTED,
                runId, crcOk, raw, absZ, fp, msg);
    }

    /** Per bit: {sum of coefficient x chip, sum of coefficient^2}. */
    private static double[][] correlate(float[] grid, WatermarkLayout layout) {
        double[] s = new double[PAYLOAD_BITS];
        double[] q = new double[PAYLOAD_BITS];
        double[] coef = new double[Dct8.N * Dct8.N];
        for (int b = 0; b < layout.blockBit.length; b++) {
            Dct8.forward(grid, GRID, b % BLOCKS, b / BLOCKS, coef);
            int bit = layout.blockBit[b];
            for (int k = 0; k < WatermarkLayout.COEFFS.length; k++) {
                double c = coef[WatermarkLayout.COEFFS[k]];
                s[bit] += c * layout.chips[b][k];
                q[bit] += c * c;
            }
        }
        return new double[][] {s, q};
    }

    private static double[] activityWeights(float[] grid) {
        double[] wts = new double[BLOCKS * BLOCKS];
        for (int b = 0; b < wts.length; b++) {
            int bx = b % BLOCKS;
            int by = b / BLOCKS;
            double sum = 0;
            double sum2 = 0;
            for (int y = 0; y < Dct8.N; y++) {
                for (int x = 0; x < Dct8.N; x++) {
                    double v = grid[(by * Dct8.N + y) * GRID + bx * Dct8.N + x];
                    sum += v;
                    sum2 += v * v;
                }
            }
            int n = Dct8.N * Dct8.N;
            double sd = Math.sqrt(Math.max(0, sum2 / n - (sum / n) * (sum / n)));
            wts[b] = Math.max(MIN_WEIGHT, Math.min(MAX_WEIGHT, sd / REF_ACTIVITY));
        }
        return wts;
    }

    private static float[] luma(int[] rgb) {
        float[] y = new float[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            y[i] = (float) (LUMA_R * ((p >> 16) & BYTE_MASK) + LUMA_G * ((p >> 8) & BYTE_MASK)
                    + LUMA_B * (p & BYTE_MASK));
        }
        return y;
    }

    private static int clamp(float v) {
        return Math.max(0, Math.min(BYTE_MASK, Math.round(v)));
    }
}
