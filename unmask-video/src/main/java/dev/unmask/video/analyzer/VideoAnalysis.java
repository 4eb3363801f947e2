package dev.unmask.video.analyzer;

import dev.unmask.api.AnalyzerResult;
import dev.unmask.api.Artifact;
import dev.unmask.api.Evidence;
import dev.unmask.api.Finding;
import dev.unmask.api.Media;
import dev.unmask.api.MediaException;
import dev.unmask.core.imaging.Artifacts;
import dev.unmask.core.imaging.Scaling;
import dev.unmask.core.media.LoadedMedia;
import dev.unmask.core.media.MediaLimits;
import dev.unmask.core.media.MediaProgress;
import dev.unmask.video.decode.FrameStream;
import dev.unmask.video.decode.SampledFrame;
import dev.unmask.video.faces.FaceAssessment;
import dev.unmask.video.faces.FaceBox;
import dev.unmask.video.ffmpeg.ContainerInfo;
import dev.unmask.video.ffmpeg.ContainerProbe;
import dev.unmask.video.ffmpeg.FfmpegRuntime;
import dev.unmask.video.ffmpeg.FrameLimits;
import dev.unmask.video.ffmpeg.StreamInfo;
import dev.unmask.video.ffmpeg.VideoException;
import dev.unmask.video.report.SuspiciousFrames;
import dev.unmask.video.track.FaceTracker;
import dev.unmask.video.track.Track;
import dev.unmask.video.track.TrackPoint;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bytedeco.javacv.FrameGrabber;

/**
 * One video's analysis: probe, stream the sampled frames through the face models and frame detectors, track faces,
 * and hand everything to {@link VideoFindings}. Created per call of {@link VideoAnalyzer#analyze}; not shared.
 */
final class VideoAnalysis {
    private static final int MAX_ERRORS_KEPT = 5;

    private final VideoSettings settings;
    private final FaceModels faces;
    private final FrameDetectors detectors;

    /** What the frame loop produced, for {@link VideoFindings}. */
    record Outcome(ContainerInfo info, StreamInfo video, FrameStream.Stats stats, List<Track> faceTracks,
                   List<Track> frameTracks, Map<Integer, Evidence> frameTrackEvidence, Map<Integer, Double> thresholds,
                   int framesWithFaces, List<String> modelErrors, Map<String, Double> timingMs, SuspiciousFrames suspicious) {}

    VideoAnalysis(VideoSettings settings, FaceModels faces, FrameDetectors detectors) {
        this.settings = settings;
        this.faces = faces;
        this.detectors = detectors;
    }

    AnalyzerResult run(Media media) throws MediaException {
        try {
            FfmpegRuntime.ensureLoaded();
        } catch (IllegalStateException e) {
            return AnalyzerResult.failed(e.getMessage());
        }
        byte[] bytes = media.bytes();
        MediaLimits limits = media instanceof LoadedMedia lm ? lm.limits() : MediaLimits.DEFAULT;
        ContainerInfo info;
        try {
            info = ContainerProbe.probe(bytes, FrameLimits.from(limits));
        } catch (VideoException e) {
            return AnalyzerResult.failed(e.getMessage());
        }
        Optional<StreamInfo> v = info.video();
        if (v.isEmpty()) {
            Finding container = VideoFindings.container(info, null);
            return new AnalyzerResult(AnalyzerResult.Status.NOT_APPLICABLE, VideoFindings.noVideoReason(info),
                    List.of(container), Map.of());
        }
        StreamInfo video = v.get();
        if (!video.decodable()) {
            return new AnalyzerResult(AnalyzerResult.Status.FAILED, VideoFindings.undecodableReason(video),
                    List.of(VideoFindings.container(info, null)), Map.of());
        }
        FrameStream.Options options = new FrameStream.Options(settings.sampling(), settings.maxFrames(),
                settings.maxSeconds(), settings.maxSide(), settings.decodeThreads(), FrameLimits.from(limits).maxPixels());
        try (FrameStream stream = new FrameStream(bytes, video, options)) {
            return frames(media, info, video, stream);
        } catch (FrameGrabber.Exception e) {
            return new AnalyzerResult(AnalyzerResult.Status.FAILED, "FFmpeg cannot decode the " + video.codec()
                    + " video stream: " + e.getMessage(), List.of(VideoFindings.container(info, null)), Map.of());
        }
    }

