package dev.unmask.detect;

import java.util.Locale;

/**
 * The detector architectures Unmask trains from scratch; {@link #kind()} is the {@code kind} written to a model's
 * {@code detector.properties} and the {@code --arch} value.
 */
public enum Architecture {
    /**
     * Neighbouring Pixel Relationships (Tan et al., "Rethinking the Up-Sampling Operations in CNN-based Generative
     * Network for Generalizable Deepfake Detection", CVPR 2024): a small ResNet on {@code x - up(down(x))}, on
     * DJL/PyTorch.
     */
    NPR("npr", 20),
    /**
     * The azimuthally averaged power spectrum and logistic regression (Durall, Keuper and Keuper, CVPR 2020), pure
     * Java.
     */
    SPECTRAL("spectral", 3);

    private final String kind;
    private final int defaultEpochs;

    Architecture(String kind, int defaultEpochs) {
        this.kind = kind;
        this.defaultEpochs = defaultEpochs;
    }

    /** The model kind and {@code --arch} value. */
    public String kind() {
        return kind;
    }

    /** Epochs trained when {@code --epochs} is not given. */
    public int defaultEpochs() {
        return defaultEpochs;
    }

    /**
     * The architecture named {@code s} (case-insensitive).
     *
     * @throws IllegalArgumentException listing the known names
     */
    public static Architecture parse(String s) {
        for (Architecture a : values()) {
            if (a.kind.equals(s.trim().toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown architecture '" + s + "' (known: npr, spectral)");
    }
}
