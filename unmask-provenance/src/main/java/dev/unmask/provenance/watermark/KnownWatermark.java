package dev.unmask.provenance.watermark;

/**
 * One decoding hypothesis of the invisible-watermark library: which payload, method, colour path and channel
 * order, how many of the payload's bits the decoded bits match, and how unlikely that agreement is by chance.
 *
 * @param payload       the known payload tested
 * @param method        dwtDct or dwtDctSvd
 * @param path          uint8 or float conversion
 * @param swappedRedBlue true when the image matched with red and blue exchanged (RGB passed as BGR)
 * @param agreeing      number of decoded bits equal to the payload's
 * @param totalBits     payload length
 * @param probability   chance of at least this agreement for an unmarked image, Bonferroni-corrected for every
 *                      hypothesis the detector tried: {@code min(1, H * P(Binomial(n, 1/2) >= k))}
 * @param detected      {@code probability < }{@link WatermarkDetector#DETECTION_PROBABILITY}
 */
public record KnownWatermark(KnownPayload payload, IwmMethod method, ColourPath path, boolean swappedRedBlue,
        int agreeing, int totalBits, double probability, boolean detected) {
    /** Probability (as -log10) at which {@link #score()} reaches 1. */
    private static final double FULL_SCORE_LOG10 = 20;
    /** Score of a detection at the threshold probability. */
    private static final double THRESHOLD_SCORE = 0.8;

    /**
     * Strength of the evidence in [0, 1]: 0 when not detected; 0.8 at the detection threshold (corrected
     * probability 1e-6), rising linearly in -log10(probability) to 1 at 1e-20.
     */
    public double score() {
        if (!detected) {
            return 0;
        }
        double lp = -Math.log10(Math.max(probability, Double.MIN_NORMAL));
        double t = -Math.log10(WatermarkDetector.DETECTION_PROBABILITY);
        double f = Math.max(0, Math.min(1, (lp - t) / (FULL_SCORE_LOG10 - t)));
        return THRESHOLD_SCORE + (1 - THRESHOLD_SCORE) * f;
    }
}
