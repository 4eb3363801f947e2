package dev.unmask.detect.data;

/**
 * Assigns a file to the training or validation split from the SHA-256 of its bytes: the first 8 bytes of the
 * digest, read as an unsigned big-endian number, modulo 100, below the validation percentage means validation.
 * The split depends on nothing but the file's content, so it is the same on every run, on every machine, whatever
 * the file is called or where it lies, and adding files never moves others between splits; an exact copy of a
 * file always lands in the same split as the original (and is dropped as a duplicate anyway).
 */
public final class HashSplit {
    private HashSplit() {
    }

    /**
     * The split of a file whose SHA-256 is {@code sha256Hex} (64 hex digits).
     *
     * @param validationPercent 1..50
     */
    public static Split of(String sha256Hex, int validationPercent) {
        if (sha256Hex == null || sha256Hex.length() < 16) {
            throw new IllegalArgumentException("not a SHA-256 hex digest: " + sha256Hex);
        }
        return bucket(sha256Hex) < validationPercent ? Split.VALIDATION : Split.TRAIN;
    }

    /** The file's bucket in 0..99. */
    public static int bucket(String sha256Hex) {
        long v = Long.parseUnsignedLong(sha256Hex.substring(0, 16), 16);
        return (int) Long.remainderUnsigned(v, 100);
    }
}
