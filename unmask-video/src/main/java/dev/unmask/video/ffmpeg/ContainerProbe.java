package dev.unmask.video.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_NONE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_DATA_DISPLAYMATRIX;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_side_data_get;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_ATTACHED_PIC;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_ATTACHMENT;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_DATA;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_SUBTITLE;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_iterate;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_display_rotation_get;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt_name;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Reads a container's header and FFmpeg's stream probe into a {@link ContainerInfo}, refusing absurd frame sizes
 * before any decoder allocates: the sizes the header declares are checked against the {@link FrameLimits} first,
 * and FFmpeg's stream probing (which decodes a few frames) runs with {@code max_pixels} set on every decoder.
 * Thread-safe (each call opens its own demuxer).
 */
public final class ContainerProbe {
    private static final int MAX_TAGS = 64;
    private static final int MAX_TAG_CHARS = 200;

    private ContainerProbe() {}

    /**
     * Probes {@code bytes}.
     *
     * @throws VideoException {@code open_failed} when FFmpeg cannot read the container; {@code bad_dimensions} or
     *     {@code too_many_pixels} when a video stream declares a frame size over the limits
     */
    public static ContainerInfo probe(byte[] bytes, FrameLimits limits) throws VideoException {
        FfmpegRuntime.ensureLoaded();
        try (FfmpegRuntime.Capture log = FfmpegRuntime.capture(); MemoryAvio io = new MemoryAvio(bytes)) {
            AVFormatContext oc = avformat_alloc_context();
            oc.pb(io.context());
            int ret = avformat_open_input(oc, "memory", null, null);
            if (ret < 0) {
                // FFmpeg frees the context on failure
                throw new VideoException(VideoException.OPEN_FAILED, "FFmpeg cannot read the container: "
                        + error(ret) + details(log));
            }
            try {
                checkDeclaredSizes(oc, limits, "the container header");
                String problem = findStreamInfo(oc, limits, log);
                checkDeclaredSizes(oc, limits, "the video stream");
                return describe(oc, problem);
            } finally {
                avformat_close_input(oc);
            }
        }
    }

    private static void checkDeclaredSizes(AVFormatContext oc, FrameLimits limits, String what) throws VideoException {
        for (int i = 0; i < oc.nb_streams(); i++) {
            AVCodecParameters p = oc.streams(i).codecpar();
            if (p.codec_type() == AVMEDIA_TYPE_VIDEO && (p.width() != 0 || p.height() != 0)) {
                limits.check(p.width(), p.height(), what + " (stream #" + i + ")");
            }
        }
    }

    /** Runs FFmpeg's stream probe with the pixel guard on its decoders; returns the problem, or "" on success. */
    private static String findStreamInfo(AVFormatContext oc, FrameLimits limits, FfmpegRuntime.Capture log) {
        int n = oc.nb_streams();
        if (n == 0) {
            return "";
        }
        PointerPointer<AVDictionary> options = new PointerPointer<>(n);
        try {
            for (int i = 0; i < n; i++) {
                AVDictionary d = new AVDictionary(null);
                av_dict_set(d, "max_pixels", Long.toString(limits.maxPixels()), 0);
                options.put(i, d);
            }
            int ret = avformat_find_stream_info(oc, options);
            return ret < 0 ? "stream probing failed: " + error(ret) + details(log) : "";
        } finally {
            for (int i = 0; i < n; i++) {
                av_dict_free(new AVDictionary(options.get(i)));
            }
            options.close();
        }
    }

    private static ContainerInfo describe(AVFormatContext oc, String problem) {
        List<StreamInfo> streams = new ArrayList<>();
        for (int i = 0; i < oc.nb_streams(); i++) {
            streams.add(stream(oc.streams(i)));
        }
        String format = oc.iformat() == null ? "unknown" : string(oc.iformat().name());
        String longName = oc.iformat() == null ? "" : string(oc.iformat().long_name());
        double duration = oc.duration() == AV_NOPTS_VALUE() || oc.duration() <= 0 ? -1 : oc.duration() / (double) AV_TIME_BASE;
        return new ContainerInfo(format, longName, duration, Math.max(0, oc.bit_rate()), tags(oc.metadata()), streams, problem);
    }

