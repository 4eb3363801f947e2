package dev.unmask.detect.data;

/** Which part of the data an image belongs to; decided by {@link HashSplit} from the file's bytes. */
public enum Split {
    /** Used to fit the model. */
    TRAIN,
    /** Held out: validation metrics each epoch, calibration and the decision threshold. */
    VALIDATION;

    /** Lower-case name used in files ({@code train}, {@code validation}). */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
