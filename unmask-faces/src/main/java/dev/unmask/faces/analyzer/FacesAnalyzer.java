package dev.unmask.faces.analyzer;

import dev.unmask.api.Analyzer;
import dev.unmask.api.AnalyzerInfo;
import dev.unmask.api.AnalyzerOptions;
import dev.unmask.api.AnalyzerResult;
import dev.unmask.api.Artifact;
import dev.unmask.api.Evidence;
import dev.unmask.api.Finding;
import dev.unmask.api.Media;
import dev.unmask.api.MediaType;
import dev.unmask.api.detector.Detector;
import dev.unmask.api.detector.DetectorDescriptor;
import dev.unmask.core.imaging.Artifacts;
import dev.unmask.faces.BlazeFaceModel;
import dev.unmask.faces.Face;
import dev.unmask.faces.FaceAligner;
import dev.unmask.faces.FaceDetections;
import dev.unmask.faces.Landmark;
import dev.unmask.faces.mesonet.MesoNet;
import dev.unmask.faces.signals.FaceSignalChecks;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Face analysis: finds faces with BlazeFace (Bazarevsky et al. 2019), cuts an upright crop of each
 * ({@link FaceAligner}), and runs face-level detectors on the crops: MesoNet Meso-4 and MesoInception-4 (Afchar et
 * al., WIFS 2018) and any learned detector model folders given in {@code faces.detectors}.
 *
 * <p>Findings: one {@code faces.count} summary with the boxes drawn on the image; per face a {@code faces.face}
 * finding (box, detection score, keypoints, the crop the detectors saw) and one finding per face-level detector
 * ({@code faces.meso4}, {@code faces.mesoinception}, {@code faces.detector}) with the probability that the face is
 * fake. A face swap or reenactment manipulates a real picture, so the evidence direction is
 * {@link Evidence#MANIPULATED}. The errors of one detector on the faces of one photo are correlated (same camera,
 * same compression), and so are those of the MesoNet variants: only the single most suspicious MesoNet finding
 * (face and model) carries evidence, capped at {@code faces.meso-score-cap}, and per learned detector only its most
 * suspicious face; the other findings report their probability with score 0. An image without a face is not
 * applicable, with the number of rejected candidates in the reason.
 *
 * <p>Per face, a {@code faces.signals} finding compares the face region with the rest of the picture in the signal
 * checks of {@code faces.signals} (noise level, error level, JPEG double compression and block grid, at native
 * resolution: {@link dev.unmask.faces.signals.FaceSignalChecks}); only the most suspicious face carries that evidence,
 * capped at {@code faces.signal-score-cap}.
 */
public final class FacesAnalyzer implements Analyzer {
    /** Analyzer id. */
    public static final String ID = "faces";
    /** Side of the aligned crops given to MesoNet and kept in the report. */
    static final int CROP_SIZE = 256;
    /** Fake probability at which a face-level finding starts to carry evidence. */
    static final double EVIDENCE_FROM = 0.5;
    /** Evidence score of a learned detector exactly at its calibrated threshold. */
    static final double DETECTOR_AT_THRESHOLD = 0.5;
    /** Evidence score of a learned detector at probability 1. */
    static final double DETECTOR_MAX = 0.9;

    private static final AnalyzerInfo INFO = new AnalyzerInfo(ID, "Face analysis", "1.1",
            "Finds faces with BlazeFace (Bazarevsky et al. 2019), scores each upright face crop with MesoNet"
                    + " (Afchar et al. 2018) and any learned face detectors given, and compares each face region with"
                    + " the rest of the picture in noise, error level and JPEG history.");

    private volatile FacesSettings settings = FacesSettings.DEFAULTS;
    private volatile FaceModels models;

    /** Creates the analyzer; models load in {@link #init}. */
    public FacesAnalyzer() {
        // models are loaded in init
    }

    @Override
    public AnalyzerInfo info() {
        return INFO;
    }

    @Override
    public void init(AnalyzerOptions options) {
        FacesSettings s = FacesSettings.from(options);
        FaceModels old = models;
        models = FaceModels.load(s);
        settings = s;
        if (old != null) {
            old.close();
        }
    }

    @Override
    public boolean supports(MediaType type) {
        return type.isImage();
    }

