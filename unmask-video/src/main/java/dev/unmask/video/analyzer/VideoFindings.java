package dev.unmask.video.analyzer;

import dev.unmask.api.AnalyzerResult;
import dev.unmask.api.Artifact;
import dev.unmask.api.Evidence;
import dev.unmask.api.Finding;
import dev.unmask.core.imaging.Artifacts;
import dev.unmask.video.decode.FrameStream;
import dev.unmask.video.ffmpeg.ContainerInfo;
import dev.unmask.video.ffmpeg.StreamInfo;
import dev.unmask.video.report.TimelinePlot;
import dev.unmask.video.track.TemporalAggregation;
import dev.unmask.video.track.Track;
import dev.unmask.video.track.TrackPoint;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns one video's {@link VideoAnalysis.Outcome} into findings: {@code video.container} (metadata),
 * {@code video.frames} (what was decoded and why it stopped), {@code video.faces} (face analysis, or why it did not
 * apply), one {@code video.track} per track, and {@code video.score} per evidence direction: the maximum over tracks
 * long enough to judge of their top-k mean (see {@link TemporalAggregation}), with the frames that drove it, the
 * timeline plot and the contact sheet of the most suspicious frames. Only {@code video.score} carries a score, so
 * verdict fusion sees the video's score once, however many tracks there are.
 */
final class VideoFindings {
    private static final int MAX_TRACK_FINDINGS = 16;
    private static final double TRUNCATION_RATIO = 0.9;

    private final VideoSettings settings;
    private final FaceModels faces;
    private final VideoAnalysis.Outcome o;
    private final Artifact preview;

    /** A pooled track with its threshold and whether it counts toward the video's score. */
    private record Judged(Track track, TemporalAggregation.Pooled pooled, double threshold, boolean eligible, Evidence evidence) {
        String verdict() {
            if (pooled.n() == 0) {
                return "unscored";
            }
            if (!eligible) {
                return "too short to judge";
            }
            return pooled.topKMean() >= threshold ? (evidence == Evidence.SYNTHETIC ? "synthetic" : "manipulated")
                    : "below threshold";
        }
    }

    VideoFindings(VideoSettings settings, FaceModels faces, VideoAnalysis.Outcome o, Artifact preview) {
        this.settings = settings;
        this.faces = faces;
        this.o = o;
        this.preview = preview;
    }

    AnalyzerResult result() {
        List<Finding> findings = new ArrayList<>();
        findings.add(container(o.info(), preview));
        findings.add(frames());
        int minLength = Math.max(1, Math.min(settings.minTrackLength(), o.stats().sampledFrames()));
        List<Judged> judged = new ArrayList<>();
        for (Track t : o.faceTracks()) {
            judged.add(judge(t, minLength, Evidence.MANIPULATED));
        }
        for (Track t : o.frameTracks()) {
            judged.add(judge(t, minLength, o.frameTrackEvidence().get(t.id())));
        }
        judged.sort(Comparator.comparingDouble((Judged j) -> j.pooled().topKMean()).reversed()
                .thenComparing(Comparator.comparingInt((Judged j) -> j.track().length()).reversed())
                .thenComparingInt(j -> j.track().id()));
        findings.add(facesFinding(judged));
        judged.stream().limit(MAX_TRACK_FINDINGS).forEach(j -> findings.add(track(j)));
        String scoreText = "";
        for (Evidence e : new Evidence[] {Evidence.MANIPULATED, Evidence.SYNTHETIC}) {
            List<Judged> scored = judged.stream().filter(j -> j.evidence() == e && j.eligible() && j.pooled().n() > 0).toList();
            if (!scored.isEmpty()) {
                Finding f = score(e, scored, judged, scoreText.isEmpty());
                findings.add(f);
                scoreText += "; " + f.title();
            }
        }
        return AnalyzerResult.ok(headline() + scoreText, findings);
    }

    private Judged judge(Track t, int minLength, Evidence e) {
        TemporalAggregation.Pooled p = TemporalAggregation.pool(t.scores(), settings.topK());
        return new Judged(t, p, o.thresholds().getOrDefault(t.id(), 0.5), p.n() >= minLength, e);
    }

