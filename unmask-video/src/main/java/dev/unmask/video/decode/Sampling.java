package dev.unmask.video.decode;

import java.util.Locale;

/**
 * Which decoded frames are analysed: every k-th frame, N frames per second of video time, or the key frames only
 * (the decoder then skips every other frame, which is the fastest mode).
 *
 * @param mode the rule
 * @param value k for {@link Mode#EVERY}, N for {@link Mode#FPS}, unused for {@link Mode#KEYFRAMES}
 */
public record Sampling(Mode mode, double value) {
    /** The sampling rules. */
    public enum Mode {
        /** Every k-th decoded frame, starting with the first. */
        EVERY,
        /** N frames per second of presentation time, starting with the first. */
        FPS,
        /** Intra-coded key frames only. */
        KEYFRAMES
    }

    /** Validates the value. */
    public Sampling {
        if (mode == Mode.EVERY && (value < 1 || value > 100_000 || value != Math.rint(value))) {
            throw new IllegalArgumentException("every:k needs an integer k in 1..100000, was " + value);
        }
        if (mode == Mode.FPS && !(value > 0 && value <= 240)) {
            throw new IllegalArgumentException("fps:N needs N in (0, 240], was " + value);
        }
    }

    /**
     * Parses {@code every:K}, {@code fps:N} or {@code keyframes}.
     *
     * @throws IllegalArgumentException with the accepted forms
     */
    public static Sampling parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.equals("keyframes")) {
                return new Sampling(Mode.KEYFRAMES, 0);
            }
            if (t.startsWith("every:")) {
                return new Sampling(Mode.EVERY, Integer.parseInt(t.substring(6).trim()));
            }
            if (t.startsWith("fps:")) {
                return new Sampling(Mode.FPS, Double.parseDouble(t.substring(4).trim()));
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("sampling must be every:K (every K-th frame), fps:N (N frames per second)"
                + " or keyframes, not '" + text + "'");
    }

    /** Expected number of sampled frames over {@code seconds} of video at {@code fps} (0 when unknown). */
    public long expected(double seconds, double fps) {
        if (!(seconds > 0)) {
            return 0;
        }
        return switch (mode) {
            case EVERY -> fps > 0 ? (long) Math.ceil(seconds * fps / value) : 0;
            case FPS -> (long) Math.ceil(seconds * Math.min(value, fps > 0 ? fps : value));
            case KEYFRAMES -> 0;
        };
    }

    @Override
    public String toString() {
        return switch (mode) {
            case EVERY -> "every:" + (long) value;
            case FPS -> "fps:" + (value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value));
            case KEYFRAMES -> "keyframes";
        };
    }
}
