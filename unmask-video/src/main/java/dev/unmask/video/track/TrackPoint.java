package dev.unmask.video.track;

import dev.unmask.video.faces.FaceBox;

/**
 * One observation of a track: where the face was (or the whole frame, for frame-level detectors) and its score.
 *
 * @param sample the analysed frame's position among the analysed frames
 * @param seconds the frame's presentation time
 * @param box the face box, or null for a whole-frame observation
 * @param score the probability that this observation is manipulated, or NaN when no scorer ran
 */
public record TrackPoint(int sample, double seconds, FaceBox box, double score) {
    /** Whether a scorer gave this observation a score. */
    public boolean scored() {
        return !Double.isNaN(score);
    }
}
