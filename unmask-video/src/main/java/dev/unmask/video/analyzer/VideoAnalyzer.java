package dev.unmask.video.analyzer;

import dev.unmask.api.Analyzer;
import dev.unmask.api.AnalyzerInfo;
import dev.unmask.api.AnalyzerOptions;
import dev.unmask.api.AnalyzerResult;
import dev.unmask.api.Media;
import dev.unmask.api.MediaException;
import dev.unmask.api.MediaType;
import dev.unmask.video.format.VideoFormats;

/**
 * The {@code video} analyzer: container metadata of MP4, MOV, WebM, MKV and AVI files; streaming decoding of sampled
 * frames with FFmpeg; face detection, tracking and scoring with the installed face models
 * ({@link dev.unmask.video.faces.FaceModelProvider}) and optional frame-level detector models; per-frame, per-track and
 * per-video scores pooled robustly ({@link dev.unmask.video.track.TemporalAggregation}); a timeline plot, a contact
 * sheet of the most suspicious frames and a first-frame preview.
 *
 * <p>Stateless after {@link #init} (the face models and detectors are thread-safe), so videos are analysed in
 * parallel. Bad input never throws: a container FFmpeg cannot read, a codec it cannot decode or a stream without a
 * decodable frame becomes a failed result naming the problem; a file without a video stream is not applicable;
 * absurd frame sizes are refused by the central guard ({@link VideoContainerGuard}) before this analyzer runs.
 */
public final class VideoAnalyzer implements Analyzer {
    private static final AnalyzerInfo INFO = new AnalyzerInfo("video", "Video frames, faces and tracks", "0.1",
            "Video container metadata (format, duration, codecs, frame rate, rotation, audio), streaming frame sampling"
                    + " (every k-th, N per second, or key frames), face tracks across frames with per-frame, per-track"
                    + " (top-k mean) and per-video (max over tracks) scores from the installed face models or frame-level"
                    + " detectors, timeline plot and the most suspicious frames.");

    private volatile VideoSettings settings;
    private volatile FaceModels faces = FaceModels.none("the analyzer was not initialised");
    private volatile FrameDetectors detectors;

    /** Creates the analyzer; models load in {@link #init}. */
    public VideoAnalyzer() {
        // models load in init
    }

    @Override
    public AnalyzerInfo info() {
        return INFO;
    }

    @Override
    public void init(AnalyzerOptions options) {
        VideoSettings s = VideoSettings.from(options);
        FaceModels f = FaceModels.load(s.faces());
        FrameDetectors d;
        try {
            d = FrameDetectors.open(s.detectors());
        } catch (IllegalArgumentException e) {
            f.close();
            throw e;
        }
        close();
        this.settings = s;
        this.faces = f;
        this.detectors = d;
    }

    /** Needs decoded frames: when the central guard refuses a video, this analyzer is reported as not run. */
    @Override
    public boolean needsPixels() {
        return true;
    }

    @Override
    public boolean supports(MediaType type) {
        return VideoFormats.ALL.contains(type);
    }

    @Override
    public AnalyzerResult analyze(Media media) throws MediaException {
        VideoSettings s = settings;
        if (s == null) {
            throw new IllegalStateException("init was not called");
        }
        if (!supports(media.type())) {
            return AnalyzerResult.notApplicable("not a video container (" + media.type().id() + ")");
        }
        return new VideoAnalysis(s, faces, detectors).run(media);
    }

    @Override
    public synchronized void close() {
        FaceModels f = faces;
        FrameDetectors d = detectors;
        faces = FaceModels.none("the analyzer was closed"); // a second close must not close the sessions again
        detectors = null;
        if (f != null) {
            f.close();
        }
        if (d != null) {
            d.close();
        }
    }
}
