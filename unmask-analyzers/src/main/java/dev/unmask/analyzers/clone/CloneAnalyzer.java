package dev.unmask.analyzers.clone;

import dev.unmask.api.Analyzer;
import dev.unmask.api.AnalyzerInfo;
import dev.unmask.api.AnalyzerOptions;
import dev.unmask.api.AnalyzerResult;
import dev.unmask.api.Artifact;
import dev.unmask.api.Evidence;
import dev.unmask.api.Finding;
import dev.unmask.api.Media;
import dev.unmask.api.MediaType;
import dev.unmask.core.imaging.Artifacts;
import dev.unmask.core.imaging.FloatPlane;
import dev.unmask.core.imaging.Planes;
import dev.unmask.core.imaging.Stats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Copy-move (clone) forgery detection: finds regions of an image duplicated elsewhere in the same image.
 *
 * <p>Method: block matching after Fridrich, Soukal &amp; Luk&aacute;&scaron; (2003), "Detection of copy-move
 * forgery in digital images" (DFRWS): overlapping blocks of the luma are described by quantised low-frequency DCT
 * coefficients, sorted lexicographically, neighbours in the sorted list are paired, and only shift vectors shared
 * by many pairs count. Features chosen after Christlein et al. (2012), "An evaluation of popular copy-move forgery
 * detection approaches" (IEEE TIFS 7(6)). For speed the luma is analysed at a bounded working resolution (integer
 * area-averaging downscale, see {@link CloneSettings#workingMaxPixels()}), and each surviving region is verified
 * at full resolution by zero-mean normalised correlation of luma and of high-pass residual.
 *
 * <p>Not handled: rotated or scaled copies (the features are not rotation/scale invariant, unlike the
 * Zernike/PatchMatch approach of Cozzolino, Poggi &amp; Verdoliva 2015), copies from another image (splicing),
 * copies of flat areas (skipped by design), and copies smaller than about {@code (blockSize + 24)} working pixels
 * on a side.
 */
public final class CloneAnalyzer implements Analyzer {
    /** Analyzer id, prefix of finding codes and options. */
    public static final String ID = "clone";
    /** Code of the copy-move finding. */
    public static final String CODE = ID + ".copy-move";
    /** Score of a verified pair at the thresholds of correlation and area. */
    static final double SCORE_FLOOR = 0.3;
    /** Score added for a large pair copied with high fidelity (the maximum is floor + span = 0.9). */
    static final double SCORE_SPAN = 0.6;
    /** Luma correlation counted as a faithful copy (a JPEG q90 re-save of a textured copy reaches it). */
    static final double LUMA_STRONG = 0.998;
    /** Residual correlation counted as a faithful copy. */
    static final double RESIDUAL_STRONG = 0.9;
    /** Area, in multiples of the minimum area, counted as fully convincing. */
    static final double AREA_STRONG_RATIO = 12;

    private CloneSettings settings = CloneSettings.defaults();

    /** Creates the analyzer with default settings (replaced in {@link #init}). */
    public CloneAnalyzer() {
        // settings come from init
    }

    @Override
    public AnalyzerInfo info() {
        return new AnalyzerInfo(ID, "Copy-move (clone) detection", "1.0",
                "Finds regions duplicated within the image by matching quantised low-frequency DCT features of "
                        + "overlapping blocks and voting on shift vectors (Fridrich, Soukal & Lukas 2003), verified "
                        + "by full-resolution correlation.");
    }

    @Override
    public void init(AnalyzerOptions options) {
        settings = CloneSettings.from(options);
    }

    @Override
    public boolean supports(MediaType type) {
        return type.isImage();
    }

    @Override
    public AnalyzerResult analyze(Media media) throws Exception {
        CloneSettings s = settings;
        FloatPlane luma = Planes.luma(media);
        if (luma.width() < 2 * s.minShift() && luma.height() < 2 * s.minShift()
                || luma.width() <= s.blockSize() || luma.height() <= s.blockSize()) {
            return AnalyzerResult.notApplicable(String.format(Locale.ROOT,
                    "Image %dx%d is too small for copy-move search (blocks of %d px, minimum shift %d px).",
                    luma.width(), luma.height(), s.blockSize(), s.minShift()));
        }
        CloneDetector.Detection d = CloneDetector.detect(luma, s);
        String checked = String.format(Locale.ROOT,
                "Searched %,d blocks of %dx%d px (%,d textured) at %dx%d working resolution (1/%d) for duplicated regions",
                d.blocks(), s.blockSize() * d.factor(), s.blockSize() * d.factor(), d.texturedBlocks(), d.workWidth(),
                d.workHeight(), d.factor());
        if (d.pairs().isEmpty()) {
            return AnalyzerResult.ok(checked + String.format(Locale.ROOT,
                    ": no duplicated region verified (%d candidate shifts examined).", d.candidates()), List.of());
        }
        double best = 0;
        List<Object> pairValues = new ArrayList<>();
        for (CloneDetector.ClonePair p : d.pairs()) {
            best = Math.max(best, score(p, d.factor(), s));
            pairValues.add(values(p, d.factor(), s));
        }
        CloneDetector.ClonePair top = d.pairs().get(0);
        Artifact overlay = Artifacts.jpeg("clone-overlay",
                "Duplicated regions: each numbered pair is outlined cyan (copy earlier in reading order) and magenta "
                        + "(the other copy), linked by a yellow dashed line.",
                Artifact.Kind.OVERLAY, CloneOverlay.draw(media.image(), d.pairs()));
        Finding f = Finding.of(CODE, Evidence.MANIPULATED, best)
                .title(d.pairs().size() == 1 ? "A region of the image appears duplicated elsewhere in it."
                        : d.pairs().size() + " pairs of duplicated regions were found in the image.")
                .detail(String.format(Locale.ROOT,
                        "Blocks of %d px (working image 1/%d of full size) with matching low-frequency content were "
                                + "found at one consistent shift, and the two regions correlate at full resolution "
                                + "(luma ZNCC %.3f, high-pass residual ZNCC %.3f for pair 1, shift %d,%d). A copied "
                                + "region repeats the fine detail and noise, so a residual correlation near 1 is "
                                + "strong evidence of copy-move retouching; around 0.5 it is moderate (a re-compressed "
                                + "or smoothed copy). Repetitive content - tiles, brick walls, fences, printed or "
                                + "rendered text, screenshots - can produce genuine repeats: check the overlay. Which "
                                + "copy is the original cannot be told from this test. Rotated or rescaled copies and "
                                + "copies of flat areas (std below %.1f grey levels) are not detected.",
                        s.blockSize() * d.factor(), d.factor(), top.correlation(), top.residualCorrelation(),
                        top.dx(), top.dy(), s.flatStd()))
                .value("pairCount", d.pairs().size())
                .value("pairs", pairValues)
                .value("workingFactor", d.factor())
                .artifact(overlay)
                .build();
        return AnalyzerResult.ok(checked + String.format(Locale.ROOT,
                ": %d duplicated region pair(s), strongest residual correlation %.2f.", d.pairs().size(),
                top.residualCorrelation()), List.of(f));
    }

    /**
     * Score of one verified pair: {@value #SCORE_FLOOR} at the thresholds, rising by up to {@value #SCORE_SPAN}
     * with the geometric mean of a fidelity term (the smaller of the luma correlation's progress from its
     * threshold to {@value #LUMA_STRONG} and the residual correlation's from its threshold to
     * {@value #RESIDUAL_STRONG}) and an area term (log of the area from the minimum to {@value #AREA_STRONG_RATIO}
     * times it).
     */
    static double score(CloneDetector.ClonePair p, int factor, CloneSettings s) {
        double luma = ramp(p.correlation(), s.minCorrelation(), LUMA_STRONG);
        double res = ramp(p.residualCorrelation(), s.minResidualCorrelation(), RESIDUAL_STRONG);
        double workArea = (double) p.area() / ((double) factor * factor);
        double area = Stats.clamp01(Math.log(workArea / s.minArea()) / Math.log(AREA_STRONG_RATIO));
        return SCORE_FLOOR + SCORE_SPAN * Math.sqrt(Math.min(luma, res) * area);
    }

    private static double ramp(double v, double lo, double hi) {
        return hi > lo ? Stats.clamp01((v - lo) / (hi - lo)) : (v >= lo ? 1 : 0);
    }

    private static Map<String, Object> values(CloneDetector.ClonePair p, int factor, CloneSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", toDoubles(p.source()));
        m.put("target", toDoubles(p.target()));
        m.put("shift", new double[] {p.dx(), p.dy()});
        m.put("matchedBlocks", p.pairs());
        m.put("areaPx", p.area());
        m.put("correlation", round(p.correlation()));
        m.put("residualCorrelation", round(p.residualCorrelation()));
        m.put("score", round(score(p, factor, s)));
        return m;
    }

    private static double[] toDoubles(int[] box) {
        return new double[] {box[0], box[1], box[2], box[3]};
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
