package dev.unmask.detect.data;

/** The class of a training image: the folder it came from. The network's target is {@link #target()}. */
public enum Label {
    /** An image from the {@code --real} folder (target 0). */
    REAL,
    /** An image from the {@code --fake} folder (target 1). */
    FAKE;

    /** The training target: 0 for real, 1 for fake. */
    public int target() {
        return this == FAKE ? 1 : 0;
    }

    /** Lower-case name used in files ({@code real}, {@code fake}). */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
