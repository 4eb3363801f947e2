package dev.unmask.analyzers.clone;

import java.util.ArrayList;
import java.util.List;

/**
 * Spatial coherence of one candidate shift: the source blocks of its pairs are binned into cells of half a
 * block, the occupied cells are grouped into 8-connected components, and each component large enough (pairs and
 * covered area) becomes a region to verify. A real copy gives one dense blob; chance pairs sharing the shift are
 * scattered and fall below the thresholds.
 */
final class RegionFinder {
    private RegionFinder() {}

    /**
     * One spatially coherent group of matched blocks, in working-image coordinates.
     *
     * @param x0 left of the source region (first block origin)
     * @param y0 top of the source region
     * @param x1 right end (exclusive) of the source region: last block origin plus the block size
     * @param y1 bottom end (exclusive)
     * @param dx working shift from source to target
     * @param dy working shift from source to target
     * @param pairs matched block pairs in the group
     * @param area working pixels covered by the group's blocks (cell resolution)
     * @param cell cell side in working pixels
     * @param gridW footprint grid width in cells
     * @param interior cells (row-major, {@code gridW} wide) in the interior of the group's footprint (see
     *     {@link RegionFinder#interiorOf})
     */
    record Component(int x0, int y0, int x1, int y1, int dx, int dy, int pairs, int area, int cell, int gridW,
                     boolean[] interior) {
    }

    /**
     * The cells in the interior of a footprint (the cell and the eight around it are covered): the footprint
     * overshoots the copied region by up to a cell, and the seam of a pasted region would otherwise dominate the
     * residual correlation.
     */
    static boolean[] interiorOf(boolean[] footprint, int gridW) {
        int gh = footprint.length / gridW;
        boolean[] in = new boolean[footprint.length];
        for (int cy = 1; cy < gh - 1; cy++) {
            for (int cx = 1; cx < gridW - 1; cx++) {
                boolean all = true;
                for (int ny = cy - 1; ny <= cy + 1 && all; ny++) {
                    for (int nx = cx - 1; nx <= cx + 1 && all; nx++) {
                        all = footprint[ny * gridW + nx];
                    }
                }
                in[cy * gridW + cx] = all;
            }
        }
        return in;
    }

    /** The components of one candidate shift that meet {@code minPairs} and {@code minArea}. */
    static List<Component> find(ShiftVoting.Candidate cand, int[] sources, int blocksX, int blocksY,
                                WorkingLuma img, CloneSettings s) {
        int b = s.blockSize();
        int cell = b / 2;
        int cw = (blocksX + cell - 1) / cell;
        int ch = (blocksY + cell - 1) / cell;
        int[] count = new int[cw * ch];
        for (int src : sources) {
            count[(src / blocksX) / cell * cw + (src % blocksX) / cell]++;
        }
        int[] label = new int[count.length];
        int[] queue = new int[count.length];
        List<int[]> comps = new ArrayList<>();
        int next = 0;
        for (int start = 0; start < count.length; start++) {
            if (count[start] == 0 || label[start] != 0) {
                continue;
            }
            next++;
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            label[start] = next;
            int pairs = 0;
            while (head < tail) {
                int c = queue[head++];
                pairs += count[c];
                int cx = c % cw;
                int cy = c / cw;
                for (int ny = Math.max(0, cy - 1); ny <= Math.min(ch - 1, cy + 1); ny++) {
                    for (int nx = Math.max(0, cx - 1); nx <= Math.min(cw - 1, cx + 1); nx++) {
                        int q = ny * cw + nx;
                        if (count[q] > 0 && label[q] == 0) {
                            label[q] = next;
                            queue[tail++] = q;
                        }
                    }
                }
            }
            comps.add(new int[] {pairs, Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1});
        }
        for (int src : sources) {
            int x = src % blocksX;
            int y = src / blocksX;
            int[] c = comps.get(label[y / cell * cw + x / cell] - 1);
            c[1] = Math.min(c[1], x);
            c[2] = Math.min(c[2], y);
            c[3] = Math.max(c[3], x);
            c[4] = Math.max(c[4], y);
        }
        int gw = (img.width() + cell - 1) / cell;
        int gh = (img.height() + cell - 1) / cell;
        int reach = (b + cell - 1) / cell; // a block starting in a cell covers this many further cells
        List<Component> out = new ArrayList<>();
        for (int id = 1; id <= comps.size(); id++) {
            int[] c = comps.get(id - 1);
            if (c[0] < s.minPairs()) {
                continue;
            }
            boolean[] fp = new boolean[gw * gh];
            int covered = 0;
            for (int cy = c[2] / cell; cy <= c[4] / cell; cy++) {
                for (int cx = c[1] / cell; cx <= c[3] / cell; cx++) {
                    if (label[cy * cw + cx] != id) {
                        continue;
                    }
                    for (int fy = cy; fy <= Math.min(gh - 1, cy + reach); fy++) {
                        for (int fx = cx; fx <= Math.min(gw - 1, cx + reach); fx++) {
                            if (!fp[fy * gw + fx]) {
                                fp[fy * gw + fx] = true;
                                covered++;
                            }
                        }
                    }
                }
            }
            int area = covered * cell * cell;
            if (area < s.minArea()) {
                continue;
            }
            out.add(new Component(c[1], c[2], c[3] + b, c[4] + b, cand.dx(), cand.dy(), c[0], area, cell, gw, interiorOf(fp, gw)));
        }
        return out;
    }
}
