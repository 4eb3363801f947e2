package dev.unmask.analyzers.clone;

import java.util.Arrays;

/**
 * Quantised low-frequency features of every overlapping block of the working luma, packed with the block's
 * index into one sortable {@code long} per non-flat block, then sorted (Fridrich, Soukal &amp; Luk&aacute;&scaron;
 * 2003, "Detection of copy-move forgery in digital images": lexicographic sort of quantised block DCT rows).
 *
 * <p>Each {@code B}&times;{@code B} block is summarised by the means of its 4&times;4 grid of sub-blocks; the
 * orthonormal 2-D DCT of that 4&times;4 grid gives the block's lowest-frequency DCT content at a fraction of the
 * cost of a full block DCT (the sub-block means come from one box-filtered plane, so each block costs 16 look-ups
 * and a 4&times;4 transform). The key is, from most to least significant: the block mean quantised by
 * {@code dcStep}, then eight AC coefficients ((0,1), (1,0), (1,1), (0,2), (2,0), (1,2), (2,1), (2,2)) rounded by
 * {@code acStep} and clamped to &plusmn;{@value #AC_CLAMP}, then the block index. Blocks whose luma standard
 * deviation is below {@code flatStd} are left out, and so are blocks that are nearly a plane (a ramp): whose
 * energy in the six non-planar coefficients is below {@code minStructure}. Ramps (skies, skin, blurred
 * backgrounds) resemble every other block along their level lines and would flood the vote with chance shifts.
 */
final class BlockFeatures {
    /** Number of AC fields in the key. */
    static final int AC_FIELDS = 8;
    /** AC fields are clamped to this magnitude (4 bits each). */
    static final int AC_CLAMP = 7;
    /** Bits per AC field. */
    static final int AC_BITS = 4;
    /** The first two AC fields, (0,1) and (1,0), describe a plane (ramp); the rest describe structure. */
    static final int PLANAR_FIELDS = 2;
    /** Bits of the DC field (block means quantised by a step of at least 2 need at most 7). */
    static final int DC_BITS = 7;

    private static final int[][] AC_UV = {{0, 1}, {1, 0}, {1, 1}, {0, 2}, {2, 0}, {1, 2}, {2, 1}, {2, 2}};
    private static final double[][] DCT4 = new double[3][4];

    static {
        for (int u = 0; u < 3; u++) {
            double a = u == 0 ? 0.5 : Math.sqrt(0.5);
            for (int i = 0; i < 4; i++) {
                DCT4[u][i] = a * Math.cos((2 * i + 1) * u * Math.PI / 8);
            }
        }
    }

    final int blocksX;
    final int blocksY;
    final int indexBits;
    /** Sorted keys of the non-flat blocks. */
    final long[] keys;
    /** Number of blocks examined (flat ones included). */
    final long blocksTotal;

    private BlockFeatures(int blocksX, int blocksY, int indexBits, long[] keys, long blocksTotal) {
        this.blocksX = blocksX;
        this.blocksY = blocksY;
        this.indexBits = indexBits;
        this.keys = keys;
        this.blocksTotal = blocksTotal;
    }

