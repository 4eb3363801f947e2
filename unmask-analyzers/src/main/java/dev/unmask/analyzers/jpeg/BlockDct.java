package dev.unmask.analyzers.jpeg;

import dev.unmask.core.imaging.FloatPlane;

/**
 * The 8&times;8 block DCT-II of a luma plane, as JPEG's forward DCT (ITU-T T.81 A.3.3: orthonormal, level
 * shift 128), computed only for the first few frequencies in zig-zag order. Blocks are laid on a grid starting
 * at pixel ({@code dx}, {@code dy}); only whole blocks inside the image are used.
 */
final class BlockDct {
    private static final double[][] BASIS = basis();

    /**
     * Coefficients of one grid.
     *
     * @param blocksX blocks per row
     * @param blocksY block rows
     * @param coef {@code coef[k][by * blocksX + bx]} = coefficient at zig-zag position {@code k + 1} (DC skipped),
     *     in pixel-value units
     */
    record Grid(int blocksX, int blocksY, float[][] coef) {}

    private BlockDct() {}

    private static double[][] basis() {
        double[][] c = new double[8][8];
        for (int u = 0; u < 8; u++) {
            double cu = u == 0 ? Math.sqrt(0.5) : 1.0;
            for (int x = 0; x < 8; x++) {
                c[u][x] = 0.5 * cu * Math.cos((2 * x + 1) * u * Math.PI / 16);
            }
        }
        return c;
    }

    /**
     * The AC coefficients at zig-zag positions 1..{@code count} of every whole block of the grid at offset
     * ({@code dx}, {@code dy}).
     */
    static Grid compute(FloatPlane luma, int dx, int dy, int count) {
        return compute(luma, dx, dy, count, 1);
    }

    /**
     * As {@link #compute(FloatPlane, int, int, int)}, but only every {@code stride}-th block in each direction
     * (for statistics that need a bounded sample, not every block).
     */
    static Grid compute(FloatPlane luma, int dx, int dy, int count, int stride) {
        int w = luma.width();
        int bx = Math.max(0, (w - dx) / (8 * stride));
        int by = Math.max(0, (luma.height() - dy) / (8 * stride));
        int[] rows = new int[count];
        int[] cols = new int[count];
        int maxU = 0;
        for (int k = 0; k < count; k++) {
            int nat = JpegParser.ZIGZAG[k + 1];
            rows[k] = nat / 8;
            cols[k] = nat % 8;
            maxU = Math.max(maxU, cols[k]);
        }
        int nu = maxU + 1;
        float[][] coef = new float[count][bx * by];
        float[] d = luma.data();
        float[] t = new float[8 * nu];
        float[] colBasis = new float[count * 8];
        for (int k = 0; k < count; k++) {
            for (int y = 0; y < 8; y++) {
                colBasis[k * 8 + y] = (float) BASIS[rows[k]][y];
            }
        }
        float[] basisF = new float[8 * 8];
        for (int u = 0; u < 8; u++) {
            for (int x = 0; x < 8; x++) {
                basisF[u * 8 + x] = (float) BASIS[u][x];
            }
        }
        for (int j = 0; j < by; j++) {
            for (int i = 0; i < bx; i++) {
                int x0 = dx + 8 * stride * i;
                int y0 = dy + 8 * stride * j;
                for (int y = 0; y < 8; y++) {
                    int row = (y0 + y) * w + x0;
                    float p0 = d[row] - 128f;
                    float p1 = d[row + 1] - 128f;
                    float p2 = d[row + 2] - 128f;
                    float p3 = d[row + 3] - 128f;
                    float p4 = d[row + 4] - 128f;
                    float p5 = d[row + 5] - 128f;
                    float p6 = d[row + 6] - 128f;
                    float p7 = d[row + 7] - 128f;
                    for (int u = 0; u < nu; u++) {
                        int bo = u * 8;
                        t[y * nu + u] = basisF[bo] * p0 + basisF[bo + 1] * p1 + basisF[bo + 2] * p2
                                + basisF[bo + 3] * p3 + basisF[bo + 4] * p4 + basisF[bo + 5] * p5
                                + basisF[bo + 6] * p6 + basisF[bo + 7] * p7;
                    }
                }
                int b = j * bx + i;
                for (int k = 0; k < count; k++) {
                    int u = cols[k];
                    int cb = k * 8;
                    float s = 0;
                    for (int y = 0; y < 8; y++) {
                        s += colBasis[cb + y] * t[y * nu + u];
                    }
                    coef[k][b] = s;
                }
            }
        }
        return new Grid(bx, by, coef);
    }
}
