package dev.unmask.video.ffmpeg;

/**
 * A video that cannot be analysed, with a stable code and a specific message (which names the problem, never
 * only "error").
 */
public final class VideoException extends Exception {
    private static final long serialVersionUID = 1L;

    /** FFmpeg cannot open the container (truncated or corrupt header, not really this format). */
    public static final String OPEN_FAILED = "open_failed";
    /** The container holds no video stream (audio only, or only cover art). */
    public static final String NO_VIDEO = "no_video_stream";
    /** A declared frame size is zero or has a side over the limit. */
    public static final String BAD_DIMENSIONS = "bad_dimensions";
    /** A declared frame size is over the pixel limit. */
    public static final String TOO_MANY_PIXELS = "too_many_pixels";
    /** No decoder for the video codec in the bundled FFmpeg. */
    public static final String UNSUPPORTED_CODEC = "unsupported_codec";
    /** The video stream exists but not a single frame decodes. */
    public static final String NO_FRAMES = "no_frames";

    private final String code;

    /** An exception with a code from the constants above. */
    public VideoException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** The stable code, e.g. {@value #NO_VIDEO}. */
    public String code() {
        return code;
    }
}
