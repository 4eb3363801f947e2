package dev.unmask.faces.signals;

import dev.unmask.analyzers.noise.NoiseMap;
import dev.unmask.analyzers.noise.NoiseSettings;
import dev.unmask.core.imaging.FloatPlane;
import dev.unmask.faces.FaceBox;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The noise level of each face against the background, at equal texture (after Mahdian &amp; Saic, "Using noise
 * inconsistencies for blind image forensics", Image and Vision Computing 27(10), 2009): the {@code noise}
 * analyzer's per-block estimate ({@link NoiseMap}, diagonal Haar subband, full-resolution luma) on 16-px blocks so
 * that faces of 50 px still hold a few blocks, each block normalised by the level the background's blocks of equal
 * texture show ({@link TextureMatched}). A face pasted from another camera, or smoothed, or re-noised, carries another
 * noise level than the picture it sits in.
 */
final class NoiseCheck {
    /** Block side: a 48-px face holds 9 blocks. */
    static final int BLOCK = 16;
    /** Fewest usable blocks inside a face box. */
    static final int MIN_FACE_BLOCKS = 9;
    /** Smallest spread of the windows' median log ratio (natural log): a 5% noise difference. */
    static final double SPREAD_FLOOR = 0.05;
    /** The face's texture-normalised noise must differ from the background's by at least this factor to score. */
    static final double MIN_RATIO = 1.5;
    /** Range of the log ratio shown in the picture. */
    static final double MAP_RANGE = 1.0;

    private NoiseCheck() {}

    static CheckRun run(FloatPlane luma, List<FaceBox> faces, List<FaceBox> regions, SignalScoring scoring) {
        NoiseMap m = NoiseMap.compute(luma, BLOCK);
        BlockGrid g = new BlockGrid(BLOCK, m.blocksX(), m.blocksY());
        if (g.size() == 0) {
            return CheckRun.skippedForAll(FaceSignal.NOISE, faces.size(), "the image is smaller than one block");
        }
        TextureMatched tm = new TextureMatched(g, m.sigma(), m.texture(), m.valid(), g.outside(regions),
                NoiseSettings.DEFAULTS.sigmaFloor());
        BlockComparison.Spec spec = new BlockComparison.Spec(MIN_FACE_BLOCKS, SPREAD_FLOOR,
                "the others are clipped to black or white");
        List<SignalOutcome> out = new ArrayList<>();
        for (FaceBox f : faces) {
            out.add(outcome(tm.compare(g.inside(f), spec, false), scoring));
        }
        return new CheckRun(out, CheckRun.plane(tm.logRatio, g.blocksX(), g.blocksY()), BLOCK, -MAP_RANGE, MAP_RANGE,
                "Noise level per 16-px block relative to what the background's blocks of the same texture show"
                        + " (log ratio from -1, dark = cleaner, to +1, bright = noisier); boxes: the faces (solid)"
                        + " and the regions left out of the background (thin).");
    }

    private static SignalOutcome outcome(TextureMatched.Outcome o, SignalScoring scoring) {
        BlockComparison.Result c = o.comparison();
        if (!c.compared()) {
            return SignalOutcome.skipped(FaceSignal.NOISE, c.skip());
        }
        double ratio = o.ratio();
        boolean large = ratio >= MIN_RATIO || ratio <= 1 / MIN_RATIO;
        double score = scoring.score(Math.abs(c.z()), large);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("blockSize", BLOCK);
        v.put("faceSigma", round(o.faceLevel()));
        v.put("backgroundSigma", round(o.backgroundLevel()));
        v.put("ratio", round(ratio));
        v.put("z", round(c.z()));
        v.put("spreadFactor", round(Math.exp(c.spread())));
        v.put("faceBlocks", c.faceBlocks());
        v.put("backgroundWindows", c.windows());
        v.put("comparableBlocks", o.comparableBlocks());
        String dir = ratio >= 1 ? "noisier" : "cleaner";
        return new SignalOutcome(FaceSignal.NOISE, score, c.z(), String.format(Locale.ROOT,
                "noise %.2fx the background's (%s, z %+.1f)", ratio, dir, c.z()), v);
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