    private AnalyzerResult frames(Media media, ContainerInfo info, StreamInfo video, FrameStream stream) throws FrameGrabber.Exception {
        MediaProgress progress = MediaProgress.of(media);
        double span = info.videoDurationSeconds() > 0 ? Math.min(info.videoDurationSeconds(), settings.maxSeconds()) : 0;
        long expected = Math.min(settings.maxFrames(), settings.sampling().expected(span, video.fps()));
        FaceTracker tracker = new FaceTracker(new FaceTracker.Settings(settings.iouThreshold(), settings.centreGate(), settings.maxMissed()));
        double faceThreshold = faces.score().map(s -> s.threshold()).orElse(0.5);
        SuspiciousFrames suspicious = new SuspiciousFrames(settings.thumbnails(), faceThreshold);
        List<Track> frameTracks = new ArrayList<>();
        Map<Integer, Evidence> evidence = new LinkedHashMap<>();
        Map<Integer, Double> thresholds = new LinkedHashMap<>();
        for (FrameDetectors.Loaded d : detectors.loaded()) {
            Track t = new Track(1000 + frameTracks.size() + 1, Track.Kind.FRAME, d.name());
            frameTracks.add(t);
            evidence.put(t.id(), d.evidence());
            thresholds.put(t.id(), d.detector().descriptor().threshold());
        }
        List<String> errors = new ArrayList<>();
        long[] nanos = new long[4]; // decode+convert, face detection, face scoring, frame detectors
        int withFaces = 0;
        Artifact preview = null;
        while (true) {
            long t0 = System.nanoTime();
            SampledFrame f = stream.next();
            nanos[0] += System.nanoTime() - t0;
            if (f == null) {
                break;
            }
            BufferedImage img = f.image();
            if (preview == null) {
                preview = Artifacts.jpeg("video-first-frame", "The first decoded frame, upright (reduced).",
                        Artifact.Kind.IMAGE, Scaling.fitWithin(img, Scaling.PREVIEW_SIDE));
            }
            List<SuspiciousFrames.Face> drawn = new ArrayList<>();
            double frameScore = Double.NaN;
            if (faces.source().isPresent()) {
                List<FaceTracker.Observation> obs = new ArrayList<>();
                List<FaceAssessment> assessments = new ArrayList<>();
                for (FaceBox box : findFaces(img, errors, nanos)) {
                    FaceAssessment a = assess(img, box, errors, nanos);
                    obs.add(new FaceTracker.Observation(box, a == null ? Double.NaN : a.probabilityFake()));
                    assessments.add(a);
                }
                withFaces += obs.isEmpty() ? 0 : 1;
                List<Track> joined = tracker.update(f.sample(), f.seconds(), obs);
                for (int i = 0; i < obs.size(); i++) {
                    double s = obs.get(i).score();
                    frameScore = max(frameScore, s);
                    drawn.add(new SuspiciousFrames.Face(obs.get(i).box(), joined.get(i).id(), s,
                            assessments.get(i) == null ? null : assessments.get(i).heatmap()));
                }
            }
            long t3 = System.nanoTime();
            for (int i = 0; i < frameTracks.size(); i++) {
                double p = detect(detectors.loaded().get(i), img, errors);
                frameTracks.get(i).add(new TrackPoint(f.sample(), f.seconds(), null, p));
                frameScore = max(frameScore, p);
            }
            nanos[3] += System.nanoTime() - t3;
            suspicious.offer(f.sample(), f.seconds(), frameScore, img, drawn);
            report(progress, f.sample() + 1L, Math.max(expected, f.sample() + 1L));
        }
        FrameStream.Stats stats = stream.stats();
        if (stats.sampledFrames() == 0) {
            String why = VideoFindings.noFramesReason(info, video, stats);
            return new AnalyzerResult(AnalyzerResult.Status.FAILED, why, List.of(VideoFindings.container(info, null)), Map.of());
        }
        Map<String, Double> timing = new LinkedHashMap<>();
        timing.put("decode", nanos[0] / 1e6);
        timing.put("face_detection", nanos[1] / 1e6);
        timing.put("face_scoring", nanos[2] / 1e6);
        timing.put("frame_detectors", nanos[3] / 1e6);
        List<Track> faceTracks = tracker.tracks();
        faceTracks.forEach(t -> thresholds.put(t.id(), faceThreshold));
        Outcome o = new Outcome(info, video, stats, faceTracks, frameTracks, evidence, thresholds, withFaces,
                errors, timing, suspicious);
        return new VideoFindings(settings, faces, o, preview).result();
    }

    /** The faces of one frame, largest first, at most {@code max-faces}; a failure counts as no face. */
    private List<FaceBox> findFaces(BufferedImage img, List<String> errors, long[] nanos) {
        long t0 = System.nanoTime();
        try {
            List<FaceBox> found = new ArrayList<>(faces.source().orElseThrow().find(img));
            found.sort(Comparator.comparingDouble(FaceBox::area).reversed());
            return found.subList(0, Math.min(found.size(), settings.maxFaces()));
        } catch (Exception | LinkageError e) {
            note(errors, "face detection failed: " + e);
            return List.of();
        } finally {
            nanos[1] += System.nanoTime() - t0;
        }
    }

    private FaceAssessment assess(BufferedImage img, FaceBox box, List<String> errors, long[] nanos) {
        if (faces.score().isEmpty()) {
            return null;
        }
        long t0 = System.nanoTime();
        try {
            return faces.score().get().assess(img, box);
        } catch (Exception | LinkageError e) {
            note(errors, "face scoring failed: " + e);
            return null;
        } finally {
            nanos[2] += System.nanoTime() - t0;
        }
    }

    private static double detect(FrameDetectors.Loaded d, BufferedImage img, List<String> errors) {
        try {
            double p = d.detector().probabilityFake(img);
            return p >= 0 && p <= 1 ? p : Double.NaN;
        } catch (Exception | LinkageError e) {
            note(errors, d.name() + " failed: " + e);
            return Double.NaN;
        }
    }

    private static void note(List<String> errors, String message) {
        if (errors.size() < MAX_ERRORS_KEPT) {
            errors.add(message);
        }
    }

    private static double max(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
    }

    /** Progress is for display only: a failing listener must not fail the analysis. */
    private static void report(MediaProgress p, long done, long total) {
        try {
            p.update(done, total, "frames");
        } catch (RuntimeException e) {
            // ignored: display only
        }
    }
}
