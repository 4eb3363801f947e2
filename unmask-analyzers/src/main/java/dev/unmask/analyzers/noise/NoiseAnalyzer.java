package dev.unmask.analyzers.noise;

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
import dev.unmask.core.imaging.BlockRegions;
import dev.unmask.core.imaging.ColorMap;
import dev.unmask.core.imaging.FloatPlane;
import dev.unmask.core.imaging.Heatmaps;
import dev.unmask.core.imaging.Planes;
import dev.unmask.core.imaging.Scaling;
import dev.unmask.core.imaging.Stats;
import dev.unmask.core.imaging.Thumbs;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Noise-level inconsistency analysis (B. Mahdian and S. Saic, "Using noise inconsistencies for blind image
 * forensics", Image and Vision Computing 27(10):1497-1503, 2009).
 *
 * <p>An unedited photo carries one sensor-and-pipeline noise level, varying smoothly with brightness and
 * texture; a region pasted from another image, or locally blurred or denoised, usually carries a different one.
 * The noise standard deviation is estimated on blocks of the luma plane ({@code noise.block-size}, default 32)
 * from the diagonal Haar subband with a robust estimator (Donoho &amp; Johnstone 1994; see {@link NoiseMap}),
 * normalised by the level the image's own texture predicts, and blocks whose robust z-score is extreme are
 * grouped into connected regions ({@link NoiseLocalizer}). Clipped (near-black or near-white) blocks are left out.
 * Works on any still image format, on the full-resolution luma plane (no downscaling: that would average
 * the noise away).
 */
public final class NoiseAnalyzer implements Analyzer {
    /** Analyzer id. */
    public static final String ID = "noise";
    /** Fewest valid blocks for the robust statistics to mean anything. */
    static final int MIN_VALID_BLOCKS = 16;
    /** Heatmap colour range upper quantile. */
    static final double HEAT_QUANTILE = 0.99;
    /** Opacity of the heatmap in the overlay. */
    static final double OVERLAY_ALPHA = 0.6;

    private static final AnalyzerInfo INFO = new AnalyzerInfo(ID, "Noise residual", "1.0",
            "Estimates the local noise level from the diagonal wavelet subband and looks for coherent regions "
                    + "whose noise disagrees with the rest of the image (Mahdian & Saic 2009).");

    private volatile NoiseSettings settings = NoiseSettings.DEFAULTS;

    /** Creates the analyzer with default settings. */
    public NoiseAnalyzer() {
        // settings are read in init
    }

    @Override
    public AnalyzerInfo info() {
        return INFO;
    }

    @Override
    public void init(AnalyzerOptions options) {
        settings = NoiseSettings.from(options);
    }

    @Override
    public boolean supports(MediaType type) {
        return type.isImage();
    }

    @Override
    public AnalyzerResult analyze(Media media) throws Exception {
        NoiseSettings s = settings;
        FloatPlane luma = Planes.luma(media);
        int b = s.blockSize();
        if ((long) (luma.width() / b) * (luma.height() / b) < MIN_VALID_BLOCKS) {
            return AnalyzerResult.notApplicable("image of " + luma.width() + "x" + luma.height()
                    + " is too small for noise statistics on " + b + "-pixel blocks (needs " + MIN_VALID_BLOCKS
                    + " blocks)");
        }
        NoiseMap map = NoiseMap.compute(luma, b);
        double[] validSigma = NoiseLocalizer.validValues(map.sigma, map.valid);
        if (validSigma.length < MIN_VALID_BLOCKS) {
            return AnalyzerResult.notApplicable("only " + validSigma.length + " blocks are not clipped to black or"
                    + " white; too few for noise statistics");
        }
        NoiseLocalizer.Result loc = NoiseLocalizer.localize(map, s);
        double globalSigma = Stats.median(validSigma);
        double sigmaMad = Stats.mad(validSigma);
        int n = map.sigma.length;

        float[] sig = new float[n];
        float[] absZ = new float[n];
        for (int i = 0; i < n; i++) {
            sig[i] = (float) map.sigma[i];
            absZ[i] = (float) Math.abs(loc.z()[i]);
        }
        BufferedImage base = Planes.toGrayImage(Thumbs.boxDown(luma, Thumbs.factor(luma.width(), luma.height())));
        Artifact heat = Artifacts.png("noise-heatmap", "Estimated noise sigma per " + b + "-pixel block of luma:"
                + " brighter = noisier; textured blocks read higher.", Artifact.Kind.HEATMAP,
                Scaling.resizeNearest(Heatmaps.renderRobust(new FloatPlane(map.bw, map.bh, sig), HEAT_QUANTILE,
                        ColorMap.INFERNO), base.getWidth(), base.getHeight()));
        BufferedImage overlay = Heatmaps.overlay(base, Heatmaps.render(new FloatPlane(map.bw, map.bh, absZ), 0,
                s.fullContrastZ(), ColorMap.INFERNO), OVERLAY_ALPHA);
        if (loc.top() != null) {
            drawBox(overlay, loc.top(), b * (double) base.getWidth() / luma.width());
        }
        Artifact over = Artifacts.jpeg("noise-overlay", "How far each block's texture-normalised noise level is from"
                + " the image's typical level (robust |z|, bright = inconsistent); the box marks the largest"
                + " inconsistent region.", Artifact.Kind.OVERLAY, overlay);

        List<Finding> findings = new ArrayList<>();
        findings.add(Finding.info("noise.level")
                .title(String.format(Locale.ROOT, "Median noise sigma is %.2f grey levels over %d blocks.",
                        globalSigma, validSigma.length))
                .detail("Luma noise standard deviation per " + b + "x" + b + " block, from the diagonal Haar"
                        + " subband (full resolution). Heavily compressed or resized photos read well below 1;"
                        + " sigmaMad is the spread across blocks, outlierBlocks counts blocks whose texture-normalised"
                        + " level is more than " + s.thresholdMads() + " robust standard deviations from the median.")
                .value("blockSize", b)
                .value("globalSigma", globalSigma)
                .value("sigmaMad", sigmaMad)
                .value("validBlocks", validSigma.length)
                .value("outlierBlocks", loc.outliers())
                .artifact(heat).artifact(over)
                .build());
        String headline = "no coherent region of inconsistent noise";
        if (loc.top() != null) {
            BlockRegions.Region r = loc.top();
            double area = (double) r.blocks() / n;
            double ratio = Math.exp(meanRatio(loc, r, map));
            String dir = loc.topHigher() ? "noisier" : "cleaner";
            findings.add(Finding.of("noise.inconsistent-region", Evidence.MANIPULATED, loc.score())
                    .title(String.format(Locale.ROOT, "A region covering %.1f%% of the image is %s than the rest"
                            + " (noise ratio %.2f, mean |z| %.1f).", 100 * area, dir, ratio, Math.abs(r.meanValue())))
                    .detail("The largest connected region of blocks whose noise level, relative to blocks of similar"
                            + " texture, is far from the image's robust distribution. A splice from another camera or"
                            + " a locally blurred/denoised area shows this way; so can strong defocus or mixed"
                            + " lighting, so the score is capped at " + s.scoreCap() + ". noiseRatio is the region's"
                            + " noise relative to what its texture predicts; box is x, y, width, height in pixels.")
                    .value("areaFraction", area)
                    .value("direction", dir)
                    .value("meanAbsZ", Math.abs(r.meanValue()))
                    .value("noiseRatio", ratio)
                    .value("box", List.of(r.x0() * b, r.y0() * b, (r.x1() - r.x0() + 1) * b, (r.y1() - r.y0() + 1) * b))
                    .build());
            headline = String.format(Locale.ROOT, "largest inconsistent region %.1f%% of the image, %s (score %.2f)",
                    100 * area, dir, loc.score());
        }
        return AnalyzerResult.ok(String.format(Locale.ROOT, "Noise level on %d-pixel blocks: median sigma %.2f,"
                + " %d outlier blocks, %s.", b, globalSigma, loc.outliers(), headline), findings);
    }

    /** Mean log ratio over the region's outlier blocks inside its bounding box. */
    private static double meanRatio(NoiseLocalizer.Result loc, BlockRegions.Region r, NoiseMap m) {
        double sum = 0;
        int c = 0;
        boolean up = r.meanValue() > 0;
        for (int y = r.y0(); y <= r.y1(); y++) {
            for (int x = r.x0(); x <= r.x1(); x++) {
                int i = y * m.bw + x;
                double z = loc.z()[i];
                if (m.valid[i] && (up ? z > 0 : z < 0)) {
                    sum += loc.logRatio()[i];
                    c++;
                }
            }
        }
        return c == 0 ? 0 : sum / c;
    }

    private static void drawBox(BufferedImage img, BlockRegions.Region r, double px) {
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.CYAN);
            g.setStroke(new BasicStroke(2f));
            g.drawRect((int) Math.round(r.x0() * px), (int) Math.round(r.y0() * px),
                    (int) Math.round((r.x1() - r.x0() + 1) * px), (int) Math.round((r.y1() - r.y0() + 1) * px));
        } finally {
            g.dispose();
        }
    }
}