    private String headline() {
        StreamInfo v = o.video();
        FrameStream.Stats s = o.stats();
        return String.format(Locale.ROOT, "%s; %d frames analysed (%s) of %d decoded over %.1f s; %s", describe(o.info(), v),
                s.sampledFrames(), settings.sampling(), s.decodedFrames(), Math.max(0, s.lastSeconds()), faceHeadline());
    }

    private String faceHeadline() {
        if (faces.source().isEmpty()) {
            return "face analysis not run (" + faces.note() + ")";
        }
        if (o.framesWithFaces() == 0) {
            return "face analysis not applicable: no face in " + o.stats().sampledFrames() + " sampled frames";
        }
        return o.faceTracks().size() + " face track" + (o.faceTracks().size() == 1 ? "" : "s");
    }

    /** The container metadata finding (also used when the analysis stops early). */
    static Finding container(ContainerInfo info, Artifact preview) {
        Map<String, Object> videoValues = new LinkedHashMap<>();
        StreamInfo v = info.video().orElse(null);
        if (v != null) {
            videoValues.put("codec", v.codec());
            videoValues.put("fourcc", v.fourcc());
            videoValues.put("decodable", v.decodable());
            videoValues.put("width", v.width());
            videoValues.put("height", v.height());
            videoValues.put("pixel_format", v.pixelFormat());
            videoValues.put("fps", round(v.fps()));
            videoValues.put("frames_declared", v.frames());
            videoValues.put("duration_s", round(v.durationSeconds()));
            videoValues.put("rotation_cw", v.rotationCw());
            videoValues.put("bit_rate", v.bitRate());
        }
        StreamInfo a = info.audio().orElse(null);
        Map<String, Object> audioValues = new LinkedHashMap<>();
        if (a != null) {
            audioValues.put("codec", a.codec());
            audioValues.put("sample_rate", a.sampleRate());
            audioValues.put("channels", a.channels());
            audioValues.put("bit_rate", a.bitRate());
        }
        Map<String, Object> streams = new LinkedHashMap<>();
        info.streams().forEach(s -> streams.merge(s.type(), 1, (x, y) -> (Integer) x + (Integer) y));
        Finding.Builder b = Finding.info("video.container")
                .title(describe(info, v))
                .detail("Read from the container header and FFmpeg's stream probe. Rotation is the clockwise turn the"
                        + " player applies (display matrix or 'rotate' tag); frames are analysed upright. Metadata tags"
                        + " such as encoder or creation time are written by the last program that saved the file and are"
                        + " easy to change.")
                .value("format", info.format())
                .value("format_name", info.formatName())
                .value("duration_s", round(info.videoDurationSeconds()))
                .value("bit_rate", info.bitRate())
                .value("video", v == null ? null : videoValues)
                .value("audio_present", a != null)
                .value("audio", a == null ? null : audioValues)
                .value("streams", streams)
                .value("metadata", new LinkedHashMap<String, Object>(info.metadata()));
        if (!info.probeProblem().isEmpty()) {
            b.value("probe_problem", info.probeProblem());
        }
        if (preview != null) {
            b.artifact(preview);
        }
        return b.build();
    }

    /** One line: container, size, codec, rate, duration, audio. */
    static String describe(ContainerInfo info, StreamInfo v) {
        String audio = info.audio().map(a -> "audio " + a.codec() + (a.sampleRate() > 0 ? " " + a.sampleRate() + " Hz" : ""))
                .orElse("no audio");
        String duration = info.videoDurationSeconds() > 0 ? String.format(Locale.ROOT, "%.1f s", info.videoDurationSeconds()) : "unknown duration";
        if (v == null) {
            return String.format(Locale.ROOT, "%s container, no video stream, %s, %s", info.format(), duration, audio);
        }
        String rotation = v.rotationCw() != 0 ? ", displayed turned " + v.rotationCw() + "\u00b0 clockwise" : "";
        return String.format(Locale.ROOT, "%s container: %dx%d %s at %.2f fps, %s, %s%s", info.format(), v.width(),
                v.height(), v.codec(), v.fps(), duration, audio, rotation);
    }

