package dev.unmask.detect.calibrate;

import java.util.Locale;

/** How raw detector scores become probabilities; the {@code --calibration} value. */
public enum CalibrationMethod {
    /** {@link PlattScaling}. */
    PLATT,
    /** {@link IsotonicCalibration}. */
    ISOTONIC;

    /** The lower-case name. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code platt} or {@code isotonic}. */
    public static CalibrationMethod parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "platt" -> PLATT;
            case "isotonic" -> ISOTONIC;
            default -> throw new IllegalArgumentException("unknown calibration '" + s + "' (known: platt, isotonic)");
        };
    }
}
