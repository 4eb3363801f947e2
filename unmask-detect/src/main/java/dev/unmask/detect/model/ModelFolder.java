package dev.unmask.detect.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.unmask.api.detector.DetectorDescriptor;
import dev.unmask.api.detector.DetectorException;
import dev.unmask.detect.calibrate.Calibration;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The layout of a detector model folder that {@code unmask detector train} writes, and the keys of its
 * {@value DetectorDescriptor#FILE_NAME} beyond the API's common ones. A finished model holds:
 * <ul>
 *   <li>{@value DetectorDescriptor#FILE_NAME}: the keys below (written last, so a folder without it is an
 *       unfinished run);</li>
 *   <li>the weights named by {@link #KEY_WEIGHTS} ({@code weights.params} for npr, {@code spectral-weights.json}
 *       for spectral);</li>
 *   <li>{@value #CALIBRATION}: the fitted {@link Calibration} ({@code method} platt with {@code a, b}, or isotonic
 *       with {@code scores, probabilities, floor});</li>
 *   <li>{@value #CONFIG}: every training setting; {@value #MANIFEST}: every image used with its SHA-256 and split;
 *       {@value #SKIPPED}: every file left out and why; {@value #HISTORY}: per-epoch numbers;</li>
 *   <li>{@value #CARD} and {@value #REPORT} for people; {@value #CHECKPOINTS}/ for {@code --resume}.</li>
 * </ul>
 */
public final class ModelFolder {
    /** Training settings. */
    public static final String CONFIG = "config.json";
    /** The calibration. */
    public static final String CALIBRATION = "calibration.json";
    /** Every used image: split, label, SHA-256, size, path. */
    public static final String MANIFEST = "manifest.csv";
    /** Every file left out, with its reason. */
    public static final String SKIPPED = "skipped.csv";
    /** Per-epoch numbers. */
    public static final String HISTORY = "history.csv";
    /** The model card. */
    public static final String CARD = "MODEL_CARD.md";
    /** The training report. */
    public static final String REPORT = "report.html";
    /** Checkpoints folder. */
    public static final String CHECKPOINTS = "checkpoints";

    /** {@code kind}: npr, rgb or spectral. */
    public static final String KEY_KIND = "kind";
    /** {@code name}. */
    public static final String KEY_NAME = "name";
    /** {@code version}. */
    public static final String KEY_VERSION = "version";
    /** {@code threshold}: calibrated probability at or above which an image is called fake. */
    public static final String KEY_THRESHOLD = "threshold";
    /** {@code threshold.fpr}: the target false-positive rate the threshold was chosen for. */
    public static final String KEY_THRESHOLD_FPR = "threshold.fpr";
    /** {@code threshold.fpr.achieved}: the false-positive rate at the threshold on the validation reals. */
    public static final String KEY_THRESHOLD_FPR_ACHIEVED = "threshold.fpr.achieved";
    /** {@code threshold.tpr}: the true-positive rate at the threshold on the validation fakes. */
    public static final String KEY_THRESHOLD_TPR = "threshold.tpr";
    /** {@code threshold.reals}: how many validation real images the threshold was chosen on. */
    public static final String KEY_THRESHOLD_REALS = "threshold.reals";
    /** {@code input.size}: crop side in pixels. */
    public static final String KEY_INPUT_SIZE = "input.size";
    /** {@code inference.tiles}: tiles per axis on images larger than the input (1 = centre crop only). */
    public static final String KEY_TILES = "inference.tiles";
    /** {@code scope}: what the detector is for. */
    public static final String KEY_SCOPE = "scope";
    /** {@code weights}: the weights file name. */
    public static final String KEY_WEIGHTS = "weights";
    /** {@code calibration}: the calibration file name. */
    public static final String KEY_CALIBRATION = "calibration";
    /** {@code calibration.method}: platt or isotonic. */
    public static final String KEY_CALIBRATION_METHOD = "calibration.method";
    /** {@code validation.auc}: ROC AUC on the validation split, scored as the detector scores. */
    public static final String KEY_VALIDATION_AUC = "validation.auc";
    /** {@code validation.accuracy}: accuracy at the threshold on the validation split. */
    public static final String KEY_VALIDATION_ACCURACY = "validation.accuracy";
    /** {@code validation.ece}: expected calibration error on the validation split (10 bins; in-sample). */
    public static final String KEY_VALIDATION_ECE = "validation.ece";
    /** {@code data.fingerprint}: SHA-256 over the split, label and SHA-256 of every image used. */
    public static final String KEY_DATA_FINGERPRINT = "data.fingerprint";
    /** {@code trained.epochs}. */
    public static final String KEY_EPOCHS = "trained.epochs";
    /** {@code trained.by}: the Unmask version. */
    public static final String KEY_TRAINED_BY = "trained.by";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelFolder() {
    }

    /** A JSON mapper with indented output. */
    public static ObjectMapper json() {
        return JSON;
    }

    /** Writes a JSON file from a map. */
    public static void writeJson(Path file, Map<String, ?> value) throws IOException {
        JSON.writeValue(file.toFile(), value);
    }

    /**
     * Writes {@value DetectorDescriptor#FILE_NAME} with the entries in their given order (no date comment, so the
     * same model gives the same file), escaped as {@link java.util.Properties#load(java.io.Reader)} expects, UTF-8.
     */
    public static void writeDescriptor(Path model, Map<String, String> entries) throws IOException {
        Path tmp = model.resolve(DetectorDescriptor.FILE_NAME + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write("# Unmask detector model; see MODEL_CARD.md\n");
            for (Map.Entry<String, String> e : entries.entrySet()) {
                w.write(escape(e.getKey(), true) + "=" + escape(e.getValue(), false) + "\n");
            }
        }
        Files.move(tmp, model.resolve(DetectorDescriptor.FILE_NAME), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static String escape(String s, boolean key) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\f' -> b.append("\\f");
                case '=', ':', '#', '!' -> b.append(key || i == 0 ? "\\" + c : String.valueOf(c));
                case ' ' -> b.append(key || i == 0 ? "\\ " : " ");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Reads the calibration a descriptor names. */
    @SuppressWarnings("unchecked")
    public static Calibration readCalibration(DetectorDescriptor d) throws DetectorException {
        Path f = d.folder().resolve(d.property(KEY_CALIBRATION, CALIBRATION));
        if (!Files.isRegularFile(f)) {
            throw new DetectorException(d.folder() + ": calibration file " + f.getFileName() + " is missing");
        }
        try {
            return Calibration.fromMap(JSON.readValue(f.toFile(), Map.class));
        } catch (IOException | RuntimeException e) {
            throw new DetectorException(f + " is not a valid calibration: " + e.getMessage(), e);
        }
    }

    /** The input size of a descriptor, checked. */
    public static int inputSize(DetectorDescriptor d, int min) throws DetectorException {
        try {
            int s = d.intProperty(KEY_INPUT_SIZE, -1);
            if (s < min || s > 4096 || s % 2 != 0) {
                throw new DetectorException(d.folder() + ": " + KEY_INPUT_SIZE + " must be an even number >= " + min + ", was " + s);
            }
            return s;
        } catch (NumberFormatException e) {
            throw new DetectorException(d.folder() + ": " + KEY_INPUT_SIZE + " is not a number", e);
        }
    }

    /** Tiles per axis, checked (default 1). */
    public static int tiles(DetectorDescriptor d) throws DetectorException {
        try {
            int t = d.intProperty(KEY_TILES, 1);
            if (t < 1 || t > 5) {
                throw new DetectorException(d.folder() + ": " + KEY_TILES + " must be in 1..5, was " + t);
            }
            return t;
        } catch (NumberFormatException e) {
            throw new DetectorException(d.folder() + ": " + KEY_TILES + " is not a number", e);
        }
    }

    /** The weights file a descriptor names, checked to exist. */
    public static Path weights(DetectorDescriptor d, String fallback) throws DetectorException {
        Path f = d.folder().resolve(d.property(KEY_WEIGHTS, fallback));
        if (!Files.isRegularFile(f)) {
            throw new DetectorException(d.folder() + ": weights file " + f.getFileName() + " is missing");
        }
        return f;
    }
}