    /** The not-applicable reason for a container without a video stream. */
    static String noVideoReason(ContainerInfo info) {
        String audio = info.audio().map(a -> "audio only (" + a.codec() + (a.sampleRate() > 0 ? ", " + a.sampleRate() + " Hz" : "")
                + (a.channels() > 0 ? ", " + a.channels() + " channel" + (a.channels() == 1 ? "" : "s") : "") + ")").orElse(null);
        boolean cover = info.streams().stream().anyMatch(StreamInfo::coverArt);
        String what = audio != null ? audio + (cover ? " with cover art" : "")
                : info.streams().isEmpty() ? "no streams at all" : "streams of type " + String.join(", ",
                        info.streams().stream().map(StreamInfo::type).distinct().toList());
        return "no video stream in the " + info.format() + " container: " + what;
    }

    /** The failure reason for a video stream FFmpeg cannot decode. */
    static String undecodableReason(StreamInfo v) {
        String tag = v.fourcc().isEmpty() ? "" : " (FourCC '" + v.fourcc() + "')";
        return "the video codec " + ("none".equals(v.codec()) ? "is unknown to FFmpeg" : "'" + v.codec() + "' has no decoder")
                + tag + "; the bundled FFmpeg cannot decode this video";
    }

    /** The failure reason when not a single frame decodes. */
    static String noFramesReason(ContainerInfo info, StreamInfo v, FrameStream.Stats s) {
        String declared = v.frames() > 0 ? v.frames() + " frames declared" : "no frame count declared";
        List<String> distinct = s.ffmpegErrors().stream().distinct().limit(3).toList();
        String errors = distinct.isEmpty() ? "" : "; FFmpeg says: " + String.join("; ", distinct);
        return "the " + v.codec() + " video stream yields no decodable frame (" + declared + ", "
                + (info.videoDurationSeconds() > 0 ? String.format(Locale.ROOT, "%.2f s declared", info.videoDurationSeconds())
                : "no duration declared") + ")" + errors;
    }

    private Finding frames() {
        FrameStream.Stats s = o.stats();
        double declared = o.info().videoDurationSeconds();
        String stop = switch (s.stop()) {
            case MAX_FRAMES -> String.format(Locale.ROOT, "stopped at the limit of %d analysed frames (video.max-frames)", settings.maxFrames());
            case MAX_DURATION -> String.format(Locale.ROOT, "stopped at the limit of %.0f s (video.max-seconds); the rest of the video was not examined", settings.maxSeconds());
            case DECODE_CAP -> String.format(Locale.ROOT, "stopped after %d decoded frames (240 per second of video.max-seconds)", s.decodedFrames());
            case END -> declared > 0 && s.lastSeconds() + 2 * frameStep() < declared * TRUNCATION_RATIO
                    ? String.format(Locale.ROOT, "decoding ended at %.2f s of the %.2f s the container declares: the file is"
                            + " truncated or damaged", Math.max(0, s.lastSeconds()), declared)
                    : missingFrames(s) > 0
                    ? String.format(Locale.ROOT, "decoded to the end, but %d of the %d frames the container declares did not"
                            + " decode: the file is damaged", missingFrames(s), o.video().frames())
                    : "decoded to the end";
        };
        boolean damaged = s.stop() == FrameStream.Stop.END && stop.contains("damaged");
        Finding.Builder b = Finding.info(damaged || !s.ffmpegErrors().isEmpty() ? "video.frames.damaged" : "video.frames")
                .title(String.format(Locale.ROOT, "%d frames analysed (%s) of %d decoded; %s", s.sampledFrames(),
                        settings.sampling(), s.decodedFrames(), stop))
                .detail("Frames are decoded one at a time (memory stays bounded), reduced to at most " + settings.maxSide()
                        + " px, turned upright, and the sampled ones analysed. Decoder errors are FFmpeg's own messages:"
                        + " they mark damaged or truncated data, which re-encoding tools and broken transfers also cause.")
                .value("sampling", settings.sampling().toString())
                .value("analysed_frames", s.sampledFrames())
                .value("decoded_frames", s.decodedFrames())
                .value("analysed_seconds", round(Math.max(0, s.lastSeconds())))
                .value("declared_seconds", round(declared))
                .value("stop", s.stop().name().toLowerCase(Locale.ROOT))
                .value("decoder_errors", List.copyOf(s.ffmpegErrors()))
                .value("model_errors", List.copyOf(o.modelErrors()))
                .value("timing_ms", roundAll(o.timingMs()));
        return b.build();
    }

