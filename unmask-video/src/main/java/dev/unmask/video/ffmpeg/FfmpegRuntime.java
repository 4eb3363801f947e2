package dev.unmask.video.ffmpeg;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;

/**
 * Prepares the FFmpeg natives before their first use, once per JVM.
 *
 * <ul>
 *   <li>The native libraries come from the {@code ffmpeg} and {@code javacpp} {@code linux-x86_64} jars on the class
 *       path and are unpacked by JavaCPP into a folder Unmask owns: {@value #CACHE_PROPERTY} when already set (the
 *       tests set it to {@code target/javacpp}), else {@code ~/.unmask/javacpp}. Nothing is downloaded.</li>
 *   <li>FFmpeg's own logging is routed here instead of standard error: messages at error level or worse are
 *       recorded for the analysis running on the calling thread ({@link #capture}), so a corrupt stream becomes a
 *       specific message in the result; everything else is dropped.</li>
 * </ul>
 */
public final class FfmpegRuntime {
    /** JavaCPP's cache-folder system property. */
    public static final String CACHE_PROPERTY = "org.bytedeco.javacpp.cachedir";
    private static final int MAX_MESSAGES = 50;
    private static final ThreadLocal<List<String>> CAPTURE = new ThreadLocal<>();
    private static final java.util.regex.Pattern CONTEXT = java.util.regex.Pattern.compile("\\[([^\\]@]+?) @ 0x[0-9a-fA-F]+\\] ?");
    private static LogCallback callback;
    private static volatile boolean ready;
    private static volatile IllegalStateException failure;

    private FfmpegRuntime() {}

    /** The default native cache folder, {@code ~/.unmask/javacpp}. */
    public static Path defaultCacheDir() {
        return Path.of(System.getProperty("user.home"), ".unmask", "javacpp");
    }

    /**
     * Sets the cache folder (unless already set), loads the FFmpeg libraries and installs the log routing.
     *
     * @throws IllegalStateException when the natives cannot be loaded on this platform
     */
    public static void ensureLoaded() {
        if (ready) {
            return;
        }
        synchronized (FfmpegRuntime.class) {
            if (ready) {
                return;
            }
            if (failure != null) {
                throw failure; // loading is not retried for every file
            }
            if (System.getProperty(CACHE_PROPERTY) == null) {
                System.setProperty(CACHE_PROPERTY, defaultCacheDir().toAbsolutePath().toString());
            }
            try {
                Loader.load(avutil.class);
                Loader.load(org.bytedeco.ffmpeg.global.avcodec.class);
                Loader.load(org.bytedeco.ffmpeg.global.avformat.class);
                Loader.load(org.bytedeco.ffmpeg.global.swscale.class);
            } catch (LinkageError | RuntimeException e) {
                failure = new IllegalStateException("the FFmpeg native libraries could not be loaded for "
                        + Loader.getPlatform() + " (only linux-x86_64 is bundled): " + e.getMessage(), e);
                throw failure;
            }
            callback = new LogCallback() {
                @Override
                public void call(int level, BytePointer msg) {
                    List<String> sink = CAPTURE.get();
                    if (sink != null && level <= avutil.AV_LOG_ERROR && sink.size() < MAX_MESSAGES) {
                        sink.add(readable(msg.getString()));
                    }
                }
            }.retainReference();
            avutil.setLogCallback(callback);
            avutil.av_log_set_level(avutil.AV_LOG_ERROR);
            ready = true;
        }
    }

    /** FFmpeg's line without the context addresses: {@code [h264 @ 0x7f..] msg} becomes {@code h264: msg}. */
    static String readable(String line) {
        return CONTEXT.matcher(line.strip()).replaceAll("$1: ").strip();
    }

    /**
     * Starts recording FFmpeg's error messages raised on the calling thread. Close the returned capture to stop.
     * Decoding must run on this thread (one decoder thread) for its errors to be seen.
     */
    public static Capture capture() {
        ensureLoaded();
        List<String> sink = new ArrayList<>();
        CAPTURE.set(sink);
        return new Capture(sink);
    }

    /** FFmpeg error messages recorded on one thread. */
    public static final class Capture implements AutoCloseable {
        private final List<String> sink;

        private Capture(List<String> sink) {
            this.sink = sink;
        }

        /** The messages recorded so far (at most 50), oldest first. */
        public List<String> messages() {
            return List.copyOf(sink);
        }

        @Override
        public void close() {
            CAPTURE.remove();
        }
    }
}
