package dev.unmask.provenance.watermark;

import java.util.List;

/**
 * Result of scanning an image for the known invisible-watermark payloads.
 *
 * @param tooSmall  true when the image has fewer than {@link IwmCodec#MIN_PIXELS} pixels (the library's own limit);
 *                  then nothing was decoded
 * @param message   one sentence on what was checked
 * @param hypotheses every hypothesis tried, best (lowest probability) first
 */
public record KnownScan(boolean tooSmall, String message, List<KnownWatermark> hypotheses) {
    /** The hypotheses that count as detections. */
    public List<KnownWatermark> detections() {
        return hypotheses.stream().filter(KnownWatermark::detected).toList();
    }
}
