package dev.unmask.video;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_FFV1;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MJPEG;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG4;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_OPUS;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_VP8;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P;

import dev.unmask.video.ffmpeg.FfmpegRuntime;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Writes small test videos with FFmpeg's encoders (JavaCV's recorder; no ffmpeg program needed): a grey scene with
 * coloured squares. The test face source ({@link SquareFaceModels}) finds the blue squares as "faces" and scores them
 * by their red content, so a magenta square is a "manipulated face" and a pure blue one a "real face".
 */
public final class SyntheticVideos {
    /** Colour of a "real" face. */
    public static final Color REAL_FACE = new Color(0, 0, 255);
    /** Colour of a "manipulated" face (score about 0.9). */
    public static final Color FAKE_FACE = new Color(230, 0, 255);
    /** A square that is not a face. */
    public static final Color NOT_A_FACE = new Color(0, 200, 0);

    /** A container and codecs to write. */
    public enum Kind {
        /** MP4, H.264 (OpenH264), AAC audio. */
        MP4_H264_AAC("mp4", AV_CODEC_ID_H264, "libopenh264", true),
        /** MP4, MPEG-4 part 2, no audio. */
        MP4_MPEG4("mp4", AV_CODEC_ID_MPEG4, null, false),
        /** QuickTime, MPEG-4 part 2, no audio. */
        MOV_MPEG4("mov", AV_CODEC_ID_MPEG4, null, false),
        /** WebM, VP8, Opus audio. */
        WEBM_VP8_OPUS("webm", AV_CODEC_ID_VP8, null, true),
        /** AVI, Motion JPEG, no audio. */
        AVI_MJPEG("avi", AV_CODEC_ID_MJPEG, null, false),
        /** Matroska, FFV1 (lossless), Opus audio. */
        MKV_FFV1("matroska", AV_CODEC_ID_FFV1, null, true);

        final String format;
        final int codec;
        final String codecName;
        final boolean audio;

        Kind(String format, int codec, String codecName, boolean audio) {
            this.format = format;
            this.codec = codec;
            this.codecName = codecName;
            this.audio = audio;
        }
    }

    /**
     * A square drawn into frame i at ({@code x0 + dx * i}, {@code y}).
     *
     * @param colourAt the square's colour in frame i (null: not drawn in that frame)
     */
    public record Square(int x0, int dx, int y, int size, IntFunction<Color> colourAt) {
        /** A square of one colour in every frame. */
        public static Square of(int x0, int dx, int y, int size, Color c) {
            return new Square(x0, dx, y, size, i -> c);
        }
    }

    private SyntheticVideos() {}

    /**
     * Writes a video.
     *
     * @param rotation display rotation written as the display matrix (counter-clockwise degrees, as FFmpeg's
     *     {@code av_display_rotation_set}); 0 writes none
     */
    public static Path write(Path file, Kind kind, int width, int height, int frames, double fps, double rotation,
                             List<Square> squares) throws Exception {
        FfmpegRuntime.ensureLoaded();
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), width, height, kind.audio ? 1 : 0);
             Java2DFrameConverter conv = new Java2DFrameConverter()) {
            r.setFormat(kind.format);
            r.setFrameRate(fps);
            if (kind.codecName != null) {
                r.setVideoCodecName(kind.codecName);
            } else {
                r.setVideoCodec(kind.codec);
            }
            r.setPixelFormat(kind.codec == AV_CODEC_ID_MJPEG ? AV_PIX_FMT_YUVJ420P : AV_PIX_FMT_YUV420P);
            r.setVideoBitrate(1_500_000);
            r.setGopSize(10);
            if (kind.codec == AV_CODEC_ID_VP8) {
                r.setVideoOption("deadline", "realtime");
                r.setVideoOption("cpu-used", "8");
            }
            if (kind.audio) {
                r.setAudioCodec(kind == Kind.MP4_H264_AAC ? AV_CODEC_ID_AAC : AV_CODEC_ID_OPUS);
                r.setSampleRate(48_000);
                r.setAudioChannels(1);
            }
            if (rotation != 0) {
                r.setDisplayRotation(rotation);
            }
            r.start();
            int samplesPerFrame = (int) Math.round(48_000 / fps);
            for (int i = 0; i < frames; i++) {
                r.record(conv.convert(scene(width, height, i, squares)));
                if (kind.audio) {
                    ShortBuffer pcm = ShortBuffer.allocate(samplesPerFrame);
                    for (int k = 0; k < samplesPerFrame; k++) {
                        pcm.put((short) (2000 * Math.sin((i * samplesPerFrame + k) * 0.06)));
                    }
                    pcm.flip();
                    r.recordSamples(48_000, 1, pcm);
                }
            }
            r.stop();
        }
        return file;
    }

    /** Frame i of the scene, as the encoder receives it (3-byte BGR). */
    public static BufferedImage scene(int width, int height, int i, List<Square> squares) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(new Color(128, 128, 128));
            g.fillRect(0, 0, width, height);
            for (Square s : squares) {
                Color c = s.colourAt().apply(i);
                if (c != null) {
                    g.setColor(c);
                    g.fillRect(s.x0() + s.dx() * i, s.y(), s.size(), s.size());
                }
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    /** A 2-second 25 fps 320x240 video with one moving "manipulated" face and one still "real" face. */
    public static Path twoFaces(Path file, Kind kind) throws Exception {
        return write(file, kind, 320, 240, 50, 25, 0, List.of(
                Square.of(20, 2, 40, 56, FAKE_FACE),
                Square.of(220, 0, 140, 56, REAL_FACE)));
    }

    /** A 2-second 25 fps 320x240 video without faces: a green square moves over grey. */
    public static Path noFaces(Path file, Kind kind) throws Exception {
        return write(file, kind, 320, 240, 50, 25, 0, List.of(Square.of(20, 3, 80, 50, NOT_A_FACE)));
    }
}
