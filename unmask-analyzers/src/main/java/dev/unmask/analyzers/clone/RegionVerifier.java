package dev.unmask.analyzers.clone;

import dev.unmask.core.imaging.FloatPlane;

/**
 * Verifies a matched region at full resolution: finds the exact full-resolution shift near the working one and
 * measures the zero-mean normalised correlation (ZNCC) of the two regions, on the luma and on its high-pass
 * residual (luma minus the mean of its four neighbours). Copied pixels repeat the residual (fine texture and
 * sensor noise) almost exactly; naturally similar areas (a gradient sky, two patches of lawn) share the coarse
 * luma but not the residual, whose correlation then stays near 0.
 */
final class RegionVerifier {
    /** Pixels sampled per candidate shift during the exact-shift search. */
    static final int SEARCH_SAMPLES = 40_000;
    /** Pixels sampled by the quick luma check at the working shift. */
    static final int PRECHECK_SAMPLES = 4_000;
    /**
     * Luma correlation below which the quick check at the unrefined shift rejects a region (well below any
     * acceptance threshold: off by up to one working pixel, a copy of a photograph still correlates above 0.9).
     */
    static final double PRECHECK_LUMA = 0.8;
    /** Pixels sampled for the final correlations. */
    static final int FINAL_SAMPLES = 250_000;

    /**
     * Pixels left out along the edge of the matched box: the residual of a pasted region's seam is large and
     * unrelated between the two copies, and would otherwise dominate the residual correlation.
     */
    static final int SEAM_MARGIN = 2;
    /** Distance (full-resolution pixels) of the shifts probed around the peak. */
    static final int PEAK_OFFSET = 3;

    private RegionVerifier() {}

    /**
     * Correlations at the best full-resolution shift.
     *
     * @param dx full-resolution shift
     * @param dy full-resolution shift
     * @param luma ZNCC of the luma of the two regions
     * @param residual ZNCC of the high-pass residuals
     * @param sideResidual largest residual ZNCC at the eight shifts {@link #PEAK_OFFSET} pixels away, at minus
     *     the shift and at twice the shift (where a periodic texture would match again)
     * @param samples pixels compared
     */
    record Verified(int dx, int dy, double luma, double residual, double sideResidual, int samples) {
        /** How much the residual correlation peaks at the shift. */
        double peakContrast() {
            return residual - sideResidual;
        }
    }

    /**
     * Searches shifts within one working pixel of the component's and returns the best-correlated one, or null
     * when a quick luma check at the working shift already rules the region out.
     */
    static Verified verify(FloatPlane full, int factor, RegionFinder.Component c) {
        long pixels = (long) c.area() * factor * factor;
        int searchStep = step(pixels, SEARCH_SAMPLES);
        double coarse = correlate(full, factor, c, c.dx() * factor, c.dy() * factor, step(pixels, PRECHECK_SAMPLES))[0];
        if (coarse < PRECHECK_LUMA) {
            return null;
        }
        int bestDx = c.dx() * factor;
        int bestDy = c.dy() * factor;
        double best = Double.NEGATIVE_INFINITY;
        for (int ey = -factor; ey <= factor; ey++) {
            for (int ex = -factor; ex <= factor; ex++) {
                int dx = c.dx() * factor + ex;
                int dy = c.dy() * factor + ey;
                double r = correlate(full, factor, c, dx, dy, searchStep)[1];
                if (r > best) {
                    best = r;
                    bestDx = dx;
                    bestDy = dy;
                }
            }
        }
        // a periodic texture also matches one period before the source and two periods after it
        double side = Math.max(correlate(full, factor, c, -bestDx, -bestDy, searchStep)[1],
                correlate(full, factor, c, 2 * bestDx, 2 * bestDy, searchStep)[1]);
        for (int ey = -1; ey <= 1; ey++) {
            for (int ex = -1; ex <= 1; ex++) {
                if (ex != 0 || ey != 0) {
                    side = Math.max(side, correlate(full, factor, c, bestDx + ex * PEAK_OFFSET,
                            bestDy + ey * PEAK_OFFSET, searchStep)[1]);
                }
            }
        }
        double[] fin = correlate(full, factor, c, bestDx, bestDy, step(pixels, FINAL_SAMPLES));
        return new Verified(bestDx, bestDy, fin[0], fin[1], side, (int) fin[2]);
    }

    private static int step(long pixels, int samples) {
        return (int) Math.max(1, Math.floor(Math.sqrt((double) pixels / samples)));
    }

    /** {luma ZNCC, residual ZNCC, samples} over the component's footprint, sampled every {@code step} pixels. */
    static double[] correlate(FloatPlane full, int factor, RegionFinder.Component c, int dx, int dy, int step) {
        int w = full.width();
        int h = full.height();
        float[] d = full.data();
        int m = SEAM_MARGIN;
        int x0 = Math.max(1, Math.max(c.x0() * factor + m, 1 - dx));
        int y0 = Math.max(1, Math.max(c.y0() * factor + m, 1 - dy));
        int x1 = Math.min(w - 1, Math.min(c.x1() * factor - m, w - 1 - dx));
        int y1 = Math.min(h - 1, Math.min(c.y1() * factor - m, h - 1 - dy));
        int cell = c.cell();
        int gw = c.gridW();
        Zncc lum = new Zncc();
        Zncc res = new Zncc();
        for (int y = y0; y < y1; y += step) {
            int row = y * w;
            for (int x = x0; x < x1; x += step) {
                if (!c.interior()[(y / factor / cell) * gw + x / factor / cell]) {
                    continue;
                }
                int i = row + x;
                int j = i + dy * w + dx;
                float a = d[i];
                float b = d[j];
                lum.add(a, b);
                float ra = a - 0.25f * (d[i - 1] + d[i + 1] + d[i - w] + d[i + w]);
                float rb = b - 0.25f * (d[j - 1] + d[j + 1] + d[j - w] + d[j + w]);
                res.add(ra, rb);
            }
        }
        return new double[] {lum.value(), res.value(), lum.n};
    }

    /** Running sums for a zero-mean normalised correlation. */
    private static final class Zncc {
        double sa;
        double sb;
        double saa;
        double sbb;
        double sab;
        long n;

        void add(double a, double b) {
            sa += a;
            sb += b;
            saa += a * a;
            sbb += b * b;
            sab += a * b;
            n++;
        }

        double value() {
            if (n < 2) {
                return 0;
            }
            double va = saa - sa * sa / n;
            double vb = sbb - sb * sb / n;
            double cov = sab - sa * sb / n;
            if (!(va > 0 && vb > 0)) {
                return 0;
            }
            return Math.max(-1, Math.min(1, cov / Math.sqrt(va * vb)));
        }
    }
}