    /**
     * Declared frames that did not decode, for MP4/MOV only, whose sample tables list exactly the coded frames (an AVI
     * index also lists the empty chunks of dropped frames, and Matroska declares no count); 0 when not known.
     */
    private long missingFrames(FrameStream.Stats s) {
        long declared = o.video().frames();
        if (declared <= 0 || settings.sampling().mode() == dev.unmask.video.decode.Sampling.Mode.KEYFRAMES
                || !o.info().format().startsWith("mov,mp4")) {
            return 0;
        }
        return Math.max(0, declared - s.decodedFrames());
    }

    private double frameStep() {
        return o.video().fps() > 0 ? 1 / o.video().fps() : 0.04;
    }

    private Finding facesFinding(List<Judged> judged) {
        long faceTracks = judged.stream().filter(j -> j.track().kind() == Track.Kind.FACE).count();
        int n = o.stats().sampledFrames();
        Finding.Builder b = Finding.info("video.faces");
        if (faces.source().isEmpty()) {
            b.title("Face analysis not run: " + faces.note())
                    .detail("Install the face models (unmask-faces) to find, track and score faces.");
        } else if (o.framesWithFaces() == 0) {
            b.title("Face analysis not applicable: no face in " + n + " sampled frames")
                    .detail("The face detector found no face in any analysed frame, so there is nothing to score.");
        } else {
            b.title(String.format(Locale.ROOT, "%d face track%s in %d of %d analysed frames%s", faceTracks,
                    faceTracks == 1 ? "" : "s", o.framesWithFaces(), n,
                    faces.score().isEmpty() ? "; no face scorer installed, so the faces are not scored" : ""))
                    .detail(String.format(Locale.ROOT, "Faces are linked across frames by box overlap (IoU >= %.2f) or,"
                            + " when they moved further between samples, by centre distance (<= %.2f box diagonals, areas"
                            + " within 2x); a track ends after %d analysed frames unseen. Each track is pooled by the mean of"
                            + " its %d highest frame scores; tracks with fewer than %d scored frames do not count.",
                            settings.iouThreshold(), settings.centreGate(), settings.maxMissed(), settings.topK(), settings.minTrackLength()));
        }
        b.value("face_detector", faces.source().map(s -> s.name()).orElse(null))
                .value("face_scorer", faces.score().map(s -> s.name()).orElse(null))
                .value("face_tracks", faceTracks)
                .value("frames_with_faces", o.framesWithFaces())
                .value("analysed_frames", n)
                .value("frame_detectors", o.frameTracks().stream().map(Track::label).toList())
                .value("tracks_not_listed", Math.max(0, judged.size() - MAX_TRACK_FINDINGS));
        return b.build();
    }

    private Finding track(Judged j) {
        Track t = j.track();
        List<TrackPoint> pts = t.points();
        double[] secs = pts.stream().mapToDouble(p -> round(p.seconds())).toArray();
        double[] scores = pts.stream().mapToDouble(p -> p.scored() ? round(p.score()) : -1).toArray();
        String name = t.kind() == Track.Kind.FACE ? "Face " + t.id() : "Frame detector " + t.label();
        String title = j.pooled().n() == 0
                ? String.format(Locale.ROOT, "%s: %d frames, %.2f-%.2f s, not scored", name, pts.size(), pts.get(0).seconds(), t.last().seconds())
                : String.format(Locale.ROOT, "%s: %d frames, %.2f-%.2f s, top-%d mean %.2f (max %.2f; threshold %.2f): %s", name,
                        pts.size(), pts.get(0).seconds(), t.last().seconds(), j.pooled().k(), j.pooled().topKMean(),
                        j.pooled().max(), j.threshold(), j.verdict());
        Finding.Builder b = Finding.info("video.track").title(title)
                .value("track", t.kind() == Track.Kind.FACE ? t.id() : null)
                .value("kind", t.kind().name().toLowerCase(Locale.ROOT))
                .value("label", t.label())
                .value("frames", pts.size())
                .value("first_s", round(pts.get(0).seconds()))
                .value("last_s", round(t.last().seconds()))
                .value("scored_frames", j.pooled().n())
                .value("top_k", j.pooled().k())
                .value("top_k_mean", round(j.pooled().topKMean()))
                .value("max", round(j.pooled().max()))
                .value("mean", round(j.pooled().mean()))
                .value("threshold", j.threshold())
                .value("verdict", j.verdict())
                .value("counts_toward_video_score", j.eligible())
                .value("seconds", secs)
                .value("scores", scores)
                .detail("Per-frame scores are in 'scores' (-1 where the frame was not scored), at the times in 'seconds'.");
        return b.build();
    }

