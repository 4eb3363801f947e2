package dev.unmask.faces.signals;

import dev.unmask.analyzers.jpeg.DoubleCompressionBlocks;
import dev.unmask.analyzers.jpeg.JpegSettings;
import dev.unmask.core.imaging.FloatPlane;
import dev.unmask.faces.FaceBox;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JPEG history of each face against the background, in two parts.
 *
 * <ul>
 *   <li><b>Double compression</b> (JPEG files): when the picture was compressed twice on its grid, a face pasted in
 *       before the last save from a picture on another grid, or from an uncompressed one, was compressed only once
 *       on it (Bianchi &amp; Piva, IEEE TIFS 2012). The {@code jpeg} analyzer's per-block log-likelihood ratio of
 *       single over double compression ({@link DoubleCompressionBlocks}) is pooled over the face's blocks per
 *       informative coefficient and compared with the background's face-sized windows; only a face leaning to
 *       single compression counts.</li>
 *   <li><b>Grid alignment</b> (any format): a face whose blocking grid lies off the image's own 8x8 grid
 *       ({@link BlockingGrid}) came from another JPEG, pasted at an offset that is not a multiple of 8; in a file that
 *       is not a JPEG, any blocking grid in the face that the background lacks.</li>
 * </ul>
 */
final class JpegCheck {
    /** Fewest usable 8x8 blocks inside a face box (a 32-px face). */
    static final int MIN_FACE_BLOCKS = 16;
    /** Fewest informative coefficients for a region's pooled log-likelihood ratio. */
    static final double MIN_COEFFICIENTS = 64;
    /** Smallest spread of the windows' pooled log-likelihood ratio (nats per coefficient). */
    static final double LLR_SPREAD_FLOOR = 0.02;
    /** Smallest spread of the windows' off-grid peak. */
    static final double GRID_SPREAD_FLOOR = 0.02;
    /**
     * The face's pooled log-likelihood ratio must exceed the background windows' median by at least this many nats
     * per coefficient to score (untouched faces measured within -0.3..+0.05 of their background, pasted faces +0.6
     * and more).
     */
    static final double MIN_LLR_GAP = 0.3;
    /** The face's off-grid blocking peak must rise at least this far above the mean step to score. */
    static final double MIN_GRID_PEAK = 0.1;
    /** Range of the pooled log-likelihood ratio shown in the picture. */
    static final double MAP_RANGE = 1.0;

    private JpegCheck() {}

    /**
     * @param jpegBytes the file's bytes when it is a JPEG, else null
     * @param format the file's format, for the skip reason
     */
    static CheckRun run(FloatPlane luma, byte[] jpegBytes, String format, List<FaceBox> faces, List<FaceBox> regions,
            SignalScoring scoring) {
        BlockingGrid bg = BlockingGrid.measure(luma);
        BlockGrid g = bg.grid;
        if (g.size() == 0) {
            return CheckRun.skippedForAll(FaceSignal.JPEG, faces.size(), "the image is smaller than one block");
        }
        boolean[] background = g.outside(regions);
        boolean ownGrid = jpegBytes != null;
        DoubleCompressionBlocks dq = ownGrid ? DoubleCompressionBlocks.measure(jpegBytes, luma, JpegSettings.DEFAULTS)
                : null;
        String dqSkip = dq == null ? "compression history per block is read from JPEG files only (this is "
                + format + ")" : dq.skipReason();
        double[] perCoefficient = null;
        boolean[] informative = null;
        if (dqSkip == null && (dq.blocksX() != g.blocksX() || dq.blocksY() != g.blocksY())) {
            dqSkip = "the JPEG block grid does not match the decoded image";
        }
        if (dqSkip == null) {
            perCoefficient = new double[g.size()];
            informative = new boolean[g.size()];
            for (int i = 0; i < g.size(); i++) {
                informative[i] = dq.informative()[i] >= 1;
                perCoefficient[i] = informative[i] ? dq.llr()[i] / dq.informative()[i] : 0;
            }
        }
        boolean[] all = new boolean[g.size()];
        Arrays.fill(all, true);
        BlockComparison.Spec gridSpec = new BlockComparison.Spec(MIN_FACE_BLOCKS, GRID_SPREAD_FLOOR,
                "too flat to show a blocking grid");
        BlockComparison.Spec dqSpec = new BlockComparison.Spec(MIN_FACE_BLOCKS, LLR_SPREAD_FLOOR, "the others are"
                + " flat: no non-zero coefficient at the frequencies read");
        int[] bgBlocks = indices(background);
        boolean[] own = BlockingGrid.ownPhases(ownGrid, bg.profile(bgBlocks, bgBlocks.length), MIN_GRID_PEAK);
        List<SignalOutcome> out = new ArrayList<>();
        for (FaceBox f : faces) {
            int[] rect = g.inside(f);
            BlockComparison.Result grid = BlockComparison.compare(g, rect, all, background, (b, n) -> {
                double[] p = bg.profile(b, n);
                return p == null ? Double.NaN : BlockingGrid.offGridPeak(p, own);
            }, gridSpec);
            int[] offset = grid.compared() ? BlockingGrid.offset(bg.profile(blocks(g, rect), area(rect)), own,
                    MIN_GRID_PEAK) : null;
            BlockComparison.Result dqr = dqSkip != null ? BlockComparison.Result.skipped(dqSkip)
                    : BlockComparison.compare(g, rect, informative, background, pooled(dq), dqSpec);
            out.add(outcome(grid, offset, own, dqr, dq, scoring));
        }
        if (perCoefficient == null) {
            return new CheckRun(out, null, 0, 0, 0, null);
        }
        return new CheckRun(out, CheckRun.plane(perCoefficient, g.blocksX(), g.blocksY()), BlockingGrid.PERIOD,
                -MAP_RANGE, MAP_RANGE, "Log-likelihood ratio of single over double JPEG compression per 8x8 block"
                        + " and informative coefficient (from -1, dark = doubly compressed like the picture, to +1,"
                        + " bright = compressed once); boxes: the faces (solid) and the regions left out of the"
                        + " background (thin).");
    }

