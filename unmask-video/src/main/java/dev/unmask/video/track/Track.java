package dev.unmask.video.track;

import java.util.ArrayList;
import java.util.List;

/**
 * A sequence of observations of one face across frames (or of whole frames by one frame-level detector). Mutable
 * while the video is being analysed; confined to the analysing thread.
 */
public final class Track {
    /** What a track follows. */
    public enum Kind {
        /** One face, followed by box overlap and position. */
        FACE,
        /** Whole frames, scored by one frame-level detector. */
        FRAME
    }

    private final int id;
    private final Kind kind;
    private final String label;
    private final List<TrackPoint> points = new ArrayList<>();
    private int missed;

    /**
     * @param id the track's number within the video (1-based)
     * @param kind what it follows
     * @param label how reports name it, e.g. {@code "face 2"} or the detector's name
     */
    public Track(int id, Kind kind, String label) {
        this.id = id;
        this.kind = kind;
        this.label = label;
    }

    /** The track's number within the video. */
    public int id() {
        return id;
    }

    /** What the track follows. */
    public Kind kind() {
        return kind;
    }

    /** How reports name the track. */
    public String label() {
        return label;
    }

    /** The observations, in frame order. */
    public List<TrackPoint> points() {
        return List.copyOf(points);
    }

    /** Number of observations. */
    public int length() {
        return points.size();
    }

    /** The latest observation. */
    public TrackPoint last() {
        return points.get(points.size() - 1);
    }

    /** Appends an observation and resets the missed count. */
    public void add(TrackPoint p) {
        points.add(p);
        missed = 0;
    }

    /** Analysed frames since the track was last seen. */
    int missed() {
        return missed;
    }

    /** Counts one more analysed frame without this track. */
    void miss() {
        missed++;
    }

    /** The scores of the scored observations, in frame order. */
    public double[] scores() {
        return points.stream().filter(TrackPoint::scored).mapToDouble(TrackPoint::score).toArray();
    }
}
