package dev.unmask.faces.signals;

import dev.unmask.analyzers.ela.ElaSettings;
import dev.unmask.analyzers.ela.ErrorLevelMap;
import dev.unmask.core.imaging.FloatPlane;
import dev.unmask.faces.FaceBox;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The error level of each face against the background, at equal texture (error level analysis, Krawetz, "A
 * Picture's Worth", Black Hat 2007): the {@code ela} analyzer's per-8x8-block re-compression error at its quality
 * ({@link ErrorLevelMap}, the whole luma re-saved once, so the JPEG grid is kept), each block normalised by the error
 * the background's blocks of equal texture show ({@link TextureMatched}). A face with another compression history
 * than the picture re-compresses with another error. JPEG files only, as for the {@code ela} analyzer.
 */
final class ErrorLevelCheck {
    /** Fewest usable 8x8 blocks inside a face box (a 32-px face). */
    static final int MIN_FACE_BLOCKS = 16;
    /** Smallest spread of the windows' median log ratio (natural log). */
    static final double SPREAD_FLOOR = 0.05;
    /** The face's texture-normalised error must differ from the background's by at least this factor to score. */
    static final double MIN_RATIO = 1.5;
    /** Range of the log ratio shown in the picture. */
    static final double MAP_RANGE = 1.0;

    private ErrorLevelCheck() {}

    static CheckRun run(FloatPlane luma, List<FaceBox> faces, List<FaceBox> regions, SignalScoring scoring) {
        int quality = ElaSettings.DEFAULTS.quality();
        ErrorLevelMap m = ErrorLevelMap.compute(luma, quality);
        BlockGrid g = new BlockGrid(ErrorLevelMap.BLOCK, m.blocksX(), m.blocksY());
        if (g.size() == 0) {
            return CheckRun.skippedForAll(FaceSignal.ELA, faces.size(), "the image is smaller than one block");
        }
        boolean[] valid = new boolean[g.size()];
        Arrays.fill(valid, true);
        TextureMatched tm = new TextureMatched(g, m.error(), m.texture(), valid, g.outside(regions),
                ElaSettings.DEFAULTS.errorFloor());
        BlockComparison.Spec spec = new BlockComparison.Spec(MIN_FACE_BLOCKS, SPREAD_FLOOR, "none is left out");
        List<SignalOutcome> out = new ArrayList<>();
        for (FaceBox f : faces) {
            out.add(outcome(tm.compare(g.inside(f), spec, true), quality, scoring));
        }
        return new CheckRun(out, CheckRun.plane(tm.logRatio, g.blocksX(), g.blocksY()), ErrorLevelMap.BLOCK,
                -MAP_RANGE, MAP_RANGE, "Re-compression error at JPEG quality " + quality + " per 8x8 block relative"
                        + " to the background's blocks of the same texture (log ratio from -1, dark = less error, to +1,"
                        + " bright = more); boxes: the faces (solid) and the regions left out of the background"
                        + " (thin).");
    }

    private static SignalOutcome outcome(TextureMatched.Outcome o, int quality, SignalScoring scoring) {
        BlockComparison.Result c = o.comparison();
        if (!c.compared()) {
            return SignalOutcome.skipped(FaceSignal.ELA, c.skip());
        }
        double ratio = o.ratio();
        boolean large = ratio >= MIN_RATIO || ratio <= 1 / MIN_RATIO;
        double score = scoring.score(Math.abs(c.z()), large);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("quality", quality);
        v.put("faceErrorLevel", NoiseCheck.round(o.faceLevel()));
        v.put("backgroundErrorLevel", NoiseCheck.round(o.backgroundLevel()));
        v.put("ratio", NoiseCheck.round(ratio));
        v.put("z", NoiseCheck.round(c.z()));
        v.put("spreadFactor", NoiseCheck.round(Math.exp(c.spread())));
        v.put("faceBlocks", c.faceBlocks());
        v.put("backgroundWindows", c.windows());
        v.put("comparableBlocks", o.comparableBlocks());
        return new SignalOutcome(FaceSignal.ELA, score, c.z(), String.format(Locale.ROOT,
                "error level %.2fx the background's (z %+.1f)", ratio, c.z()), v);
    }
}
