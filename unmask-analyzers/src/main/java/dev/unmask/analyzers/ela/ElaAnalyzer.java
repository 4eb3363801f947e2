package dev.unmask.analyzers.ela;

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
 * Error level analysis (ELA; N. Krawetz, "A Picture's Worth: Digital Image Analysis and Forensics", Black Hat
 * 2007), with texture normalisation and region localisation.
 *
 * <p>The image's luma is re-saved as JPEG at a known quality ({@code ela.quality}, default 90) and the absolute
 * difference is averaged over the 8&times;8 JPEG blocks ({@link ErrorLevelMap}). Parts of a JPEG that share one compression
 * history re-compress with similar error at equal texture; a region pasted from an image with a different
 * history (another quality, a misaligned block grid, or no compression) stands out. Each block's error is
 * divided by the image's own typical error at that block's texture, and connected regions far above the
 * image's robust baseline are reported ({@link ElaLocalizer}).
 *
 * <p><b>JPEG only.</b> ELA is meaningful only for a JPEG source: a lossless image (PNG, TIFF, ...) was never
 * quantised on the JPEG grid, so every region re-compresses with large error and the map shows only texture.
 * {@link #supports} therefore accepts JPEG alone, and {@link #analyze} returns not-applicable with that reason
 * for anything else.
 */
public final class ElaAnalyzer implements Analyzer {
    /** Analyzer id. */
    public static final String ID = "ela";
    /** Fewest whole 8&times;8 blocks (a 64&times;64 image) for the block statistics to mean anything. */
    static final int MIN_BLOCKS = 64;
    /** Heatmap colour range upper quantile. */
    static final double HEAT_QUANTILE = 0.995;
    /** Opacity of the heatmap in the overlay. */
    static final double OVERLAY_ALPHA = 0.6;

    private static final AnalyzerInfo INFO = new AnalyzerInfo(ID, "Error level analysis", "1.0",
            "Re-saves a JPEG at a known quality and looks for regions whose re-compression error is much higher "
                    + "than the rest of the image at equal texture (Krawetz 2007).");

    private volatile ElaSettings settings = ElaSettings.DEFAULTS;

    /** Creates the analyzer with default settings. */
    public ElaAnalyzer() {
        // settings are read in init
    }

    @Override
    public AnalyzerInfo info() {
        return INFO;
    }

    @Override
    public void init(AnalyzerOptions options) {
        settings = ElaSettings.from(options);
    }

    @Override
    public boolean supports(MediaType type) {
        return MediaType.JPEG.equals(type);
    }

    @Override
    public AnalyzerResult analyze(Media media) throws Exception {
        if (!supports(media.type())) {
            return AnalyzerResult.notApplicable("error level analysis needs a JPEG source; a " + media.type().id()
                    + " image was never JPEG-compressed, so it re-compresses with large error everywhere");
        }
        ElaSettings s = settings;
        FloatPlane luma = Planes.luma(media);
        int w = luma.width();
        int h = luma.height();
        if ((long) (w / ErrorLevelMap.BLOCK) * (h / ErrorLevelMap.BLOCK) < MIN_BLOCKS) {
            return AnalyzerResult.notApplicable("image of " + w + "x" + h + " is too small for error level analysis"
                    + " (needs at least " + MIN_BLOCKS + " whole 8x8 blocks)");
        }
        int k = Thumbs.factor(w, h);
        ErrorLevelMap map = ErrorLevelMap.compute(luma, s.quality(), k);
        ElaLocalizer.Result loc = ElaLocalizer.localize(map, s);
        double medianBlock = Stats.median(map.error);
        int n = map.error.length;

        BufferedImage base = Planes.toGrayImage(Thumbs.boxDown(luma, k));
        FloatPlane errPlane = new FloatPlane(map.bw, map.bh, toFloat(map.error));
        Artifact heat = Artifacts.png("ela-heatmap", "Mean luma re-compression error per 8x8 block at quality "
                + s.quality() + ": brighter = more error; compare regions of similar texture.", Artifact.Kind.HEATMAP,
                Scaling.resizeNearest(Heatmaps.renderRobust(errPlane, HEAT_QUANTILE, ColorMap.INFERNO),
                        base.getWidth(), base.getHeight()));
        float[] excess = new float[n];
        for (int i = 0; i < n; i++) {
            excess[i] = (float) Math.max(0, loc.logRatio()[i]);
        }
        BufferedImage overlay = Heatmaps.overlay(base,
                Heatmaps.renderRobust(new FloatPlane(map.bw, map.bh, excess), HEAT_QUANTILE, ColorMap.INFERNO),
                OVERLAY_ALPHA);
        drawRegions(overlay, loc.regions(), (double) base.getWidth() / w);
        Artifact over = Artifacts.jpeg("ela-overlay", "Error above what the block's texture predicts, over the image;"
                + " boxes mark significant high-error regions.", Artifact.Kind.OVERLAY, overlay);
        float[] amp = map.errorThumb.data().clone();
        for (int i = 0; i < amp.length; i++) {
            amp[i] *= (float) s.amplify();
        }
        Artifact ampArt = Artifacts.png("ela-amplified", String.format(Locale.ROOT,
                "Raw ELA: absolute luma difference to the quality-%d re-save, amplified %.0fx%s.", s.quality(),
                s.amplify(), k > 1 ? " (averaged over " + k + "x" + k + " pixels)" : ""), Artifact.Kind.IMAGE,
                Planes.toGrayImage(new FloatPlane(map.errorThumb.width(), map.errorThumb.height(), amp)));

        List<Finding> findings = new ArrayList<>();
        findings.add(Finding.info("ela.error-level")
                .title(String.format(Locale.ROOT, "Mean re-compression error at quality %d is %.2f grey levels.",
                        s.quality(), map.meanError))
                .detail("Mean absolute luma difference between the image and its JPEG re-save, over whole 8x8 blocks."
                        + " Low values mean the image was last saved at a similar or lower quality; the level by itself"
                        + " says nothing about manipulation. localizedFraction is the share of the image inside"
                        + " connected regions whose error exceeds the texture-expected level by the robust threshold.")
                .value("quality", s.quality())
                .value("meanErrorLevel", map.meanError)
                .value("medianBlockError", medianBlock)
                .value("highBlocks", loc.highBlocks())
                .value("localizedFraction", loc.localizedFraction())
                .value("regions", loc.regions().size())
                .artifact(heat).artifact(over).artifact(ampArt)
                .build());
        String headline;
        if (!loc.regions().isEmpty()) {
            BlockRegions.Region top = loc.regions().get(0);
            double area = (double) top.blocks() / n;
            double ratio = Math.exp(top.meanValue());
            double rawContrast = regionMeanError(map, loc, top) / Math.max(medianBlock, 1e-3);
            int b = ErrorLevelMap.BLOCK;
            findings.add(Finding.of("ela.high-error-region", Evidence.MANIPULATED, loc.score())
                    .title(String.format(Locale.ROOT, "A region covering %.1f%% of the image re-compresses with %.1fx"
                            + " the error expected for its texture.", 100 * area, ratio))
                    .detail("The largest connected region of 8x8 blocks whose error, relative to blocks of similar"
                            + " texture, is far above the image's robust baseline (median + k MAD). A pasted region"
                            + " with another compression history shows this way, but so can recoloured or sharpened"
                            + " areas and synthetic overlays; ELA is a weak cue, so the score is capped at "
                            + s.scoreCap() + ". box is x, y, width, height in pixels.")
                    .value("areaFraction", area)
                    .value("textureNormalizedRatio", ratio)
                    .value("rawContrast", rawContrast)
                    .value("box", List.of(top.x0() * b, top.y0() * b, (top.x1() - top.x0() + 1) * b,
                            (top.y1() - top.y0() + 1) * b))
                    .build());
            headline = String.format(Locale.ROOT, "largest high-error region %.1f%% of the image at %.1fx the"
                    + " texture-expected error (score %.2f)", 100 * area, ratio, loc.score());
        } else {
            headline = "no localised high-error region";
        }
        return AnalyzerResult.ok(String.format(Locale.ROOT, "Error level analysis at JPEG quality %d: mean error %.2f"
                + " grey levels, %s.", s.quality(), map.meanError, headline), findings);
    }

    private static double regionMeanError(ErrorLevelMap m, ElaLocalizer.Result loc, BlockRegions.Region r) {
        // mean raw error over the region's high blocks inside its bounding box
        double sum = 0;
        int c = 0;
        for (int y = r.y0(); y <= r.y1(); y++) {
            for (int x = r.x0(); x <= r.x1(); x++) {
                int i = y * m.bw + x;
                if (loc.logRatio()[i] > 0) {
                    sum += m.error[i];
                    c++;
                }
            }
        }
        return c == 0 ? 0 : sum / c;
    }

    private static void drawRegions(BufferedImage img, List<BlockRegions.Region> regions, double scale) {
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.CYAN);
            g.setStroke(new BasicStroke(2f));
            double b = ErrorLevelMap.BLOCK * scale;
            for (BlockRegions.Region r : regions) {
                g.drawRect((int) Math.round(r.x0() * b), (int) Math.round(r.y0() * b),
                        (int) Math.round((r.x1() - r.x0() + 1) * b), (int) Math.round((r.y1() - r.y0() + 1) * b));
            }
        } finally {
            g.dispose();
        }
    }

    private static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }
}
