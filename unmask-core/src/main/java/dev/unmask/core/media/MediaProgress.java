package dev.unmask.core.media;

import dev.unmask.api.Media;

/**
 * Progress of a long analysis of one file (the frames of a video), for a progress display. Optional: the scan
 * pipeline attaches a sink to each {@link LoadedMedia}; an analyzer that takes long reports through
 * {@link #of(Media)} and never needs to know whether anyone listens. Implementations must be cheap and
 * thread-safe (files are analysed in parallel).
 */
@FunctionalInterface
public interface MediaProgress {
    /** Discards every report. */
    MediaProgress NONE = (done, total, unit) -> { };

    /**
     * Reports work done so far on the file.
     *
     * @param done units done
     * @param total units expected in all (an estimate; 0 or less when unknown)
     * @param unit what is counted, plural, e.g. {@code "frames"}
     */
    void update(long done, long total, String unit);

    /** The sink attached to {@code media}, or {@link #NONE}. */
    static MediaProgress of(Media media) {
        return media instanceof LoadedMedia lm ? lm.progress() : NONE;
    }
}
