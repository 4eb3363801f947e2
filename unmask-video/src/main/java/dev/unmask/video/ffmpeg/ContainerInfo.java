package dev.unmask.video.ffmpeg;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a video container declares: format, duration, bit rate, tags and streams.
 *
 * @param format FFmpeg's demuxer name, e.g. {@code mov,mp4,m4a,3gp,3g2,mj2}
 * @param formatName the demuxer's long name, e.g. {@code QuickTime / MOV}
 * @param durationSeconds the container's duration, or -1 when unknown
 * @param bitRate overall bits per second, or 0 when unknown
 * @param metadata the container's tags (bounded)
 * @param streams every stream
 * @param probeProblem why FFmpeg's stream probing failed, or empty (the header information is then all there is)
 */
public record ContainerInfo(String format, String formatName, double durationSeconds, long bitRate,
                            Map<String, String> metadata, List<StreamInfo> streams, String probeProblem) {
    /** Freezes the collections. */
    public ContainerInfo {
        metadata = Map.copyOf(metadata);
        streams = List.copyOf(streams);
    }

    /** The first moving-picture stream. */
    public Optional<StreamInfo> video() {
        return streams.stream().filter(StreamInfo::isVideo).findFirst();
    }

    /** The first audio stream. */
    public Optional<StreamInfo> audio() {
        return streams.stream().filter(StreamInfo::isAudio).findFirst();
    }

    /** The video duration to use: the video stream's, else the container's (-1 when neither is known). */
    public double videoDurationSeconds() {
        double d = video().map(StreamInfo::durationSeconds).orElse(-1.0);
        return d > 0 ? d : durationSeconds;
    }
}