    private Finding score(Evidence e, List<Judged> scored, List<Judged> all, boolean withSheet) {
        Judged top = scored.get(0);
        double videoScore = top.pooled().topKMean();
        boolean over = videoScore >= top.threshold();
        String what = e == Evidence.SYNTHETIC ? "synthetic" : "manipulated";
        String name = top.track().kind() == Track.Kind.FACE ? "face " + top.track().id() : top.track().label();
        List<TrackPoint> drivers = top.track().points().stream().filter(TrackPoint::scored)
                .sorted(Comparator.comparingDouble(TrackPoint::score).reversed()).limit(top.pooled().k())
                .sorted(Comparator.comparingDouble(TrackPoint::seconds)).toList();
        List<Object> frames = new ArrayList<>();
        for (TrackPoint p : drivers) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seconds", round(p.seconds()));
            m.put("analysed_frame", p.sample());
            m.put("score", round(p.score()));
            frames.add(m);
        }
        String title = over
                ? String.format(Locale.ROOT, "Video score %.2f: %s looks %s (top-%d mean over %d frames, threshold %.2f)",
                        videoScore, name, what, top.pooled().k(), top.pooled().n(), top.threshold())
                : String.format(Locale.ROOT, "Video score %.2f: no track reaches the %s threshold %.2f (highest: %s)",
                        videoScore, what, top.threshold(), name);
        Finding.Builder b = Finding.of("video.score." + what, e, videoScore).title(title)
                .detail("The video's score is the highest top-k mean among the tracks long enough to judge, so one"
                        + " convincingly " + what + " face (or frame-level detection) decides; a few frames where the model"
                        + " misses the manipulation do not dilute it, and a single spike is divided by k. 'driving_frames'"
                        + " are the frames of the deciding track that entered its top-k mean.")
                .value("video_score", round(videoScore))
                .value("threshold", top.threshold())
                .value("verdict", over ? what : "below threshold")
                .value("driving_track", name)
                .value("driving_frames", frames)
                .value("tracks_considered", scored.size());
        List<TimelinePlot.Series> series = new ArrayList<>();
        for (Judged j : all) {
            if (j.evidence() != e || j.pooled().n() == 0) {
                continue;
            }
            List<TrackPoint> pts = j.track().points().stream().filter(TrackPoint::scored).toList();
            String label = (j.track().kind() == Track.Kind.FACE ? "face " + j.track().id() : j.track().label())
                    + String.format(Locale.ROOT, " (top-%d %.2f)", j.pooled().k(), j.pooled().topKMean());
            series.add(new TimelinePlot.Series(label, pts.stream().mapToDouble(TrackPoint::seconds).toArray(),
                    pts.stream().mapToDouble(TrackPoint::score).toArray()));
        }
        double span = Math.max(o.stats().lastSeconds(), 0);
        BufferedImage plot = TimelinePlot.draw(series, span, top.threshold(), "Score per track over time (" + what + ")");
        b.artifact(Artifacts.png("video-timeline-" + what, "Score of each track at each analysed frame; the dashed line is"
                + " the decision threshold.", Artifact.Kind.PLOT, plot));
        BufferedImage sheet = withSheet ? o.suspicious().contactSheet() : null;
        if (sheet != null) {
            b.artifact(Artifacts.jpeg("video-suspicious-frames", "The most suspicious analysed frames, highest first: boxes"
                    + " are faces with their track number and score (red at or above the threshold), with the scorer's"
                    + " heatmap when it gives one.", Artifact.Kind.OVERLAY, sheet));
        }
        return b.build();
    }

    private static Map<String, Object> roundAll(Map<String, Double> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, Math.round(v * 10) / 10.0));
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
