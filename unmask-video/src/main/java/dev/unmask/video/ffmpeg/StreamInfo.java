package dev.unmask.video.ffmpeg;

import java.util.Map;

/**
 * One stream of a container, as declared by the container and refined by FFmpeg's stream probing.
 *
 * @param index stream index in the container
 * @param type {@code video}, {@code audio}, {@code subtitle}, {@code data}, {@code attachment} or {@code unknown}
 * @param codec FFmpeg's codec name ({@code h264}, {@code vp8}, ...), or {@code none} when FFmpeg does not know it
 * @param fourcc the container's codec tag as four printable characters, or empty
 * @param decodable whether the bundled FFmpeg has a decoder for the codec
 * @param width frame width in pixels (video), else 0
 * @param height frame height in pixels (video), else 0
 * @param pixelFormat FFmpeg's pixel format name (video), or empty
 * @param fps average frame rate (video), or 0 when unknown
 * @param frames number of frames the container declares, or 0 when it does not say
 * @param durationSeconds the stream's duration, or -1 when unknown
 * @param rotationCw degrees (0, 90, 180, 270) the frames are turned clockwise for display, from the display matrix
 *     or the legacy {@code rotate} tag
 * @param bitRate bits per second, or 0 when unknown
 * @param sampleRate audio samples per second, else 0
 * @param channels audio channels, else 0
 * @param coverArt whether this video stream is an attached picture (album art), not moving video
 * @param metadata the stream's tags (bounded)
 */
public record StreamInfo(int index, String type, String codec, String fourcc, boolean decodable, int width, int height,
                         String pixelFormat, double fps, long frames, double durationSeconds, int rotationCw,
                         long bitRate, int sampleRate, int channels, boolean coverArt, Map<String, String> metadata) {
    /** Freezes the metadata. */
    public StreamInfo {
        metadata = Map.copyOf(metadata);
    }

    /** Whether this is a moving-picture stream (video, not cover art). */
    public boolean isVideo() {
        return "video".equals(type) && !coverArt;
    }

    /** Whether this is an audio stream. */
    public boolean isAudio() {
        return "audio".equals(type);
    }
}