    private static BlockComparison.RegionStatistic pooled(DoubleCompressionBlocks dq) {
        float[] llr = dq.llr();
        float[] inf = dq.informative();
        return (b, n) -> {
            double s = 0;
            double c = 0;
            for (int i = 0; i < n; i++) {
                s += llr[b[i]];
                c += inf[b[i]];
            }
            return c < MIN_COEFFICIENTS ? Double.NaN : s / c;
        };
    }

    private static SignalOutcome outcome(BlockComparison.Result grid, int[] offset, boolean[] own,
            BlockComparison.Result dqr, DoubleCompressionBlocks dq, SignalScoring scoring) {
        if (!grid.compared() && !dqr.compared()) {
            return SignalOutcome.skipped(FaceSignal.JPEG, grid.skip() + "; double compression: " + dqr.skip());
        }
        Map<String, Object> v = new LinkedHashMap<>();
        Map<String, Object> dv = new LinkedHashMap<>();
        double dqScore = 0;
        List<String> parts = new ArrayList<>();
        if (dq != null && dq.gain() > 0) {
            dv.put("gain", NoiseCheck.round(dq.gain()));
        }
        if (dqr.compared()) {
            boolean single = dqr.face() - dqr.background() >= MIN_LLR_GAP;
            dqScore = scoring.score(dqr.z(), single);
            dv.put("primaryQuality", dq.primaryQuality());
            dv.put("faceLlrPerCoefficient", NoiseCheck.round(dqr.face()));
            dv.put("backgroundLlrPerCoefficient", NoiseCheck.round(dqr.background()));
            dv.put("spread", NoiseCheck.round(dqr.spread()));
            dv.put("z", NoiseCheck.round(dqr.z()));
            dv.put("faceBlocks", dqr.faceBlocks());
            dv.put("backgroundWindows", dqr.windows());
            parts.add(String.format(Locale.ROOT, "%s (z %+.1f)", single && dqr.z() > 0
                    ? "closer to single compression than the rest" : "double compression like the rest", dqr.z()));
        } else {
            dv.put("skipped", dqr.skip());
        }
        Map<String, Object> gv = new LinkedHashMap<>();
        double gridScore = 0;
        if (grid.compared()) {
            gridScore = scoring.score(grid.z(), grid.face() >= MIN_GRID_PEAK);
            gv.put("faceOffset", List.of(offset[0], offset[1]));
            gv.put("faceOffGridPeak", NoiseCheck.round(grid.face()));
            gv.put("backgroundOffGridPeak", NoiseCheck.round(grid.background()));
            gv.put("spread", NoiseCheck.round(grid.spread()));
            gv.put("z", NoiseCheck.round(grid.z()));
            gv.put("faceBlocks", grid.faceBlocks());
            gv.put("backgroundWindows", grid.windows());
            gv.put("pictureGrid", List.of(phases(own, 0), phases(own, BlockingGrid.PERIOD)));
            boolean off = grid.face() >= MIN_GRID_PEAK && grid.z() > 0;
            parts.add(String.format(Locale.ROOT, "%s (z %+.1f)", off ? "blocking grid off the picture's by ("
                    + offset[0] + ", " + offset[1] + ")" : "no blocking grid off the picture's", grid.z()));
        } else {
            gv.put("skipped", grid.skip());
        }
        v.put("doubleCompression", dv);
        v.put("grid", gv);
        double z;
        if (dqScore != gridScore) {
            z = dqScore > gridScore ? dqr.z() : grid.z();
        } else {
            z = !dqr.compared() ? grid.z() : !grid.compared() ? dqr.z() : Math.max(dqr.z(), grid.z());
        }
        return new SignalOutcome(FaceSignal.JPEG, Math.max(dqScore, gridScore), z, "JPEG: " + String.join(", ",
                parts), v);
    }

    /** The grid offsets (0..7) of the picture's own phases in one direction, as a list. */
    private static List<Integer> phases(boolean[] own, int o) {
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < BlockingGrid.PERIOD; k++) {
            if (own[o + k]) {
                out.add((k + 1) % BlockingGrid.PERIOD);
            }
        }
        return out;
    }

    private static int[] indices(boolean[] mask) {
        int n = 0;
        for (boolean b : mask) {
            n += b ? 1 : 0;
        }
        int[] out = new int[n];
        int j = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                out[j++] = i;
            }
        }
        return out;
    }

    private static int area(int[] rect) {
        return (rect[2] - rect[0] + 1) * (rect[3] - rect[1] + 1);
    }

    private static int[] blocks(BlockGrid g, int[] rect) {
        int[] b = new int[area(rect)];
        int n = 0;
        for (int y = rect[1]; y <= rect[3]; y++) {
            for (int x = rect[0]; x <= rect[2]; x++) {
                b[n++] = y * g.blocksX() + x;
            }
        }
        return b;
    }
}
