package dev.unmask.detect.train;

import dev.unmask.detect.Architecture;
import dev.unmask.detect.augment.Augmentation;
import dev.unmask.detect.calibrate.CalibrationMethod;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything that decides what a training run computes (written to the model's {@code config.json}; a resumed run
 * reads it back). Thread counts and paths to write are not part of it.
 *
 * @param architecture npr, rgb or spectral
 * @param size crop side in pixels (the detector's {@code input.size})
 * @param epochs total epochs
 * @param batch images per optimiser step (npr)
 * @param learningRate Adam's step size (npr)
 * @param seed the seed every random choice derives from
 * @param validationPercent share of files (by hash bucket) held out
 * @param augmentation training augmentations
 * @param calibration how validation scores become probabilities
 * @param targetFpr the false-positive rate the threshold is chosen for
 * @param l2 the logistic regression's L2 penalty (spectral)
 * @param tilesPerAxis inference tiles per axis on images larger than the crop (1 = centre crop only)
 * @param name the model's human name
 * @param realDir the real images' folder, as given
 * @param fakeDir the fake images' folder, as given
 */
public record TrainConfig(Architecture architecture, int size, int epochs, int batch, double learningRate, long seed,
        int validationPercent, Augmentation augmentation, CalibrationMethod calibration, double targetFpr, double l2, int tilesPerAxis,
        String name, String realDir, String fakeDir) {
    /** Default crop side. */
    public static final int DEFAULT_SIZE = 128;
    /** Default batch. */
    public static final int DEFAULT_BATCH = 32;
    /** Default learning rate (the NPR paper's). */
    public static final double DEFAULT_LEARNING_RATE = 2e-4;
    /** Default held-out share. */
    public static final int DEFAULT_VALIDATION_PERCENT = 20;
    /** Default target false-positive rate. */
    public static final double DEFAULT_TARGET_FPR = 0.01;
    /** Default L2 penalty of the spectral classifier. */
    public static final double DEFAULT_L2 = 1e-2;
    /** Default inference tiles per axis. */
    public static final int DEFAULT_TILES_PER_AXIS = 3;

    /** Validates every field; messages name the option. */
    public TrainConfig {
        if (architecture == null) {
            throw new IllegalArgumentException("--arch is required (npr, rgb or spectral)");
        }
        int minSize = architecture.neural() ? 32 : 16;
        if (size < minSize || size > 1024 || size % 2 != 0) {
            throw new IllegalArgumentException("--size must be an even number in " + minSize + "..1024 for " + architecture.kind() + ": " + size);
        }
        if (epochs < 1 || epochs > 100_000) {
            throw new IllegalArgumentException("--epochs must be in 1..100000: " + epochs);
        }
        if (batch < 2 || batch > 4096) {
            throw new IllegalArgumentException("--batch must be in 2..4096: " + batch);
        }
        if (!(learningRate > 0 && learningRate < 1)) {
            throw new IllegalArgumentException("--lr must be in (0, 1): " + learningRate);
        }
        if (validationPercent < 1 || validationPercent > 50) {
            throw new IllegalArgumentException("--val-percent must be in 1..50: " + validationPercent);
        }
        if (!(targetFpr > 0 && targetFpr <= 0.5)) {
            throw new IllegalArgumentException("--target-fpr must be in (0, 0.5]: " + targetFpr);
        }
        if (!(l2 > 0 && l2 < 1e3)) {
            throw new IllegalArgumentException("--l2 must be in (0, 1000): " + l2);
        }
        if (tilesPerAxis < 1 || tilesPerAxis > 5) {
            throw new IllegalArgumentException("--tiles must be in 1..5: " + tilesPerAxis);
        }
        if (augmentation == null || calibration == null) {
            throw new IllegalArgumentException("augmentation and calibration are required");
        }
        name = name == null || name.isBlank() ? architecture.kind() + "-detector" : name.trim();
    }

    /** A copy with a different epoch count (for resuming with more epochs). */
    public TrainConfig withEpochs(int e) {
        return new TrainConfig(architecture, size, e, batch, learningRate, seed, validationPercent, augmentation, calibration, targetFpr, l2,
                tilesPerAxis, name, realDir, fakeDir);
    }

    /** The settings as a JSON-ready map. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("architecture", architecture.kind());
        m.put("size", size);
        m.put("epochs", epochs);
        m.put("batch", batch);
        m.put("learning_rate", learningRate);
        m.put("seed", seed);
        m.put("validation_percent", validationPercent);
        m.put("augmentation", augmentation.toMap());
        m.put("calibration", calibration.id());
        m.put("target_fpr", targetFpr);
        m.put("l2", l2);
        m.put("tiles_per_axis", tilesPerAxis);
        m.put("name", name);
        m.put("real_dir", realDir);
        m.put("fake_dir", fakeDir);
        return m;
    }

    /** Reads what {@link #toMap} wrote. */
    @SuppressWarnings("unchecked")
    public static TrainConfig fromMap(Map<String, ?> m) {
        try {
            return new TrainConfig(Architecture.parse(str(m, "architecture")), num(m, "size").intValue(), num(m, "epochs").intValue(),
                    num(m, "batch").intValue(), num(m, "learning_rate").doubleValue(), num(m, "seed").longValue(),
                    num(m, "validation_percent").intValue(), Augmentation.fromMap((Map<String, ?>) m.get("augmentation")),
                    CalibrationMethod.parse(str(m, "calibration")), num(m, "target_fpr").doubleValue(), num(m, "l2").doubleValue(),
                    num(m, "tiles_per_axis").intValue(), str(m, "name"), str(m, "real_dir"), str(m, "fake_dir"));
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("config.json is malformed: " + e.getMessage(), e);
        }
    }

    private static Number num(Map<String, ?> m, String k) {
        Object v = m.get(k);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("config.json: '" + k + "' is missing or not a number");
        }
        return n;
    }

    private static String str(Map<String, ?> m, String k) {
        Object v = m.get(k);
        if (v == null) {
            throw new IllegalArgumentException("config.json: '" + k + "' is missing");
        }
        return v.toString();
    }
}
