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
     * The same ResNet trunk as {@link #NPR} on the RGB pixels themselves (scaled to [-1, 1]) instead of the
     * neighbouring-pixel residual: for cues that live in colour and low frequencies as much as in fine texture, such
     * as the blending boundary and colour mismatch of a swapped face (self-blended images, Shiohara &amp; Yamasaki,
     * CVPR 2022). On DJL/PyTorch.
     */
    RGB("rgb", 20),
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

    /** Whether this is one of the DJL/PyTorch networks ({@link #NPR}, {@link #RGB}) rather than pure Java. */
    public boolean neural() {
        return this != SPECTRAL;
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
        throw new IllegalArgumentException("unknown architecture '" + s + "' (known: npr, rgb, spectral)");
    }
}