    @Override
    public AnalyzerResult analyze(Media media) throws Exception {
        if (!supports(media.type())) {
            return AnalyzerResult.notApplicable("face analysis needs a still image; this is " + media.type().id());
        }
        FacesSettings s = settings;
        FaceModels m = models;
        if (m == null) {
            throw new IllegalStateException("faces analyzer used before init");
        }
        BufferedImage img = media.image();
        if (Math.min(img.getWidth(), img.getHeight()) < s.minFaceSize()) {
            return AnalyzerResult.notApplicable(String.format(Locale.ROOT, "no face found: the image (%dx%d) is"
                    + " smaller than the minimum face size of %d px", img.getWidth(), img.getHeight(),
                    s.minFaceSize()));
        }
        FaceDetections d = m.detector.detectAll(img);
        if (d.faces().isEmpty()) {
            return AnalyzerResult.notApplicable(noFaceReason(d, s));
        }
        List<Face> faces = d.faces();
        List<List<Double>> perScorer = new ArrayList<>();
        List<BufferedImage> crops = new ArrayList<>();
        for (Face f : faces) {
            crops.add(FaceAligner.crop(img, f, CROP_SIZE, s.margin()));
        }
        for (MesoNet net : m.scorers) {
            List<Double> p = new ArrayList<>();
            for (BufferedImage crop : crops) {
                p.add(net.probabilityFake(crop));
            }
            perScorer.add(p);
        }
        List<List<Double>> perDetector = new ArrayList<>();
        for (Detector det : m.cropDetectors) {
            int size = det.descriptor().intProperty("input.size", CROP_SIZE);
            List<Double> p = new ArrayList<>();
            for (int i = 0; i < faces.size(); i++) {
                BufferedImage crop = size == CROP_SIZE ? crops.get(i) : FaceAligner.crop(img, faces.get(i), size,
                        s.margin());
                p.add(det.probabilityFake(crop));
            }
            perDetector.add(p);
        }

        double[] worst = new double[faces.size()];
        java.util.Arrays.fill(worst, Double.NaN);
        for (List<Double> ps : perScorer) {
            for (int i = 0; i < ps.size(); i++) {
                worst[i] = Double.isNaN(worst[i]) ? ps.get(i) : Math.max(worst[i], ps.get(i));
            }
        }
        FaceSignalChecks.Report signals = s.signals().isEmpty() ? null : FaceSignalChecks.run(media,
                faces.stream().map(Face::box).toList(), s.signals(), s.margin(), s.signalScoring());
        List<Finding> findings = new ArrayList<>();
        findings.add(countFinding(img, d, s, worst, signals == null ? List.of() : signals.pictures()));
        for (int i = 0; i < faces.size(); i++) {
            findings.add(faceFinding(i, faces.get(i), crops.get(i)));
        }
        int[] carrier = mostSuspicious(perScorer);
        for (int k = 0; k < m.scorers.size(); k++) {
            int carrierFace = k == carrier[0] ? carrier[1] : -1;
            findings.addAll(mesoFindings(m.scorers.get(k), faces, perScorer.get(k), s, carrierFace));
        }
        for (int k = 0; k < m.cropDetectors.size(); k++) {
            findings.addAll(detectorFindings(m.cropDetectors.get(k).descriptor(), faces, perDetector.get(k)));
        }
        if (signals != null) {
            findings.addAll(SignalFindings.of(faces, signals, s));
        }
        return AnalyzerResult.ok(summary(faces, m, perScorer, signals), findings);
    }

