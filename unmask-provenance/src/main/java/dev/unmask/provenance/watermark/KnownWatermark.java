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
}
