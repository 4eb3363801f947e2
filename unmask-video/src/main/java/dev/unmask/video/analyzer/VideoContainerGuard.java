package dev.unmask.video.analyzer;

import dev.unmask.api.MediaException;
import dev.unmask.api.MediaType;
import dev.unmask.core.media.ContainerGuard;
import dev.unmask.core.media.MediaLimits;
import dev.unmask.core.media.StructureGuard;
import dev.unmask.video.ffmpeg.ContainerInfo;
import dev.unmask.video.ffmpeg.ContainerProbe;
import dev.unmask.video.ffmpeg.FfmpegRuntime;
import dev.unmask.video.ffmpeg.FrameLimits;
import dev.unmask.video.ffmpeg.StreamInfo;
import dev.unmask.video.ffmpeg.TopLevelBoxes;
import dev.unmask.video.ffmpeg.VideoException;
import dev.unmask.video.format.VideoFormats;
import java.util.Locale;
import java.util.Optional;

/**
 * The central guard's check for video containers ({@link ContainerGuard}): FFmpeg reads the container header, and the
 * file is refused, before anything decodes a frame, when FFmpeg cannot read it ({@code truncated} or
 * {@code decode_failed}, with FFmpeg's own words; for MP4 and MOV also the top-level box that runs past the end of
 * the file, see {@link TopLevelBoxes}), when a video stream declares a frame size over the run's limits
 * ({@code bad_dimensions}, {@code too_many_pixels}; {@code --limit max-pixels}, {@code max-dimension}), or when the
 * video codec has no decoder ({@code unsupported_format}). A container without a video stream passes: it is a valid
 * file to which the video analysis does not apply. Thread-safe.
 */
public final class VideoContainerGuard implements ContainerGuard {
    @Override
    public boolean handles(MediaType type) {
        return VideoFormats.ALL.contains(type);
    }

    @Override
    public StructureGuard.Structure check(MediaType type, byte[] bytes, MediaLimits limits) throws MediaException {
        try {
            FfmpegRuntime.ensureLoaded();
        } catch (IllegalStateException e) {
            // no FFmpeg on this platform: nothing will decode the frames, so there is nothing to guard; the video
            // analyzer reports why it cannot run, and container readers (provenance) still examine the file
            return new StructureGuard.Structure(0, 0, 0);
        }
        boolean bmff = MediaType.MP4.equals(type) || MediaType.MOV.equals(type);
        Optional<String> cut = bmff ? TopLevelBoxes.truncation(bytes) : Optional.empty();
        ContainerInfo info;
        try {
            info = ContainerProbe.probe(bytes, FrameLimits.from(limits));
        } catch (VideoException e) {
            if (cut.isPresent() && e.code().equals(VideoException.OPEN_FAILED)) {
                throw new MediaException(MediaException.TRUNCATED, "the file is truncated: " + cut.get() + "; " + e.getMessage(), e);
            }
            throw new MediaException(code(e), e.getMessage(), e);
        }
        Optional<StreamInfo> video = info.video();
        if (video.isEmpty()) {
            if (cut.isPresent()) {
                // a cut inside the movie header leaves FFmpeg a partial stream list: say what happened instead
                throw new MediaException(MediaException.TRUNCATED, "the file is truncated: " + cut.get()
                        + "; FFmpeg finds no video stream in what remains");
            }
            return new StructureGuard.Structure(0, 0, 0);
        }
        StreamInfo v = video.get();
        if (!v.decodable()) {
            throw new MediaException(MediaException.UNSUPPORTED_FORMAT, VideoFindings.undecodableReason(v));
        }
        boolean quarter = v.rotationCw() == 90 || v.rotationCw() == 270;
        return new StructureGuard.Structure(quarter ? v.height() : v.width(), quarter ? v.width() : v.height(), 0);
    }

    private static String code(VideoException e) {
        return switch (e.code()) {
            case VideoException.BAD_DIMENSIONS -> MediaException.BAD_DIMENSIONS;
            case VideoException.TOO_MANY_PIXELS -> MediaException.TOO_MANY_PIXELS;
            case VideoException.OPEN_FAILED -> looksTruncated(e.getMessage()) ? MediaException.TRUNCATED : MediaException.DECODE_FAILED;
            default -> MediaException.DECODE_FAILED;
        };
    }

    /** FFmpeg's messages for a file that ends too early. */
    private static boolean looksTruncated(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("end of file") || m.contains("moov atom not found") || m.contains("truncat");
    }
}