    private static StreamInfo stream(AVStream st) {
        AVCodecParameters p = st.codecpar();
        int kind = p.codec_type();
        String type = kind == AVMEDIA_TYPE_VIDEO ? "video" : kind == AVMEDIA_TYPE_AUDIO ? "audio"
                : kind == AVMEDIA_TYPE_SUBTITLE ? "subtitle" : kind == AVMEDIA_TYPE_DATA ? "data"
                : kind == AVMEDIA_TYPE_ATTACHMENT ? "attachment" : "unknown";
        boolean known = p.codec_id() != AV_CODEC_ID_NONE;
        String codec = known ? string(avcodec_get_name(p.codec_id())) : "none";
        boolean decodable = known && avcodec_find_decoder(p.codec_id()) != null;
        boolean video = kind == AVMEDIA_TYPE_VIDEO;
        double fps = video ? rate(st.avg_frame_rate()) : 0;
        if (video && fps <= 0) {
            fps = rate(st.r_frame_rate());
        }
        double duration = st.duration() == AV_NOPTS_VALUE() || st.duration() <= 0 ? -1
                : st.duration() * rate(st.time_base());
        Map<String, String> tags = tags(st.metadata());
        if (duration < 0) {
            duration = tagDuration(tags.get("DURATION"));
        }
        String pixFmt = video && p.format() >= 0 ? string(av_get_pix_fmt_name(p.format())) : "";
        return new StreamInfo(st.index(), type, codec, fourcc(p.codec_tag()), decodable, video ? p.width() : 0,
                video ? p.height() : 0, pixFmt, fps, Math.max(0, st.nb_frames()), duration,
                video ? rotation(p, tags) : 0, Math.max(0, p.bit_rate()), kind == AVMEDIA_TYPE_AUDIO ? p.sample_rate() : 0,
                kind == AVMEDIA_TYPE_AUDIO ? p.ch_layout().nb_channels() : 0,
                video && (st.disposition() & AV_DISPOSITION_ATTACHED_PIC) != 0, tags);
    }

    /** Clockwise display rotation: from the display matrix (ISO/IEC 14496-12 tkhd matrix), else the {@code rotate} tag. */
    private static int rotation(AVCodecParameters p, Map<String, String> tags) {
        AVPacketSideData sd = av_packet_side_data_get(p.coded_side_data(), p.nb_coded_side_data(), AV_PKT_DATA_DISPLAYMATRIX);
        if (sd != null && !sd.isNull() && sd.size() >= 36) {
            double ccw = av_display_rotation_get(new IntPointer(sd.data()));
            if (Double.isFinite(ccw)) {
                return quarterTurns(-ccw);
            }
        }
        String tag = tags.get("rotate");
        if (tag != null) {
            try {
                return quarterTurns(Double.parseDouble(tag.trim()));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    /** Matroska's per-track {@code DURATION} tag ({@code HH:MM:SS.nnnnnnnnn}, written by FFmpeg's muxer), or -1. */
    static double tagDuration(String tag) {
        if (tag == null) {
            return -1;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+):(\\d{2}):(\\d{2}(?:\\.\\d+)?)").matcher(tag.trim());
        if (!m.matches()) {
            return -1;
        }
        return Integer.parseInt(m.group(1)) * 3600.0 + Integer.parseInt(m.group(2)) * 60.0 + Double.parseDouble(m.group(3));
    }

    /** The angle rounded to a multiple of 90 in [0, 360). */
    static int quarterTurns(double degrees) {
        long q = Math.round(degrees / 90.0);
        return (int) (((q % 4) + 4) % 4) * 90;
    }

    private static double rate(AVRational r) {
        return r == null || r.den() == 0 || r.num() <= 0 ? 0 : r.num() / (double) r.den();
    }

    private static String fourcc(int tag) {
        if (tag == 0) {
            return "";
        }
        StringBuilder s = new StringBuilder(4);
        for (int i = 0; i < 4; i++) {
            int c = (tag >>> (8 * i)) & 0xff;
            s.append(c >= 0x20 && c < 0x7f ? (char) c : '.');
        }
        return s.toString();
    }

    private static Map<String, String> tags(AVDictionary d) {
        Map<String, String> m = new LinkedHashMap<>();
        if (d == null || d.isNull()) {
            return m;
        }
        AVDictionaryEntry e = null;
        while (m.size() < MAX_TAGS) {
            e = av_dict_iterate(d, e);
            if (e == null || e.isNull()) {
                break;
            }
            m.put(clean(string(e.key())), clean(string(e.value())));
        }
        return m;
    }

    private static String clean(String s) {
        String t = s.replaceAll("\\p{Cntrl}", " ").strip();
        return t.length() > MAX_TAG_CHARS ? t.substring(0, MAX_TAG_CHARS) + "..." : t;
    }

    private static String string(BytePointer p) {
        return p == null || p.isNull() ? "" : p.getString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** FFmpeg's text for an error code. */
    static String error(int code) {
        byte[] buf = new byte[256];
        av_strerror(code, buf, buf.length);
        int n = 0;
        while (n < buf.length && buf[n] != 0) {
            n++;
        }
        return new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8) + " (" + code + ")";
    }

    /** FFmpeg's own last messages, e.g. {@code moov atom not found}, as a suffix. */
    static String details(FfmpegRuntime.Capture log) {
        List<String> m = log.messages().stream().distinct().toList();
        if (m.isEmpty()) {
            return "";
        }
        return "; FFmpeg says: " + String.join("; ", m.subList(Math.max(0, m.size() - 3), m.size()));
    }
}
