package dev.unmask.provenance.watermark;

/**
 * Result of looking for Unmask's own watermark with one key.
 *
 * @param status                   DETECTED (CRC valid), NOT_DETECTED or TOO_SMALL
 * @param runId                    the 48-bit run id read (meaningful when {@code crcOk})
 * @param crcOk                    the 16-bit CRC over the run id matches
 * @param rawBits                  the 64 bits read before unmasking, bit 63 first (for bit-error measurements)
 * @param meanAbsZ                 mean over the 64 bits of |correlation| / sqrt(host energy); about 0.8 for an
 *                                 unmarked image, larger for a marked one in smooth content
 * @param falsePositiveProbability chance that an unmarked image passes the CRC with this key: 2^-16
 * @param message                  one sentence for reports
 */
public record UnmaskDetection(Status status, long runId, boolean crcOk, long rawBits, double meanAbsZ,
        double falsePositiveProbability, String message) {
    /** Outcome of a detection. */
    public enum Status {
        /** The CRC validated: the payload is Unmask's. */
        DETECTED,
        /** No valid payload. */
        NOT_DETECTED,
        /** The image is smaller than {@link UnmaskWatermark#MIN_SIDE} on a side; nothing was read. */
        TOO_SMALL
    }

    /** True when the payload validated. */
    public boolean detected() {
        return status == Status.DETECTED;
    }
}
