package dev.unmask.api.detector;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The machine-readable head of a detector model folder: {@value #FILE_NAME}.
 *
 * <p>Required keys: {@code kind} (which loader runs it), {@code name}, {@code version}. Common optional keys:
 * {@code input.size} (pixels per side the network sees), {@code threshold} (calibrated probability at or above
 * which the image is called fake; default 0.5), {@code threshold.fpr} (the false-positive rate the threshold was
 * chosen for), {@code scope} (what the detector is and is not for, shown in reports). Loaders define further
 * keys of their own and read them from {@link #properties()}.
 *
 * @param folder the model folder
 * @param kind the loader kind, e.g. {@code npr}, {@code spectral}, {@code onnx}, {@code gan-discriminator}
 * @param name a short human name
 * @param version the model's version string
 * @param threshold the calibrated decision threshold in (0, 1)
 * @param scope what the detector is for and where it is known to fail (one sentence or two)
 * @param properties every key of the file, for the loader
 */
public record DetectorDescriptor(Path folder, String kind, String name, String version, double threshold, String scope,
        Properties properties) {
    /** The descriptor's file name inside a model folder. */
    public static final String FILE_NAME = "detector.properties";

    /** Validates the fields. */
    public DetectorDescriptor {
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("detector kind is missing");
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("detector threshold must be in (0, 1), was " + threshold);
        }
        properties = (Properties) properties.clone();
    }

    /**
     * Reads {@value #FILE_NAME} from {@code folder}.
     *
     * @throws IOException when the file is missing, unreadable or lacks a required key (the message names it)
     */
    public static DetectorDescriptor read(Path folder) throws IOException {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new IOException(folder + " is not a detector model: it has no " + FILE_NAME);
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        String kind = required(p, "kind", file);
        String name = required(p, "name", file);
        String version = required(p, "version", file);
        double threshold;
        try {
            threshold = Double.parseDouble(p.getProperty("threshold", "0.5").trim());
        } catch (NumberFormatException e) {
            throw new IOException(file + ": threshold is not a number: " + p.getProperty("threshold"));
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw new IOException(file + ": threshold must be in (0, 1), was " + threshold);
        }
        return new DetectorDescriptor(folder, kind, name, version, threshold, p.getProperty("scope", "").trim(), p);
    }

    private static String required(Properties p, String key, Path file) throws IOException {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IOException(file + ": required key '" + key + "' is missing");
        }
        return v.trim();
    }

    /** An integer property, or {@code fallback} when absent. */
    public int intProperty(String key, int fallback) {
        String v = properties.getProperty(key);
        return v == null ? fallback : Integer.parseInt(v.trim());
    }

    /** A string property, or {@code fallback} when absent. */
    public String property(String key, String fallback) {
        String v = properties.getProperty(key);
        return v == null ? fallback : v.trim();
    }
}
