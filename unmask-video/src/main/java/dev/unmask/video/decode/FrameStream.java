package dev.unmask.video.decode;

import dev.unmask.video.ffmpeg.FfmpegRuntime;
import dev.unmask.video.ffmpeg.StreamInfo;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Streams the analysed frames of one video: decodes frame by frame with FFmpeg (JavaCV's
 * {@link FFmpegFrameGrabber}), keeps only the frames the {@link Sampling} picks, converts just those to RGB (reduced to
 * the analysis size by FFmpeg's scaler, turned upright), and stops at the frame, duration or decode limits. Memory is
 * bounded: one decoded frame and one converted frame at a time. Frames over the guard's pixel limit are refused inside
 * the decoder ({@code max_pixels}), so a stream cannot grow mid-way past the limit. Not thread-safe: one per analysis.
 */
public final class FrameStream implements AutoCloseable {
    /** Why the stream ended. */
    public enum Stop {
        /** The end of the video stream (or of the readable part of it). */
        END,
        /** The analysed-frame limit was reached. */
        MAX_FRAMES,
        /** The analysed-duration limit was reached. */
        MAX_DURATION,
        /** The decoded-frame cap (duration limit &times; 240 frames per second) was reached. */
        DECODE_CAP
    }

    /**
     * What the decoding saw.
     *
     * @param decodedFrames frames decoded (in key-frame mode, key frames decoded)
     * @param sampledFrames frames handed out
     * @param lastSeconds presentation time of the last decoded frame, or -1 when none decoded
     * @param stop why decoding ended (null while running)
     * @param ffmpegErrors FFmpeg's error messages during decoding (at most 50)
     */
    public record Stats(long decodedFrames, int sampledFrames, double lastSeconds, Stop stop, List<String> ffmpegErrors) {}

    /**
     * How to decode.
     *
     * @param sampling which frames to hand out
     * @param maxFrames most frames handed out
     * @param maxSeconds most presentation time decoded
     * @param maxSide longest side of the handed-out frames (larger frames are reduced by FFmpeg's scaler)
     * @param decodeThreads FFmpeg decoder threads (1 keeps FFmpeg's error messages attributable to this video)
     * @param maxPixels the guard's pixel limit for one frame ({@code max-pixels}); the decoder refuses larger frames
     */
    public record Options(Sampling sampling, int maxFrames, double maxSeconds, int maxSide, int decodeThreads, long maxPixels) {}

    private static final double MAX_FPS = 240;
    private final FFmpegFrameGrabber grabber;
    private final FfmpegRuntime.Capture log;
    private final Options options;
    private final int rotationCw;
    private final double frameStep;
    private final long decodeCap;
    private long decoded;
    private int sampled;
    private long firstMicros = Long.MIN_VALUE;
    private double lastSeconds = -1;
    private double nextSample;
    private Stop stop;

    /**
     * Opens the video stream {@code video} of the container in {@code bytes}.
     *
     * @throws FrameGrabber.Exception when FFmpeg cannot open the stream for decoding
     */
    public FrameStream(byte[] bytes, StreamInfo video, Options options) throws FrameGrabber.Exception {
        FfmpegRuntime.ensureLoaded();
        this.options = options;
        this.rotationCw = video.rotationCw();
        this.frameStep = 1.0 / (video.fps() > 0 && video.fps() <= 1000 ? video.fps() : 30);
        this.decodeCap = (long) Math.ceil(options.maxSeconds() * MAX_FPS);
        this.log = FfmpegRuntime.capture();
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(new ByteArrayInputStream(bytes), Integer.MAX_VALUE - 8);
        g.setVideoStream(video.index());
        g.setAudioStream(Integer.MAX_VALUE); // no audio decoder: an exotic audio codec must not stop the video
        int w = video.width();
        int h = video.height();
        double scale = Math.min(1.0, options.maxSide() / (double) Math.max(w, h));
        if (scale < 1) {
            g.setImageWidth(Math.max(2, (int) Math.round(w * scale)));
            g.setImageHeight(Math.max(2, (int) Math.round(h * scale)));
        }
        g.setPixelFormat(avutil.AV_PIX_FMT_BGR0); // 0x00RRGGBB as little-endian ints: see FrameImages
        g.setVideoOption("threads", Integer.toString(options.decodeThreads()));
        // decoders allocate aligned frames (720x1280 H.264 asks for 768x1280): allow that padding over the probed size
        long padded = (w + 256L) * (h + 256L);
        g.setVideoOption("max_pixels", Long.toString(Math.min(Integer.MAX_VALUE, Math.max(options.maxPixels(), padded))));
        try {
            g.start(false); // the stream was probed already, with the pixel guard
        } catch (FrameGrabber.Exception | RuntimeException e) {
            log.close();
            try {
                g.release();
            } catch (FrameGrabber.Exception ignored) {
                // the open failure is the error to report
            }
            throw e;
        }
        this.grabber = g;
    }

    /**
     * The next analysed frame, or null when the stream ends or a limit is reached ({@link #stats()} says which).
     *
     * @throws FrameGrabber.Exception when FFmpeg fails outside decoding (reading the container)
     */
    public SampledFrame next() throws FrameGrabber.Exception {
        if (stop != null) {
            return null;
        }
        if (sampled >= options.maxFrames()) {
            stop = Stop.MAX_FRAMES;
            return null;
        }
        boolean keyOnly = options.sampling().mode() == Sampling.Mode.KEYFRAMES;
        while (true) {
            if (decoded >= decodeCap) {
                stop = Stop.DECODE_CAP;
                return null;
            }
            boolean convert = due(decoded, lastSeconds + frameStep);
            Frame f = grabber.grabFrame(false, true, convert, keyOnly, false);
            if (f == null || f.image == null) {
                stop = Stop.END;
                return null;
            }
            long index = decoded++;
            double t = seconds(f.timestamp, index);
            lastSeconds = t;
            if (t > options.maxSeconds()) {
                stop = Stop.MAX_DURATION;
                return null;
            }
            if (!convert || !due(index, t)) {
                continue;
            }
            if (options.sampling().mode() == Sampling.Mode.FPS) {
                double step = 1.0 / options.sampling().value();
                while (nextSample <= t + frameStep / 4) {
                    nextSample += step;
                }
            }
            return new SampledFrame(sampled++, index, t, f.keyFrame, FrameImages.uprightRgb(f, rotationCw));
        }
    }

    /** Whether frame {@code index} at time {@code t} is to be analysed. */
    private boolean due(long index, double t) {
        return switch (options.sampling().mode()) {
            case EVERY -> index % (long) options.sampling().value() == 0;
            case FPS -> index == 0 || t >= nextSample - frameStep / 4;
            case KEYFRAMES -> true;
        };
    }

    /** Presentation time from the first frame; falls back to the frame count when timestamps are missing or go backwards by a lot. */
    private double seconds(long micros, long index) {
        if (firstMicros == Long.MIN_VALUE) {
            firstMicros = micros;
        }
        double t = (micros - firstMicros) / 1e6;
        if (!Double.isFinite(t) || t < 0 || t > lastSeconds + 3600 && lastSeconds >= 0) {
            return index * frameStep;
        }
        return t;
    }

    /** What the decoding saw so far. */
    public Stats stats() {
        return new Stats(decoded, sampled, lastSeconds, stop, log.messages());
    }

    @Override
    public void close() {
        log.close();
        try {
            grabber.release();
        } catch (FrameGrabber.Exception e) {
            // releasing native memory cannot be retried; nothing else to do
        }
    }
}
