package dev.unmask.analyzers.jpeg;

import dev.unmask.core.imaging.FloatPlane;
import java.util.ArrayDeque;

/**
 * Block-grained localisation of a singly compressed region inside a doubly compressed JPEG (Lin, He, Tang &amp;
 * Tang, "Fast, automatic and fine-grained tampered JPEG image detection via DCT coefficient analysis", Pattern
 * Recognition 2009; Bianchi &amp; Piva, IEEE TIFS 2012): each block's log-likelihood ratio of single over double
 * compression is summed over a small box of neighbours, turned into a probability, thresholded, and the largest
 * 4-connected region of singly compressed blocks is kept.
 */
final class SpliceLocalizer {
    private SpliceLocalizer() {}

    /**
     * A singly compressed region.
     *
     * @param x left edge in pixels
     * @param y top edge in pixels
     * @param width width in pixels
     * @param height height in pixels
     * @param blocks blocks in the region
     * @param fraction share of all blocks
     * @param fill share of the bounding box covered by the region
     */
    record Region(int x, int y, int width, int height, int blocks, double fraction, double fill) {}

    /**
     * The map and the region.
     *
     * @param probability per block probability of single compression (smoothed), blocks laid out as the image
     * @param region the largest coherent singly compressed region, or null
     * @param flaggedFraction share of blocks above the threshold
     */
    record Outcome(FloatPlane probability, Region region, double flaggedFraction) {}

    static Outcome locate(float[] llr, int bx, int by, JpegSettings s) {
        int r = s.smoothRadius();
        // integral image of the log-likelihood ratios for the box sums
        double[] integral = new double[(bx + 1) * (by + 1)];
        for (int y = 0; y < by; y++) {
            double row = 0;
            for (int x = 0; x < bx; x++) {
                row += llr[y * bx + x];
                integral[(y + 1) * (bx + 1) + x + 1] = integral[y * (bx + 1) + x + 1] + row;
            }
        }
        float[] p = new float[bx * by];
        boolean[] flag = new boolean[bx * by];
        int flagged = 0;
        for (int y = 0; y < by; y++) {
            int y0 = Math.max(0, y - r);
            int y1 = Math.min(by, y + r + 1);
            for (int x = 0; x < bx; x++) {
                int x0 = Math.max(0, x - r);
                int x1 = Math.min(bx, x + r + 1);
                double sum = integral[y1 * (bx + 1) + x1] - integral[y0 * (bx + 1) + x1]
                        - integral[y1 * (bx + 1) + x0] + integral[y0 * (bx + 1) + x0];
                p[y * bx + x] = (float) (1 / (1 + Math.exp(-Math.max(-50, Math.min(50, sum)))));
                if (sum > s.regionLlr()) {
                    flag[y * bx + x] = true;
                    flagged++;
                }
            }
        }
        Region best = largestComponent(flag, bx, by);
        double total = (double) bx * by;
        if (best != null && (best.fraction() < s.minRegionFraction() || best.fraction() > s.maxRegionFraction())) {
            best = null;
        }
        return new Outcome(new FloatPlane(bx, by, p), best, flagged / total);
    }

    private static Region largestComponent(boolean[] flag, int bx, int by) {
        boolean[] seen = new boolean[flag.length];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        Region best = null;
        for (int start = 0; start < flag.length; start++) {
            if (!flag[start] || seen[start]) {
                continue;
            }
            int count = 0;
            int minX = bx;
            int minY = by;
            int maxX = -1;
            int maxY = -1;
            seen[start] = true;
            queue.add(start);
            while (!queue.isEmpty()) {
                int i = queue.poll();
                int x = i % bx;
                int y = i / bx;
                count++;
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
                int[] next = {x > 0 ? i - 1 : -1, x < bx - 1 ? i + 1 : -1, y > 0 ? i - bx : -1, y < by - 1 ? i + bx : -1};
                for (int j : next) {
                    if (j >= 0 && flag[j] && !seen[j]) {
                        seen[j] = true;
                        queue.add(j);
                    }
                }
            }
            if (best == null || count > best.blocks()) {
                int w = maxX - minX + 1;
                int h = maxY - minY + 1;
                best = new Region(8 * minX, 8 * minY, 8 * w, 8 * h, count, count / ((double) bx * by),
                        count / ((double) w * h));
            }
        }
        return best;
    }
}
