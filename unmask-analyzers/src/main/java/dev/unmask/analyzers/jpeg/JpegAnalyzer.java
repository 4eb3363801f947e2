package dev.unmask.analyzers.jpeg;

import dev.unmask.api.Analyzer;
import dev.unmask.api.AnalyzerInfo;
import dev.unmask.api.AnalyzerOptions;
import dev.unmask.api.AnalyzerResult;
import dev.unmask.api.Artifact;
import dev.unmask.api.Evidence;
import dev.unmask.api.Finding;
import dev.unmask.api.Media;
import dev.unmask.api.MediaException;
import dev.unmask.api.MediaType;
import dev.unmask.core.imaging.Artifacts;
import dev.unmask.core.imaging.ColorMap;
import dev.unmask.core.imaging.FloatPlane;
import dev.unmask.core.imaging.Heatmaps;
import dev.unmask.core.imaging.Planes;
import dev.unmask.core.imaging.Scaling;
import dev.unmask.core.imaging.Stats;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JPEG compression traces: the marker segments (ITU-T T.81), the IJG quality of the quantization tables, and
 * aligned double compression detected from periodic artefacts in the DCT coefficient histograms (Popescu &amp;
 * Farid 2004; Fan &amp; de Queiroz 2003), with a block-grained map of singly compressed regions that reveals a
 * region pasted into a re-saved JPEG (Lin et al. 2009; Bianchi &amp; Piva 2012). Only JPEG files are supported.
 */
public final class JpegAnalyzer implements Analyzer {
    /** Analyzer id, prefix of finding codes and options. */
    public static final String ID = "jpeg";
    /** Opacity of the block map over the image. */
    private static final double OVERLAY_ALPHA = 0.6;

    private JpegSettings settings = JpegSettings.DEFAULTS;

    /** Creates the analyzer with default settings. */
    public JpegAnalyzer() {
        // settings come from init
    }

    @Override
    public AnalyzerInfo info() {
        return new AnalyzerInfo(ID, "JPEG compression traces", "1.0",
                "Reads JPEG structure and quantization tables (IJG quality), detects aligned double compression "
                        + "from periodic DCT histograms (Popescu & Farid 2004) and maps singly compressed regions "
                        + "(Bianchi & Piva 2012).");
    }

    @Override
    public void init(AnalyzerOptions options) {
        settings = JpegSettings.from(options);
    }

    @Override
    public boolean supports(MediaType type) {
        return MediaType.JPEG.equals(type);
    }

    @Override
    public AnalyzerResult analyze(Media media) throws Exception {
        if (!supports(media.type())) {
            return AnalyzerResult.notApplicable("not a JPEG file (" + media.type().id() + ")");
        }
        JpegSettings s = settings;
        JpegStructure st = JpegParser.parse(media.bytes());
        if (st == null) {
            return AnalyzerResult.notApplicable("no JPEG start-of-image marker");
        }
        List<Finding> findings = new ArrayList<>(StructureFindings.structure(st));
        Finding quality = StructureFindings.quality(st);
        if (quality != null) {
            findings.add(quality);
        }
        StringBuilder summary = new StringBuilder("JPEG ").append(st.frameType() == null ? "(no frame)" : st.frameType())
                .append(' ').append(st.subsampling());
        if (quality != null) {
            summary.append(", ").append(Boolean.TRUE.equals(quality.values().get("standard")) ? "standard" : "custom")
                    .append(" tables ~IJG quality ").append(quality.values().get("lumaQuality"));
        }
        String skip = whyNoHistograms(st, media);
        Map<String, double[]> features = new LinkedHashMap<>();
        if (skip != null) {
            summary.append("; double-compression test skipped: ").append(skip);
            return AnalyzerResult.ok(summary.toString(), findings);
        }
        FloatPlane luma = Planes.luma(media);
        DoubleCompressionAnalysis.Result dq = DoubleCompressionAnalysis.run(luma, st.lumaTable(), s);
        features.put("jpeg.dq-gains", dq.gains().clone());
        summary.append(String.format(java.util.Locale.ROOT, "; double-compression gain %.3f nats/coefficient",
                dq.statistic()));
        if (dq.statistic() < s.dqThreshold()) {
            findings.add(Finding.info("jpeg.double-compression")
                    .title("No sign of aligned double JPEG compression")
                    .detail(dqDetail(s))
                    .value("gain", StructureFindings.round(dq.statistic()))
                    .value("threshold", s.dqThreshold())
                    .build());
            summary.append(" (no sign of double compression)");
            return AnalyzerResult.ok(summary.toString(), findings, features);
        }
        SpliceLocalizer.Outcome loc = SpliceLocalizer.locate(dq.llr(), dq.blocksX(), dq.blocksY(), s);
        Artifact map = mapArtifact(media.image(), loc, luma);
        findings.add(doubleFinding(dq, s, map));
        summary.append(dq.primaryQuality() > 0 ? " (double compression, first at ~IJG quality " + dq.primaryQuality() + ")"
                : " (double compression)");
        if (loc.region() != null && dq.usedFrequencies() > 0) {
            findings.add(spliceFinding(loc, s));
            SpliceLocalizer.Region r = loc.region();
            summary.append("; singly compressed region at ").append(r.x()).append(',').append(r.y()).append(' ')
                    .append(r.width()).append('x').append(r.height());
        }
        return AnalyzerResult.ok(summary.toString(), findings, features);
    }

