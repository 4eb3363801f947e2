package dev.unmask.faces.analyzer;

import dev.unmask.api.AnalyzerOptions;
import dev.unmask.api.detector.InstalledModels;
import dev.unmask.faces.BlazeFaceModel;
import dev.unmask.faces.FaceDetectorSettings;
import dev.unmask.faces.signals.FaceSignal;
import dev.unmask.faces.signals.SignalScoring;
import dev.unmask.faces.mesonet.MesoNet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Validated settings of {@link FacesAnalyzer}, read from options {@code faces.<key>}.
 *
 * @param scoreThreshold BlazeFace score at or above which a candidate is a face
 * @param minFaceSize faces whose shorter box side is below this many pixels are ignored: face-level detectors need
 *     resolution (MesoNet sees 256 pixels), and upscaled faces tell them nothing
 * @param margin context around the face box in the crops (see {@code FaceAligner})
 * @param scorers MesoNet weights to run on each face, in order (empty: detection only)
 * @param maxFaces at most this many faces are analysed, largest detection scores first
 * @param model the BlazeFace model
 * @param tiling whether large images are also searched tile by tile
 * @param detectors learned detector model folders to run on each aligned face crop
 * @param mesoScoreCap largest evidence score the (single) evidence-carrying MesoNet finding can have: 0.4, a
 *     weak cue that alone stays far below the fusion's decision threshold (0.2 after the default weight 0.5);
 *     MesoNet gives fake probabilities near 1 to some faces in the real test photos
 * @param signals signal checks run on each face region against the rest of the image ({@link FaceSignal})
 * @param signalMinZ robust z-score against the background's face-sized windows from which a signal check scores
 * @param signalScoreCap score of a signal check at twice {@code signalMinZ} and above: 0.3, a weak cue (make-up,
 *     skin smoothing and faces on screens also stand out), 0.24 after the fusion weight 0.8
 */
public record FacesSettings(double scoreThreshold, int minFaceSize, double margin, List<MesoNet.Weights> scorers,
                            int maxFaces, BlazeFaceModel model, boolean tiling, List<Path> detectors,
                            double mesoScoreCap, List<FaceSignal> signals, double signalMinZ,
                            double signalScoreCap) {
    /** Defaults; the detector figures behind them are in the README ("Faces"). */
    public static final FacesSettings DEFAULTS = new FacesSettings(FaceDetectorSettings.DEFAULTS.scoreThreshold(), 40,
            0.3, List.of(MesoNet.Weights.MESO4_DF, MesoNet.Weights.MESO_INCEPTION_DF), 16, BlazeFaceModel.BACK_256,
            true, List.of(), 0.4, FaceSignal.DEFAULTS, 5.0, 0.3);

    /** Validates and freezes the components. */
    public FacesSettings {
        scorers = List.copyOf(scorers);
        detectors = List.copyOf(detectors);
        signals = List.copyOf(signals);
        if (!(mesoScoreCap >= 0 && mesoScoreCap <= 1)) {
            throw new IllegalArgumentException("faces.meso-score-cap must be in [0, 1]: " + mesoScoreCap);
        }
        if (!(signalScoreCap >= 0 && signalScoreCap <= 1) || !(signalMinZ >= 1)) {
            throw new IllegalArgumentException("faces.signal-score-cap must be in [0, 1] and faces.signal-min-z at"
                    + " least 1");
        }
    }

    /** How the signal checks score. */
    public SignalScoring signalScoring() {
        return new SignalScoring(signalMinZ, signalScoreCap);
    }

    /** Reads every option, with {@link #DEFAULTS} for those unset. */
    public static FacesSettings from(AnalyzerOptions o) {
        FacesSettings d = DEFAULTS;
        String scorerText = o.getString("scorers", "both");
        String modelText = o.getString("model", "256");
        String detectorText = o.getString("detectors", "");
        String signalText = o.getString("signals", String.join(",", d.signals.stream().map(FaceSignal::id).toList()));
        return new FacesSettings(
                o.getDouble("score-threshold", d.scoreThreshold, 0.05, 0.99),
                o.getInt("min-face-size", d.minFaceSize, 8, 4096),
                o.getDouble("margin", d.margin, 0, 1),
                parseScorers(scorerText),
                o.getInt("max-faces", d.maxFaces, 1, 256),
                parseModel(modelText),
                o.getBoolean("tiling", d.tiling),
                parseDetectors(detectorText),
                o.getDouble("meso-score-cap", d.mesoScoreCap, 0, 1),
                FaceSignal.parse(signalText),
                o.getDouble("signal-min-z", d.signalMinZ, 1, 100),
                o.getDouble("signal-score-cap", d.signalScoreCap, 0, 1));
    }

    /** The face detector settings these imply. */
    public FaceDetectorSettings detectorSettings() {
        FaceDetectorSettings d = FaceDetectorSettings.DEFAULTS;
        return new FaceDetectorSettings(model, scoreThreshold, d.nmsIou(), minFaceSize, maxFaces, tiling, 1);
    }

    /**
     * {@code both} (Meso-4 and MesoInception-4, Deepfake weights), {@code none}, or a comma-separated list of
     * {@code meso4}, {@code mesoinception}, {@code meso4-f2f}, {@code mesoinception-f2f}.
     */
    static List<MesoNet.Weights> parseScorers(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("both")) {
            return DEFAULTS.scorers;
        }
        if (t.equals("none") || t.isEmpty()) {
            return List.of();
        }
        Set<MesoNet.Weights> out = new LinkedHashSet<>();
        for (String id : t.split(",")) {
            try {
                out.add(MesoNet.Weights.byId(id));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("option faces.scorers=" + text + " is invalid: expected both, none"
                        + " or a list of meso4, mesoinception, meso4-f2f, mesoinception-f2f");
            }
        }
        return new ArrayList<>(out);
    }

    static BlazeFaceModel parseModel(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "256", "back", "back-256" -> BlazeFaceModel.BACK_256;
            case "128", "front", "front-128" -> BlazeFaceModel.FRONT_128;
            default -> throw new IllegalArgumentException("option faces.model=" + text
                    + " is invalid: expected 256 (BlazeFace back model) or 128 (front model)");
        };
    }

    /**
     * Comma-separated model folders, or names of models installed with Unmask ({@link InstalledModels}, e.g.
     * {@code face-sbi}); {@code none} or empty for none. A name that is neither an existing folder nor an installed
     * model is an error naming it.
     */
    static List<Path> parseDetectors(String text) {
        List<Path> out = new ArrayList<>();
        if (text.trim().equalsIgnoreCase("none")) {
            return out;
        }
        for (String p : text.split(",")) {
            String t = p.trim();
            if (t.isEmpty()) {
                continue;
            }
            Path folder = InstalledModels.resolve(t, FacesSettings.class);
            if (!Files.isDirectory(folder) && InstalledModels.isName(t)) {
                throw new IllegalArgumentException("option faces.detectors: '" + t + "' is neither a model folder nor a"
                        + " model installed with Unmask (models/" + t + ")");
            }
            out.add(folder);
        }
        return out;
    }
}
