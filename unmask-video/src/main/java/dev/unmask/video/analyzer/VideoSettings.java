package dev.unmask.video.analyzer;

import dev.unmask.api.AnalyzerOptions;
import dev.unmask.api.detector.InstalledModels;
import dev.unmask.video.decode.Sampling;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The video analyzer's settings ({@code --set video.KEY=VALUE}), validated.
 *
 * @param sampling which frames are analysed: {@code every:K}, {@code fps:N} or {@code keyframes}
 * @param maxFrames most frames analysed per video
 * @param maxSeconds most seconds of video decoded (the rest is not examined, and the result says so)
 * @param maxSide longest side of an analysed frame; larger frames are reduced by FFmpeg's scaler
 * @param decodeThreads FFmpeg decoder threads per video, 0 for FFmpeg's choice (1, the default, keeps FFmpeg's error
 *     messages attributable to the video; files already run in parallel)
 * @param maxFaces most faces per frame followed (the largest)
 * @param iouThreshold box overlap that links a face to a track
 * @param centreGate centre distance, in box diagonals, that links a face to a track without overlap
 * @param maxMissed analysed frames a track may go unseen before it ends
 * @param topK frames pooled per track by the top-k mean
 * @param minTrackLength scored frames a track needs to count toward the video's score (lowered to the number of
 *     analysed frames for very short videos)
 * @param faces face models: {@code auto}, {@code none}, or a provider id
 * @param detectors frame-level detector model folders, each scored on whole frames
 * @param thumbnails most suspicious frames shown in the contact sheet
 */
public record VideoSettings(Sampling sampling, int maxFrames, double maxSeconds, int maxSide, int decodeThreads,
                            int maxFaces, double iouThreshold, double centreGate, int maxMissed, int topK,
                            int minTrackLength, String faces, List<Path> detectors, int thumbnails) {
    /** Freezes the detector list. */
    public VideoSettings {
        detectors = List.copyOf(detectors);
    }

    /** Reads and validates the options. */
    public static VideoSettings from(AnalyzerOptions o) {
        Sampling sampling;
        String s = o.getString("sampling", "fps:2");
        try {
            sampling = Sampling.parse(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("option video.sampling=" + s + " is invalid: " + e.getMessage());
        }
        List<Path> detectors = new ArrayList<>();
        for (String p : o.getString("detectors", "").split(",")) {
            if (!p.isBlank()) {
                detectors.add(InstalledModels.resolve(p, VideoSettings.class));
            }
        }
        String faces = o.getString("faces", "auto").trim();
        if (faces.isEmpty()) {
            throw new IllegalArgumentException("option video.faces= is invalid: expected auto, none or a face model provider id");
        }
        return new VideoSettings(sampling,
                o.getInt("max-frames", 300, 1, 100_000),
                o.getDouble("max-seconds", 600, 1, 86_400),
                o.getInt("max-side", 1280, 64, 8192),
                o.getInt("decode-threads", 1, 0, 16),
                o.getInt("max-faces", 8, 1, 64),
                o.getDouble("iou", 0.3, 0.01, 0.99),
                o.getDouble("centre-gate", 1.0, 0, 10),
                o.getInt("max-missed", 5, 0, 1000),
                o.getInt("top-k", 5, 1, 1000),
                o.getInt("min-track", 3, 1, 10_000),
                faces, detectors,
                o.getInt("thumbnails", 6, 0, 24));
    }
}
