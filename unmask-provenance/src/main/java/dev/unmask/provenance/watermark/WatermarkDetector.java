package dev.unmask.provenance.watermark;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Detects the invisible watermarks public generators embed with ShieldMnt/invisible-watermark
 * ({@link KnownPayload}): every payload is decoded with both methods, both colour paths and both channel orders, and
 * the number of bits agreeing with the payload is turned into a chance probability (binomial tail, Bonferroni over
 * all {@link #hypothesisCount()} hypotheses). A hypothesis is a detection when that probability is below
 * {@link #DETECTION_PROBABILITY}, e.g. at least 31/32 bits for "SDV2", 43/48 for SDXL, 116/136 for SD 1.x.
 *
 * <p>The library's mark is fragile by design: cropping (moves the 8-pixel grid), resizing and strong JPEG
 * recompression destroy it, so absence says nothing; a detection is strong evidence that the generator's script
 * produced the image.
 */
public final class WatermarkDetector {
    /** Corrected chance probability below which a hypothesis counts as a detection. */
    public static final double DETECTION_PROBABILITY = 1e-6;

    private WatermarkDetector() {}

    /** Number of hypotheses tested per image (payloads x methods x colour paths x channel orders). */
    public static int hypothesisCount() {
        return KnownPayload.values().length * IwmMethod.values().length * ColourPath.values().length * 2;
    }

    /** The detections only (empty for an unmarked or too small image). */
    public static List<KnownWatermark> detectKnown(BufferedImage img) {
        return scan(img).detections();
    }

    /** Every hypothesis with its agreement and probability. */
    public static KnownScan scan(BufferedImage img) {
        if ((long) img.getWidth() * img.getHeight() < IwmCodec.MIN_PIXELS
                || img.getWidth() < IwmCodec.MIN_SIDE || img.getHeight() < IwmCodec.MIN_SIDE) {
            return new KnownScan(true, "image too small for invisible-watermark (" + img.getWidth() + "x"
                    + img.getHeight() + ", needs at least 65536 pixels and 8 pixels per side)", List.of());
        }
        int hyp = hypothesisCount();
        List<KnownWatermark> all = new ArrayList<>();
        for (ColourPath path : ColourPath.values()) {
            for (boolean swap : new boolean[] {false, true}) {
                IwmCodec.Band band = IwmCodec.band(img, path, swap);
                for (IwmMethod m : IwmMethod.values()) {
                    byte[] blocks = IwmCodec.blockVotes(band, m);
                    for (KnownPayload p : KnownPayload.values()) {
                        boolean[] want = p.bits();
                        double[] votes = IwmCodec.votes(blocks, want.length);
                        int agree = 0;
                        for (int i = 0; i < want.length; i++) {
                            agree += IwmCodec.bit(votes[i]) == want[i] ? 1 : 0;
                        }
                        double prob = Math.min(1, hyp * Binomial.upperTail(want.length, agree));
                        all.add(new KnownWatermark(p, m, path, swap, agree, want.length, prob,
                                prob < DETECTION_PROBABILITY));
                    }
                }
            }
        }
        all.sort(Comparator.comparingDouble(KnownWatermark::probability));
        KnownWatermark best = all.get(0);
        String msg = best.detected()
                ? "invisible-watermark " + best.payload().label() + " found (" + best.agreeing() + "/"
                        + best.totalBits() + " bits, " + best.method() + ", " + best.path() + ")"
                : "no known invisible-watermark payload (best " + best.payload().label() + " "
                        + best.agreeing() + "/" + best.totalBits() + " bits)";
        return new KnownScan(false, msg, List.copyOf(all));
    }
}
