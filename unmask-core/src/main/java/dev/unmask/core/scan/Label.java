package dev.unmask.core.scan;

import java.util.Locale;

/** The verdict labels, as they appear in JSON ({@link #json()}) and to readers ({@link #display()}). */
public enum Label {
    /** Positive evidence of an unedited capture and no signal of manipulation or synthesis among the checks run. */
    AUTHENTIC("likely authentic"),
    /** Evidence is weak, conflicting, or only negative (nothing fired, but nothing vouches for the file). */
    INCONCLUSIVE("inconclusive"),
    /** Evidence of editing after capture (splicing, cloning, retouching). */
    MANIPULATED("likely manipulated"),
    /** Evidence of generation by a model. */
    SYNTHETIC("likely synthetic"),
    /** The file could not be examined (unsupported, unreadable, refused); the reason says why. */
    NOT_APPLICABLE("not applicable");

    private final String display;

    Label(String display) {
        this.display = display;
    }

    /** The JSON value, e.g. {@code "not_applicable"}. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The reader-facing phrase, e.g. "likely synthetic". */
    public String display() {
        return display;
    }
}