    static String noFaceReason(FaceDetections d, FacesSettings s) {
        long below = d.rejected().stream().filter(f -> f.score() < s.scoreThreshold()).count();
        long small = d.rejected().size() - below;
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "no face found (%d candidate%s below score"
                + " threshold %.2f", below, below == 1 ? "" : "s", s.scoreThreshold()));
        if (below > 0) {
            sb.append(String.format(Locale.ROOT, ", best %.2f", d.rejected().stream()
                    .filter(f -> f.score() < s.scoreThreshold()).mapToDouble(Face::score).max().orElse(0)));
        }
        if (small > 0) {
            sb.append(String.format(Locale.ROOT, "; %d smaller than %d px", small, s.minFaceSize()));
        }
        return sb.append(')').toString();
    }

    private static Finding countFinding(BufferedImage img, FaceDetections d, FacesSettings s, double[] worst,
            List<Artifact> signalPictures) {
        List<Face> faces = d.faces();
        List<Object> boxes = new ArrayList<>();
        faces.forEach(f -> boxes.add(f.box().rounded()));
        Artifact overlay = Artifacts.jpeg("faces-overlay", "Faces found, numbered as in the findings; the label is the"
                + " highest face-level fake probability (green < 0.5, amber < 0.8, red above); dots mark the eyes.",
                Artifact.Kind.OVERLAY, FaceOverlay.draw(img, faces, worst));
        Finding.Builder b = Finding.info("faces.count")
                .title(faces.size() == 1 ? "1 face found." : faces.size() + " faces found.")
                .detail(String.format(Locale.ROOT, "BlazeFace (%s model, %d region%s searched) found %d face%s scoring"
                                + " at least %.2f and at least %d px; %d weaker candidate%s rejected. boxes are x, y,"
                                + " width, height in pixels.", s.model() == BlazeFaceModel.BACK_256
                                ? "256 px back" : "128 px front", d.regions(), d.regions() == 1 ? "" : "s",
                        faces.size(), faces.size() == 1 ? "" : "s", s.scoreThreshold(), s.minFaceSize(),
                        d.rejected().size(), d.rejected().size() == 1 ? "" : "s"))
                .value("count", faces.size())
                .value("boxes", boxes)
                .value("rejectedCandidates", d.rejected().size())
                .value("regions", d.regions())
                .artifact(overlay);
        signalPictures.forEach(b::artifact);
        return b.build();
    }

    private static Finding faceFinding(int i, Face f, BufferedImage crop) {
        Map<String, Object> kp = new LinkedHashMap<>();
        for (Landmark l : Landmark.values()) {
            Face.Point p = f.keypoint(l);
            kp.put(l.name().toLowerCase(Locale.ROOT), List.of(round1(p.x()), round1(p.y())));
        }
        return Finding.info("faces.face")
                .title(String.format(Locale.ROOT, "Face %d at (%d, %d), %dx%d px, detection score %.2f.", i + 1,
                        Math.round(f.box().x()), Math.round(f.box().y()), Math.round(f.box().width()),
                        Math.round(f.box().height()), f.score()))
                .detail("The face box, the detector's confidence and the six keypoints (image pixels); the picture is"
                        + " the upright crop the face-level detectors saw (eye line rotated horizontal).")
                .value("face", i + 1)
                .value("box", f.box().rounded())
                .value("detectionScore", f.score())
                .value("eyeLineDegrees", round1(Math.toDegrees(f.eyeLineAngle())))
                .value("keypoints", kp)
                .artifact(Artifacts.jpeg("face-" + (i + 1) + "-crop", "Face " + (i + 1)
                        + ": the aligned crop given to the face-level detectors.", Artifact.Kind.IMAGE, crop))
                .build();
    }

    /** The (scorer, face) pair with the highest fake probability, or {-1, -1} when no scorer ran. */
    static int[] mostSuspicious(List<List<Double>> perScorer) {
        int[] best = {-1, -1};
        double bestP = -1;
        for (int k = 0; k < perScorer.size(); k++) {
            for (int i = 0; i < perScorer.get(k).size(); i++) {
                if (perScorer.get(k).get(i) > bestP) {
                    bestP = perScorer.get(k).get(i);
                    best = new int[] {k, i};
                }
            }
        }
        return best;
    }

    /**
     * @param carrier the face whose finding carries this scorer's evidence, or -1 when another scorer's finding
     *     carries it
     */
    private static List<Finding> mesoFindings(MesoNet net, List<Face> faces, List<Double> p, FacesSettings s,
            int carrier) {
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < faces.size(); i++) {
            double prob = p.get(i);
            double score = i == carrier ? s.mesoScoreCap() * clamp01((prob - EVIDENCE_FROM) / (1 - EVIDENCE_FROM))
                    : 0;
            out.add(Finding.of("faces." + net.id(), Evidence.MANIPULATED, score)
                    .title(String.format(Locale.ROOT, "Face %d: %s gives a fake probability of %.2f.", i + 1,
                            net.name(), prob))
                    .detail(String.format(Locale.ROOT, "MesoNet (Afchar et al., WIFS 2018) looks at mesoscopic face"
                            + " texture in a 256x256 crop; it was trained in 2018 on compressed face-swap (Deepfake) or"
                            + " Face2Face video frames and is weak on today's fakes, on still photos and on faces with"
                            + " heavy make-up, blur or unusual light (on Unmask's real test photos it gives some"
                            + " faces a fake probability near 1), so its evidence is capped at %.2f, which alone can"
                            + " never reach a verdict, and starts only above a fake probability of %.2f. Its errors"
                            + " on the faces of one photo, and those of the MesoNet variants, go together, so only the"
                            + " single"
                            + " most suspicious face and model %s carries evidence; the other findings report their"
                            + " probability with score 0. probabilityFake is 1 minus the network's output (1 = real).",
                            s.mesoScoreCap(), EVIDENCE_FROM, carrier >= 0
                                    ? "(this finding's model, face " + (carrier + 1) + ")"
                                    : "(another model's finding)"))
                    .value("face", i + 1)
                    .value("box", faces.get(i).box().rounded())
                    .value("probabilityFake", prob)
                    .value("model", net.name())
                    .build());
        }
        return out;
    }

    private static List<Finding> detectorFindings(DetectorDescriptor desc, List<Face> faces, List<Double> p) {
        int top = argMax(p);
        Evidence dir = "synthetic".equalsIgnoreCase(desc.property("evidence", "manipulated")) ? Evidence.SYNTHETIC
                : Evidence.MANIPULATED;
        double t = desc.threshold();
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < faces.size(); i++) {
            double prob = p.get(i);
            double score = i != top || prob < t ? 0
                    : DETECTOR_AT_THRESHOLD + (DETECTOR_MAX - DETECTOR_AT_THRESHOLD) * clamp01((prob - t) / (1 - t));
            out.add(Finding.of("faces.detector", dir, score)
                    .title(String.format(Locale.ROOT, "Face %d: detector %s %s gives a fake probability of %.2f"
                            + " (threshold %.2f).", i + 1, desc.name(), desc.version(), prob, t))
                    .detail("A learned detector model run on the aligned face crop. At its calibrated threshold the"
                            + " evidence score is " + DETECTOR_AT_THRESHOLD + ", rising to " + DETECTOR_MAX + " at"
                            + " probability 1; below the threshold it is 0. Only the most suspicious face carries"
                            + " evidence. " + (desc.scope().isEmpty() ? "" : "Scope: " + desc.scope()))
                    .value("face", i + 1)
                    .value("box", faces.get(i).box().rounded())
                    .value("probabilityFake", prob)
                    .value("detector", desc.name())
                    .value("version", desc.version())
                    .value("threshold", t)
                    .build());
        }
        return out;
    }

    private static String summary(List<Face> faces, FaceModels m, List<List<Double>> perScorer,
            FaceSignalChecks.Report signals) {
        StringBuilder sb = new StringBuilder(faces.size() == 1 ? "1 face found" : faces.size() + " faces found");
        for (int k = 0; k < m.scorers.size(); k++) {
            List<Double> p = perScorer.get(k);
            int top = argMax(p);
            sb.append(String.format(Locale.ROOT, "; %s highest fake probability %.2f (face %d)", m.scorers.get(k).id(),
                    p.get(top), top + 1));
        }
        if (!m.cropDetectors.isEmpty()) {
            sb.append("; ").append(m.cropDetectors.size()).append(" learned detector(s) run on the crops");
        }
        if (signals != null) {
            int top = SignalFindings.mostSuspicious(signals);
            sb.append(top < 0 ? "; no face region stands out from the rest of the picture"
                    : "; face " + (top + 1) + " stands out from the rest of the picture ("
                            + signals.perFace().get(top).stream().filter(o -> o.score() > 0)
                                    .map(o -> o.headline()).collect(java.util.stream.Collectors.joining("; ")) + ")");
        }
        return sb.append('.').toString();
    }

    private static int argMax(List<Double> p) {
        int best = 0;
        for (int i = 1; i < p.size(); i++) {
            if (p.get(i) > p.get(best)) {
                best = i;
            }
        }
        return best;
    }

    private static double clamp01(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    @Override
    public void close() {
        FaceModels m = models;
        models = null;
        if (m != null) {
            m.close();
        }
    }
}
