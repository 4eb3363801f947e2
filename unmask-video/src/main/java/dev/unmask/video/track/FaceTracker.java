package dev.unmask.video.track;

import dev.unmask.video.faces.FaceBox;
import java.util.ArrayList;
import java.util.List;

/**
 * Links the faces of successive analysed frames into tracks, by greedy matching on box overlap with a centre-distance
 * gate (the association step of IoU trackers such as Bochinski et al., "High-Speed Tracking-by-Detection Without
 * Using Image Information", AVSS 2017, and SORT, Bewley et al. 2016, without the motion model): every pair of an
 * active track and a new face is a candidate when their intersection over union reaches {@code iouThreshold}, or, for
 * faces that moved further between sparse samples, when the centres lie within {@code centreGate} box diagonals and
 * the areas within a factor of two; candidates are taken best first (higher IoU, then nearer centre), each track and
 * face at most once. Unmatched faces start new tracks; a track ends after {@code maxMissed} analysed frames without a
 * match. Not thread-safe: one tracker per video.
 */
public final class FaceTracker {
    /**
     * @param iouThreshold overlap that links a face to a track, in (0, 1)
     * @param centreGate largest centre distance, in diagonals of the track's last box, for linking without overlap
     *     (0 disables)
     * @param maxMissed analysed frames a track may go unseen before it ends
     */
    public record Settings(double iouThreshold, double centreGate, int maxMissed) {
        /** Validates the settings. */
        public Settings {
            if (!(iouThreshold > 0 && iouThreshold < 1) || !(centreGate >= 0) || maxMissed < 0) {
                throw new IllegalArgumentException("tracker settings out of range");
            }
        }
    }

    /** A new face of one frame, with its score (NaN when unscored). */
    public record Observation(FaceBox box, double score) {}

    private static final double MAX_AREA_RATIO = 2.0;
    private final Settings settings;
    private final List<Track> all = new ArrayList<>();
    private final List<Track> active = new ArrayList<>();
    private int nextId = 1;

    /** A tracker with the given settings. */
    public FaceTracker(Settings settings) {
        this.settings = settings;
    }

    /**
     * Adds the faces of the next analysed frame.
     *
     * @return the track each face joined, in the order of {@code faces}
     */
    public List<Track> update(int sample, double seconds, List<Observation> faces) {
        record Pair(int track, int face, double iou, double dist) {}
        List<Pair> pairs = new ArrayList<>();
        for (int t = 0; t < active.size(); t++) {
            FaceBox last = active.get(t).last().box();
            for (int f = 0; f < faces.size(); f++) {
                FaceBox b = faces.get(f).box();
                double iou = last.iou(b);
                double dist = last.centreDistance(b);
                double ratio = Math.max(last.area(), b.area()) / Math.min(last.area(), b.area());
                if (iou >= settings.iouThreshold() || dist <= settings.centreGate() && ratio <= MAX_AREA_RATIO) {
                    pairs.add(new Pair(t, f, iou, dist));
                }
            }
        }
        pairs.sort((a, b) -> a.iou != b.iou ? Double.compare(b.iou, a.iou) : Double.compare(a.dist, b.dist));
        Track[] joined = new Track[faces.size()];
        boolean[] trackTaken = new boolean[active.size()];
        for (Pair p : pairs) {
            if (!trackTaken[p.track] && joined[p.face] == null) {
                trackTaken[p.track] = true;
                joined[p.face] = active.get(p.track);
            }
        }
        for (int t = 0; t < active.size(); t++) {
            if (!trackTaken[t]) {
                active.get(t).miss();
            }
        }
        active.removeIf(tr -> tr.missed() > settings.maxMissed());
        for (int f = 0; f < faces.size(); f++) {
            if (joined[f] == null) {
                Track tr = new Track(nextId, Track.Kind.FACE, "face " + nextId);
                nextId++;
                all.add(tr);
                active.add(tr);
                joined[f] = tr;
            }
            joined[f].add(new TrackPoint(sample, seconds, faces.get(f).box(), faces.get(f).score()));
        }
        return List.of(joined);
    }

    /** Every track started so far, ended or not, by id. */
    public List<Track> tracks() {
        return List.copyOf(all);
    }
}