    /** Why the histogram analysis cannot run, or null when it can. */
    private String whyNoHistograms(JpegStructure st, Media media) {
        String noDct = st.whyNoDctCoefficients();
        if (noDct != null) {
            return noDct;
        }
        if ((long) (st.width() / 8) * (st.height() / 8) < settings.minBlocks()) {
            return "fewer than " + settings.minBlocks() + " whole 8x8 blocks";
        }
        try {
            BufferedImage img = media.image();
            if (img.getWidth() != st.width() || img.getHeight() != st.height()) {
                return "decoded size differs from the frame header";
            }
        } catch (MediaException e) {
            return "the image could not be decoded (" + e.getMessage() + ")";
        }
        return null;
    }

    private static String dqDetail(JpegSettings s) {
        return "The 8x8 DCT of the decoded luma on the JPEG grid is divided by the file's quantization steps; the "
                + "histograms of the first " + s.coefficients() + " AC frequencies (zig-zag order) are compared with "
                + "the histograms expected for single compression (from the same picture on a grid shifted by 4 "
                + "pixels) and for double compression with every candidate first step. 'gain' is the mean "
                + "log-likelihood advantage of double compression, in nats per non-zero coefficient: singly "
                + "compressed photos measure below about 0.03; values above " + s.dqThreshold() + " show the "
                + "periodic peaks and gaps of re-quantization. Re-compression at a lower quality than the first "
                + "and re-compression on a shifted grid (cropping) leave little trace and are not detected.";
    }

    private static Finding doubleFinding(DoubleCompressionAnalysis.Result dq, JpegSettings s, Artifact map) {
        double strength = Stats.clamp01((dq.statistic() - s.dqThreshold()) / (4 * s.dqThreshold()));
        double score = s.maxDoubleScore() * (0.5 + 0.5 * strength);
        Finding.Builder b = Finding.of("jpeg.double-compression", Evidence.MANIPULATED, score)
                .title(dq.primaryQuality() > 0
                        ? "Compressed twice on the same grid; first compression near IJG quality " + dq.primaryQuality()
                        : "Compressed twice on the same grid")
                .detail(dqDetail(s) + " Double compression means the picture was decoded and saved again as JPEG; "
                        + "that is weak evidence of editing on its own (images are often re-saved innocently, by "
                        + "messengers, web sites and viewers), so the score is capped at " + s.maxDoubleScore()
                        + ". q1 holds the estimated first quantization steps and q2 the current ones, per frequency "
                        + "in zig-zag order from position 1; primaryQualityMin/Max bound the IJG qualities whose "
                        + "tables explain the histograms equally well.")
                .value("gain", StructureFindings.round(dq.statistic()))
                .value("threshold", s.dqThreshold());
        if (dq.primaryQuality() > 0) {
            b.value("primaryQuality", dq.primaryQuality())
                    .value("primaryQualityMin", dq.primaryMin())
                    .value("primaryQualityMax", dq.primaryMax());
        }
        b.value("q1", dq.q1().clone()).value("q2", dq.q2().clone());
        if (map != null) {
            b.artifact(map);
        }
        return b.build();
    }

    private static Finding spliceFinding(SpliceLocalizer.Outcome loc, JpegSettings s) {
        SpliceLocalizer.Region r = loc.region();
        double score = Math.min(s.maxSpliceScore(), 0.5 + (s.maxSpliceScore() - 0.5) * Stats.clamp01(r.fill()));
        return Finding.of("jpeg.splice", Evidence.MANIPULATED, score)
                .title("A " + r.width() + "x" + r.height() + " region at (" + r.x() + ", " + r.y()
                        + ") was compressed only once inside a doubly compressed image")
                .detail("Per 8x8 block, the likelihood of the block's coefficients under single versus double "
                        + "compression (Bianchi & Piva 2012), summed over neighbouring blocks, marks blocks whose "
                        + "histograms lack the re-quantization pattern of the rest. A coherent such region typically "
                        + "is content pasted in before the last save (a splice), or a part painted over. Flat areas "
                        + "have few non-zero coefficients, carry little information and show mid-scale; the summing "
                        + "over neighbours can spread a region into adjoining flat areas. fraction is the region's share of the "
                        + "image, fill the share of its bounding box it covers; see the jpeg-dq-map picture.")
                .value("x", r.x())
                .value("y", r.y())
                .value("width", r.width())
                .value("height", r.height())
                .value("fraction", StructureFindings.round(r.fraction()))
                .value("fill", StructureFindings.round(r.fill()))
                .value("flaggedFraction", StructureFindings.round(loc.flaggedFraction()))
                .build();
    }

    private static Artifact mapArtifact(BufferedImage image, SpliceLocalizer.Outcome loc, FloatPlane luma) {
        FloatPlane p = loc.probability();
        // pad to the image's block count so partial edge blocks line up (they carry no data: shown as 0)
        int bw = (luma.width() + 7) / 8;
        int bh = (luma.height() + 7) / 8;
        FloatPlane padded = FloatPlane.zeros(bw, bh);
        for (int y = 0; y < p.height(); y++) {
            for (int x = 0; x < p.width(); x++) {
                padded.set(x, y, p.get(x, y));
            }
        }
        BufferedImage base = Scaling.fitWithin(image, Artifacts.MAX_SIDE);
        BufferedImage heat = Heatmaps.render(padded, 0, 1, ColorMap.INFERNO);
        BufferedImage over = Heatmaps.overlay(base, heat, OVERLAY_ALPHA);
        return Artifacts.jpeg("jpeg-dq-map", "Probability that each 8x8 block was compressed only once "
                + "(bright = single, dark = double); a bright coherent patch in a dark image suggests a splice.",
                Artifact.Kind.HEATMAP, over);
    }
}
