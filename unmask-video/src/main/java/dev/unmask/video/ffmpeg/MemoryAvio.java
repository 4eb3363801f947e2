package dev.unmask.video.ffmpeg;

import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FORCE;
import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_SIZE;
import static org.bytedeco.ffmpeg.global.avformat.avio_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avio_context_free;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.av_free;
import static org.bytedeco.ffmpeg.global.avutil.av_malloc;

import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.Read_packet_Pointer_BytePointer_int;
import org.bytedeco.ffmpeg.avformat.Seek_Pointer_long_int;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * An FFmpeg I/O context reading a file already in memory (FFmpeg {@code avio_alloc_context} with read and seek
 * callbacks), so the probe examines exactly the bytes the core hashed. Not thread-safe: one demuxer reads it.
 */
final class MemoryAvio implements AutoCloseable {
    private static final int BUFFER = 32 * 1024;
    private static final int EINVAL = -22;
    private static final ConcurrentHashMap<Long, MemoryAvio> OPEN = new ConcurrentHashMap<>();

    private final byte[] data;
    private final LongPointer key;
    private final AVIOContext context;
    private int pos;

    MemoryAvio(byte[] data) {
        FfmpegRuntime.ensureLoaded();
        this.data = data;
        this.key = new LongPointer(1);
        OPEN.put(key.address(), this);
        BytePointer buffer = new BytePointer(av_malloc(BUFFER)).capacity(BUFFER);
        this.context = avio_alloc_context(buffer, BUFFER, 0, key, Callbacks.READ, null, Callbacks.SEEK);
        if (context == null || context.isNull()) {
            av_free(buffer);
            OPEN.remove(key.address());
            throw new IllegalStateException("FFmpeg could not allocate an I/O context");
        }
    }

    /** The context to assign to {@code AVFormatContext.pb} before opening. */
    AVIOContext context() {
        return context;
    }

    private int read(BytePointer buf, int size) {
        int n = Math.min(size, data.length - pos);
        if (n <= 0) {
            return AVERROR_EOF();
        }
        buf.position(0).put(data, pos, n);
        pos += n;
        return n;
    }

    private long seek(long offset, int whence) {
        int w = whence & ~AVSEEK_FORCE;
        if (w == AVSEEK_SIZE) {
            return data.length;
        }
        long target = switch (w) {
            case 0 -> offset;
            case 1 -> pos + offset;
            case 2 -> data.length + offset;
            default -> -1;
        };
        if (target < 0 || target > data.length) {
            return EINVAL;
        }
        pos = (int) target;
        return target;
    }

    @Override
    public void close() {
        OPEN.remove(key.address());
        if (!context.isNull()) {
            av_free(context.buffer());
            context.buffer(null);
            avio_context_free(context);
        }
        key.close();
    }

    /** The native callbacks, created after the libraries are loaded and kept for the JVM's life. */
    private static final class Callbacks {
        static final Read_packet_Pointer_BytePointer_int READ = new Read_packet_Pointer_BytePointer_int() {
            @Override
            public int call(Pointer opaque, BytePointer buf, int size) {
                MemoryAvio in = OPEN.get(opaque.address());
                return in == null ? EINVAL : in.read(buf, size);
            }
        }.retainReference();
        static final Seek_Pointer_long_int SEEK = new Seek_Pointer_long_int() {
            @Override
            public long call(Pointer opaque, long offset, int whence) {
                MemoryAvio in = OPEN.get(opaque.address());
                return in == null ? EINVAL : in.seek(offset, whence);
            }
        }.retainReference();
    }
}
