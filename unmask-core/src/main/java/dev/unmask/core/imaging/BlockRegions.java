package dev.unmask.core.imaging;

import java.util.ArrayList;
import java.util.List;

/** 8-connected components of a boolean block mask, with per-region statistics of a value map. */
public final class BlockRegions {
    /**
     * One connected region of blocks.
     *
     * @param blocks number of blocks
     * @param meanValue mean of the value map over the region
     * @param x0 leftmost block column
     * @param y0 top block row
     * @param x1 rightmost block column (inclusive)
     * @param y1 bottom block row (inclusive)
     */
    public record Region(int blocks, double meanValue, int x0, int y0, int x1, int y1) {}

    private BlockRegions() {}

    /** The regions of {@code mask} (a {@code w}&times;{@code h} grid) with at least {@code minBlocks} blocks, largest first. */
    public static List<Region> find(boolean[] mask, double[] values, int w, int h, int minBlocks) {
        int n = w * h;
        boolean[] seen = new boolean[n];
        int[] stack = new int[n];
        List<Region> out = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            if (!mask[s] || seen[s]) {
                continue;
            }
            int sp = 0;
            stack[sp++] = s;
            seen[s] = true;
            int size = 0;
            double sum = 0;
            int x0 = w, y0 = h, x1 = -1, y1 = -1;
            while (sp > 0) {
                int c = stack[--sp];
                int cx = c % w;
                int cy = c / w;
                size++;
                sum += values[c];
                x0 = Math.min(x0, cx);
                x1 = Math.max(x1, cx);
                y0 = Math.min(y0, cy);
                y1 = Math.max(y1, cy);
                for (int dy = -1; dy <= 1; dy++) {
                    int yy = cy + dy;
                    if (yy < 0 || yy >= h) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = cx + dx;
                        int j = yy * w + xx;
                        if (xx >= 0 && xx < w && mask[j] && !seen[j]) {
                            seen[j] = true;
                            stack[sp++] = j;
                        }
                    }
                }
            }
            if (size >= minBlocks) {
                out.add(new Region(size, sum / size, x0, y0, x1, y1));
            }
        }
        out.sort((a, b) -> Integer.compare(b.blocks(), a.blocks()));
        return out;
    }
}
