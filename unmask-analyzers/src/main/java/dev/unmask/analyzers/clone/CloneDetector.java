package dev.unmask.analyzers.clone;

import dev.unmask.core.imaging.FloatPlane;
import java.util.ArrayList;
import java.util.List;

/**
 * The copy-move pipeline on one luma plane: bounded working resolution, block features and sort
 * ({@link BlockFeatures}), shift voting ({@link ShiftVoting}), spatial coherence ({@link RegionFinder}) and
 * full-resolution verification ({@link RegionVerifier}). Block-matching after Fridrich, Soukal &amp;
 * Luk&aacute;&scaron; (2003); the choice of low-frequency DCT features follows the comparison of Christlein,
 * Riess, Jordan, Riess &amp; Angelopoulou (2012), "An evaluation of popular copy-move forgery detection
 * approaches", IEEE TIFS 7(6), where DCT-type block features are accurate for plain (unrotated, unscaled) copies.
 */
final class CloneDetector {
    /** Two detections whose source and target boxes overlap by more than this IoU are one pair. */
    static final double DUPLICATE_IOU = 0.5;

    private CloneDetector() {}

    /**
     * One detected pair of duplicated regions, in full-resolution pixels.
     *
     * @param source the region earlier in raster order {x, y, width, height}
     * @param target the other copy {x, y, width, height} (same size, shifted by {@code dx, dy})
     * @param dx shift from source to target
     * @param dy shift from source to target
     * @param pairs matched block pairs
     * @param area pixels covered by the matched blocks (full resolution)
     * @param correlation luma ZNCC of the two regions
     * @param residualCorrelation high-pass residual ZNCC of the two regions
     */
    record ClonePair(int[] source, int[] target, int dx, int dy, int pairs, long area, double correlation,
                     double residualCorrelation) {}

    /**
     * What was examined and found.
     *
     * @param workWidth working width
     * @param workHeight working height
     * @param factor downscale factor
     * @param blocks blocks examined
     * @param texturedBlocks blocks above the flat threshold
     * @param candidates shifts that passed voting
     * @param pairs the verified pairs, strongest first
     */
    record Detection(int workWidth, int workHeight, int factor, long blocks, int texturedBlocks, int candidates,
                     List<ClonePair> pairs) {}

    /** Runs the pipeline on a full-resolution luma plane. */
    static Detection detect(FloatPlane luma, CloneSettings s) {
        WorkingLuma work = WorkingLuma.of(luma, s.workingMaxPixels());
        BlockFeatures feats = BlockFeatures.compute(work, s);
        List<ClonePair> found = new ArrayList<>();
        if (feats.keys.length < s.minPairs()) {
            return new Detection(work.width(), work.height(), work.factor(), feats.blocksTotal, feats.keys.length, 0,
                    found);
        }
        IntIntMap votes = ShiftVoting.vote(feats, s);
        List<ShiftVoting.Candidate> cands = ShiftVoting.candidates(votes, feats.blocksX, s);
        int[][] sources = cands.isEmpty() ? new int[0][] : ShiftVoting.collect(feats, s, cands);
        int f = work.factor();
        for (int c = 0; c < cands.size() && found.size() < s.maxRegions(); c++) {
            for (RegionFinder.Component comp : RegionFinder.find(cands.get(c), sources[c], feats.blocksX,
                    feats.blocksY, work, s)) {
                RegionVerifier.Verified v = RegionVerifier.verify(luma, f, comp);
                if (v == null || v.luma() < s.minCorrelation() || v.residual() < s.minResidualCorrelation()
                        || v.peakContrast() < s.minPeakContrast()) {
                    continue;
                }
                ClonePair p = toPair(luma, f, comp, v);
                if (found.stream().noneMatch(q -> same(p, q)) && found.size() < s.maxRegions()) {
                    found.add(p);
                }
            }
        }
        return new Detection(work.width(), work.height(), f, feats.blocksTotal, feats.keys.length, cands.size(),
                List.copyOf(found));
    }

    private static ClonePair toPair(FloatPlane luma, int f, RegionFinder.Component c, RegionVerifier.Verified v) {
        int x0 = c.x0() * f;
        int y0 = c.y0() * f;
        int x1 = Math.min(luma.width() - Math.max(0, v.dx()), c.x1() * f);
        int y1 = Math.min(luma.height() - Math.max(0, v.dy()), c.y1() * f);
        x0 = Math.max(x0, -v.dx());
        int[] src = {x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0)};
        int[] tgt = {x0 + v.dx(), y0 + v.dy(), src[2], src[3]};
        return new ClonePair(src, tgt, v.dx(), v.dy(), c.pairs(), (long) c.area() * f * f, v.luma(), v.residual());
    }

    private static boolean same(ClonePair a, ClonePair b) {
        return (iou(a.source(), b.source()) > DUPLICATE_IOU && iou(a.target(), b.target()) > DUPLICATE_IOU)
                || (iou(a.source(), b.target()) > DUPLICATE_IOU && iou(a.target(), b.source()) > DUPLICATE_IOU);
    }

    /** Intersection over union of two {x, y, w, h} boxes. */
    static double iou(int[] a, int[] b) {
        long ix = Math.max(0, Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]));
        long iy = Math.max(0, Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]));
        long inter = ix * iy;
        long union = (long) a[2] * a[3] + (long) b[2] * b[3] - inter;
        return union > 0 ? (double) inter / union : 0;
    }
}
