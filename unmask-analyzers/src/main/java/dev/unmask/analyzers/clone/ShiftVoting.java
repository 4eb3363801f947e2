package dev.unmask.analyzers.clone;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Pairs similar blocks found next to each other in the sorted feature list and votes on their shift vectors
 * (Fridrich et al. 2003, section 4: only shifts shared by many block pairs indicate a copy; isolated pairs are
 * chance look-alikes). Each pair is oriented so its <em>source</em> is the block earlier in raster order, so a
 * shift {@code (dx, dy)} always has {@code dy > 0}, or {@code dy == 0} and {@code dx > 0}.
 */
final class ShiftVoting {
    /** Votes of the 3&times;3 neighbourhood of a shift are pooled: resampling and JPEG split a copy's votes. */
    static final int POOL_RADIUS = 1;
    /** At most this many candidate shifts per requested region are examined. */
    static final int CANDIDATES_PER_REGION = 8;

    private ShiftVoting() {}

    /** Receives a matched pair: the source block index and the packed shift. */
    interface PairSink {
        void pair(int sourceIndex, int shiftKey);
    }

    /** A shift with many consistent pairs. */
    record Candidate(int dx, int dy, int votes) {}

    /** The packed key of a shift for blocks of an image {@code blocksX} blocks wide. */
    static int shiftKey(int dx, int dy, int blocksX) {
        return dy * (2 * blocksX + 1) + dx + blocksX;
    }

    /** Finds the matched pairs in the sorted keys and passes them to {@code sink}. */
    static void scan(BlockFeatures f, CloneSettings s, PairSink sink) {
        long[] k = f.keys;
        int n = k.length;
        int nbx = f.blocksX;
        int[] xs = new int[n];
        int[] ys = new int[n];
        int[] idx = new int[n];
        int[] dcs = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = f.index(k[i]);
            xs[i] = idx[i] % nbx;
            ys[i] = idx[i] / nbx;
            dcs[i] = f.dc(k[i]);
        }
        int window = s.neighbourWindow();
        long minShift2 = (long) s.minShift() * s.minShift();
        int tol = s.maxKeyDistance();
        int shift = f.indexBits;
        for (int i = 0; i < n; i++) {
            long a = k[i];
            int end = Math.min(n, i + 1 + window);
            for (int j = i + 1; j < end; j++) {
                if (dcs[j] - dcs[i] > 1) {
                    break;
                }
                int dx = xs[j] - xs[i];
                int dy = ys[j] - ys[i];
                if ((long) dx * dx + (long) dy * dy < minShift2) {
                    continue;
                }
                long b = k[j];
                if ((a >>> shift) != (b >>> shift) && f.fieldDistance(a, b) > tol) {
                    continue;
                }
                if (idx[j] < idx[i]) {
                    sink.pair(idx[j], shiftKey(-dx, -dy, nbx));
                } else {
                    sink.pair(idx[i], shiftKey(dx, dy, nbx));
                }
            }
        }
    }

    /** Above this many possible shifts the vote uses a hash map instead of a dense histogram. */
    static final long DENSE_LIMIT = 16_000_000;

    /** Counts the pairs per shift: a dense histogram over all shifts when small enough, else a hash map. */
    static IntIntMap vote(BlockFeatures f, CloneSettings s) {
        long shifts = (2L * f.blocksX + 1) * f.blocksY;
        if (shifts <= DENSE_LIMIT) {
            int[] hist = new int[(int) shifts];
            scan(f, s, (src, key) -> hist[key]++);
            int least = Math.max(1, s.minPairs() / ((2 * POOL_RADIUS + 1) * (2 * POOL_RADIUS + 1)));
            IntIntMap votes = new IntIntMap(1 << 12);
            for (int k = 0; k < hist.length; k++) {
                if (hist[k] >= least) {
                    votes.add(k, hist[k]);
                }
            }
            return votes;
        }
        IntIntMap votes = new IntIntMap(1 << 16);
        scan(f, s, (src, key) -> votes.add(key, 1));
        return votes;
    }

    /**
     * The shifts whose pooled votes reach {@code minPairs} and that are local maxima of the raw votes, strongest
     * first, at most {@link #CANDIDATES_PER_REGION} times {@code maxRegions}.
     */
    static List<Candidate> candidates(IntIntMap votes, int blocksX, CloneSettings s) {
        int stride = 2 * blocksX + 1;
        List<Candidate> out = new ArrayList<>();
        votes.forEach((key, count) -> {
            int dy = key / stride;
            int dx = key % stride - blocksX;
            int pooled = 0;
            for (int ey = -POOL_RADIUS; ey <= POOL_RADIUS; ey++) {
                for (int ex = -POOL_RADIUS; ex <= POOL_RADIUS; ex++) {
                    if (dy + ey < 0 || Math.abs(dx + ex) >= blocksX) {
                        continue;
                    }
                    int c = votes.get(shiftKey(dx + ex, dy + ey, blocksX), 0);
                    if (c > count || (c == count && (ey < 0 || (ey == 0 && ex < 0)))) {
                        return; // not the local maximum (ties go to the first in raster order)
                    }
                    pooled += c;
                }
            }
            if (pooled >= s.minPairs()) {
                out.add(new Candidate(dx, dy, pooled));
            }
        });
        out.sort(Comparator.comparingInt(Candidate::votes).reversed()
                .thenComparingInt(Candidate::dy).thenComparingInt(Candidate::dx));
        int max = CANDIDATES_PER_REGION * s.maxRegions();
        return out.size() > max ? List.copyOf(out.subList(0, max)) : out;
    }

    /**
     * The source block indices of the pairs voting for each candidate (its shift or a pooled neighbour); a pair
     * pooled by several candidates goes to the strongest.
     */
    static int[][] collect(BlockFeatures f, CloneSettings s, List<Candidate> cands) {
        int nbx = f.blocksX;
        IntIntMap owner = new IntIntMap(cands.size() * 16);
        for (int c = 0; c < cands.size(); c++) {
            Candidate cd = cands.get(c);
            for (int ey = -POOL_RADIUS; ey <= POOL_RADIUS; ey++) {
                for (int ex = -POOL_RADIUS; ex <= POOL_RADIUS; ex++) {
                    if (cd.dy() + ey >= 0 && Math.abs(cd.dx() + ex) < nbx) {
                        owner.putIfAbsent(shiftKey(cd.dx() + ex, cd.dy() + ey, nbx), c);
                    }
                }
            }
        }
        int[][] lists = new int[cands.size()][];
        int[] sizes = new int[cands.size()];
        for (int c = 0; c < lists.length; c++) {
            lists[c] = new int[Math.max(16, cands.get(c).votes())];
        }
        scan(f, s, (src, key) -> {
            int c = owner.get(key, -1);
            if (c >= 0) {
                if (sizes[c] == lists[c].length) {
                    lists[c] = Arrays.copyOf(lists[c], lists[c].length * 2);
                }
                lists[c][sizes[c]++] = src;
            }
        });
        for (int c = 0; c < lists.length; c++) {
            lists[c] = Arrays.copyOf(lists[c], sizes[c]);
        }
        return lists;
    }
}
