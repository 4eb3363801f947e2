package dev.unmask.detect.analyzer;

import dev.unmask.api.Analyzer;
import dev.unmask.api.AnalyzerInfo;
import dev.unmask.api.AnalyzerOptions;
import dev.unmask.api.AnalyzerResult;
import dev.unmask.api.Evidence;
import dev.unmask.api.Finding;
import dev.unmask.api.Media;
import dev.unmask.api.MediaType;
import dev.unmask.api.detector.Detector;
import dev.unmask.api.detector.DetectorDescriptor;
import dev.unmask.api.detector.InstalledModels;
import dev.unmask.api.detector.DetectorException;
import dev.unmask.api.detector.Detectors;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs learned real-vs-fake detectors (model folders, {@link dev.unmask.api.detector}) as one more analyzer: one
 * finding {@code detector.<model-name>} per model and image, whose score is derived from the model's calibrated
 * probability {@code p} relative to its stored threshold {@code t} (chosen for a false-positive rate,
 * {@code threshold.fpr}) by {@link EvidenceMapping}: no evidence below {@code t/2}, weak evidence (under 0.3) up to
 * the threshold, and 0.5 to 0.95 above it; a model whose card does not declare {@code scope.general=true} is capped
 * at 0.7 (0.85 when {@code p} reaches the option {@code very-high}), because detectors trained on some generators are
 * known to fail on others (Wang et al., CVPR 2020; Ojha et al., CVPR 2023).
 *
 * <p>Options: {@code models}, comma-separated model folders (default: the detector shipped with Unmask, see
 * {@link DefaultDetector}; without one the analyzer is not applicable); {@code very-high}. Models are loaded once in
 * {@link #init}; {@link Detector#probabilityFake} is thread-safe, so {@link #analyze} runs concurrently.
 */
public final class DetectorAnalyzer implements Analyzer {
    private static final AnalyzerInfo INFO = new AnalyzerInfo("detector", "Learned detectors", "1",
            "Runs learned real-vs-fake detector models (NPR, spectral, ONNX, ...) and turns each model's calibrated probability, "
                    + "relative to its threshold, into synthetic evidence.");

    /**
     * The validated settings.
     *
     * @param models the model folders given (empty: the default model, if one is installed)
     * @param mapping how probabilities become evidence scores
     */
    record Settings(List<Path> models, EvidenceMapping mapping) {
        static Settings read(AnalyzerOptions options) {
            String given = options.getString("models", "").trim();
            EvidenceMapping mapping = new EvidenceMapping(options.getDouble("very-high", 0.99, 0.5, 1.0));
            List<Path> folders = new ArrayList<>();
            for (String s : given.split(",")) {
                if (!s.isBlank()) {
                    folders.add(InstalledModels.resolve(s, DetectorAnalyzer.class));
                }
            }
            return new Settings(List.copyOf(folders), mapping);
        }
    }

    private List<Detector> detectors = List.of();
    private EvidenceMapping mapping = new EvidenceMapping(0.99);
    private String notApplicable = "no detector model configured (pass --detector MODEL or --set detector.models=DIR)";

    @Override
    public AnalyzerInfo info() {
        return INFO;
    }

    /**
     * Card key of the default model: {@code false} keeps it out of scans unless named with {@code --detector} (it still
     * serves {@code unmask detector eval} without {@code --model}).
     */
    public static final String SCAN_DEFAULT = "scan.default";

    @Override
    public void init(AnalyzerOptions options) {
        Settings settings = Settings.read(options);
        mapping = settings.mapping();
        List<Path> folders = settings.models();
        if (folders.isEmpty()) {
            Optional<Path> def = DefaultDetector.folder();
            if (def.isEmpty()) {
                return;
            }
            try {
                if ("false".equalsIgnoreCase(DetectorDescriptor.read(def.get()).property(SCAN_DEFAULT, "true"))) {
                    notApplicable = "the default detector is not run in scans unless named (its card says " + SCAN_DEFAULT
                            + "=false: it does not generalise beyond its training fakes, see its MODEL_CARD.md); pass --detector "
                            + def.get() + " to run it";
                    return;
                }
                detectors = List.of(Detectors.open(def.get()));
            } catch (java.io.IOException e) {
                notApplicable = "the default detector could not be loaded: " + e.getMessage();
            } catch (DetectorException e) {
                notApplicable = "the default detector could not be loaded: " + e.getMessage();
            }
            return;
        }
        List<Detector> loaded = new ArrayList<>();
        Set<String> codes = new TreeSet<>();
        try {
            for (Path f : folders) {
                Detector d = Detectors.open(f);
                loaded.add(d);
                if (!codes.add(code(d.descriptor()))) {
                    throw new IllegalArgumentException("option detector.models: two models are named '" + d.descriptor().name()
                            + "'; give each model a distinct name in its " + DetectorDescriptor.FILE_NAME);
                }
            }
        } catch (DetectorException e) {
            loaded.forEach(Detector::close);
            throw new IllegalArgumentException("option detector.models: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            loaded.forEach(Detector::close);
            throw e;
        }
        detectors = List.copyOf(loaded);
    }

    /** The finding code of a model: {@code detector.} and its name in lower case, other characters as '-'. */
    static String code(DetectorDescriptor d) {
        return "detector." + d.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
    }

    @Override
    public boolean supports(MediaType type) {
        return type.isImage();
    }

    @Override
    public AnalyzerResult analyze(Media media) throws Exception {
        if (detectors.isEmpty()) {
            return AnalyzerResult.notApplicable(notApplicable);
        }
        BufferedImage img = media.image();
        List<Finding> findings = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (Detector d : detectors) {
            DetectorDescriptor desc = d.descriptor();
            double p;
            try {
                p = d.probabilityFake(img);
            } catch (DetectorException e) {
                return AnalyzerResult.failed("detector " + desc.name() + " failed: " + e.getMessage());
            }
            if (!(p >= 0 && p <= 1)) {
                return AnalyzerResult.failed("detector " + desc.name() + " returned " + p + ", not a probability");
            }
            findings.add(finding(desc, p));
            parts.add(String.format(Locale.ROOT, "%s %s p=%.3f (threshold %.3f)", desc.name(), desc.version(), p, desc.threshold()));
        }
        return AnalyzerResult.ok("Ran " + detectors.size() + " detector model(s): " + String.join("; ", parts) + ".", findings);
    }

    private Finding finding(DetectorDescriptor d, double p) {
        boolean general = EvidenceMapping.isGeneral(d);
        double score = mapping.score(p, d.threshold(), general);
        String strength = score == 0 ? "no evidence" : score < 0.3 ? "weak evidence" : score < 0.8 ? "moderate evidence" : "strong evidence";
        Finding.Builder b = Finding.of(code(d), Evidence.SYNTHETIC, score)
                .title(String.format(Locale.ROOT, "Detector %s gives probability %.2f that the image is generated (threshold %.2f): %s",
                        d.name(), p, d.threshold(), strength))
                .detail("A learned detector's calibrated probability, read against the threshold stored with the model"
                        + (d.property("threshold.fpr", "").isEmpty() ? "" : " (chosen for a false-positive rate of " + d.property("threshold.fpr", "") + ")")
                        + ". Below half the threshold it is no evidence, below the threshold weak evidence; above it the score "
                        + "rises from 0.5 to 0.95" + (general ? "." : ", capped at 0.7 (0.85 for a probability of at least "
                        + mapping.veryHigh() + ") because the model is not declared to generalise beyond the generators it was trained on.")
                        + (d.scope().isEmpty() ? "" : " Scope: " + d.scope()))
                .value("probability", p)
                .value("threshold", d.threshold())
                .value("model", d.name())
                .value("version", d.version())
                .value("kind", d.kind())
                .value("general", general)
                .value("scope", d.scope());
        String fpr = d.property("threshold.fpr", "");
        if (!fpr.isEmpty()) {
            try {
                b.value("threshold_fpr", Double.parseDouble(fpr));
            } catch (NumberFormatException e) {
                b.value("threshold_fpr", fpr);
            }
        }
        return b.build();
    }

    @Override
    public void close() {
        detectors.forEach(Detector::close);
        detectors = List.of();
    }
}