    /** Computes and sorts the keys; an empty key list when the image is smaller than one block. */
    static BlockFeatures compute(WorkingLuma img, CloneSettings s) {
        int b = s.blockSize();
        int w = img.width();
        int h = img.height();
        int nbx = w - b + 1;
        int nby = h - b + 1;
        if (nbx <= 0 || nby <= 0) {
            return new BlockFeatures(0, 0, 1, new long[0], 0);
        }
        int indexBits = 64 - Long.numberOfLeadingZeros(Math.max(1L, (long) nbx * nby - 1));
        if (DC_BITS + AC_FIELDS * AC_BITS + indexBits > 63) {
            throw new IllegalStateException("working image too large for the key layout");
        }
        int sub = b / 4;
        int[] p = img.px();
        int[] subSums = boxSums(p, w, h, sub);
        int sw = w - sub + 1;
        long[] keys = new long[nbx * nby];
        int n = 0;
        double minVar = s.flatStd() * s.flatStd();
        double invSub = 1.0 / (sub * sub);
        double invArea = 1.0 / ((double) b * b);
        double invDc = 1.0 / s.dcStep();
        double invAc = 1.0 / s.acStep();
        double minCurved = s.minStructure() * s.minStructure();
        long[] colSq = new long[w];
        for (int y = 0; y < b; y++) {
            for (int x = 0; x < w; x++) {
                int v = p[y * w + x];
                colSq[x] += v * v;
            }
        }
        double[] m = new double[16];
        double[] t = new double[12];
        for (int by = 0; by < nby; by++) {
            if (by > 0) {
                int out = (by - 1) * w;
                int in = (by + b - 1) * w;
                for (int x = 0; x < w; x++) {
                    int vo = p[out + x];
                    int vi = p[in + x];
                    colSq[x] += vi * vi - vo * vo;
                }
            }
            long sq = 0;
            for (int x = 0; x < b; x++) {
                sq += colSq[x];
            }
            for (int bx = 0; bx < nbx; bx++) {
                if (bx > 0) {
                    sq += colSq[bx + b - 1] - colSq[bx - 1];
                }
                long sum = 0;
                for (int i = 0; i < 4; i++) {
                    int row = (by + i * sub) * sw + bx;
                    for (int j = 0; j < 4; j++) {
                        int v = subSums[row + j * sub];
                        m[i * 4 + j] = v * invSub;
                        sum += v;
                    }
                }
                double mean = sum * invArea;
                double var = sq * invArea - mean * mean;
                if (var < minVar) {
                    continue;
                }
                // rows: t[i][v] = sum_j C[v][j] m[i][j]
                for (int i = 0; i < 4; i++) {
                    for (int v = 0; v < 3; v++) {
                        double[] c = DCT4[v];
                        t[i * 3 + v] = c[0] * m[i * 4] + c[1] * m[i * 4 + 1] + c[2] * m[i * 4 + 2] + c[3] * m[i * 4 + 3];
                    }
                }
                long key = Math.min((1 << DC_BITS) - 1, (long) (mean * invDc));
                double curved = 0;
                for (int f = 0; f < AC_FIELDS; f++) {
                    double[] c = DCT4[AC_UV[f][0]];
                    int v = AC_UV[f][1];
                    double coef = c[0] * t[v] + c[1] * t[3 + v] + c[2] * t[6 + v] + c[3] * t[9 + v];
                    if (f >= PLANAR_FIELDS) {
                        curved += coef * coef;
                    }
                    long q = Math.round(coef * invAc);
                    q = Math.max(-AC_CLAMP, Math.min(AC_CLAMP, q)) + AC_CLAMP + 1;
                    key = (key << AC_BITS) | q;
                }
                if (curved < minCurved) {
                    continue; // a ramp: matches every block along its level lines
                }
                keys[n++] = (key << indexBits) | ((long) by * nbx + bx);
            }
        }
        long[] used = Arrays.copyOf(keys, n);
        Arrays.sort(used);
        return new BlockFeatures(nbx, nby, indexBits, used, (long) nbx * nby);
    }

    /** Sums over every {@code k}&times;{@code k} window; result is {@code (w-k+1)} wide, {@code (h-k+1)} high. */
    static int[] boxSums(int[] p, int w, int h, int k) {
        int ow = w - k + 1;
        int oh = h - k + 1;
        int[] out = new int[ow * oh];
        int[] col = new int[w];
        for (int y = 0; y < k; y++) {
            for (int x = 0; x < w; x++) {
                col[x] += p[y * w + x];
            }
        }
        for (int y = 0; y < oh; y++) {
            if (y > 0) {
                int o = (y - 1) * w;
                int i = (y + k - 1) * w;
                for (int x = 0; x < w; x++) {
                    col[x] += p[i + x] - p[o + x];
                }
            }
            int s = 0;
            for (int x = 0; x < k; x++) {
                s += col[x];
            }
            int row = y * ow;
            out[row] = s;
            for (int x = 1; x < ow; x++) {
                s += col[x + k - 1] - col[x - 1];
                out[row + x] = s;
            }
        }
        return out;
    }

    /** The block index held in a key. */
    int index(long key) {
        return (int) (key & ((1L << indexBits) - 1));
    }

    /**
     * Distance between the quantised features of two keys: the sum of absolute field differences, or a large
     * value when the DC fields differ by more than one step.
     */
    int fieldDistance(long a, long b) {
        long fa = a >>> indexBits;
        long fb = b >>> indexBits;
        int d = 0;
        for (int i = 0; i < AC_FIELDS; i++) {
            d += Math.abs((int) (fa & 0xF) - (int) (fb & 0xF));
            fa >>>= AC_BITS;
            fb >>>= AC_BITS;
        }
        return d + (int) Math.abs(fa - fb);
    }

    /** The DC field of a key. */
    int dc(long key) {
        return (int) (key >>> (indexBits + AC_FIELDS * AC_BITS));
    }
}
