package dev.unmask.video.format;

import dev.unmask.api.MediaKind;
import dev.unmask.api.MediaType;
import java.util.Set;

/**
 * The video container formats Unmask's video module reads. MP4 and MOV come from the API (the core recognises their
 * {@code ftyp} box); WebM, Matroska and AVI are defined here, as {@link MediaType} values, and recognised by
 * {@link MatroskaFormatDetector} and {@link AviFormatDetector}.
 */
public final class VideoFormats {
    /** WebM (Matroska with DocType {@code webm}; VP8/VP9/AV1 video, Vorbis/Opus audio). */
    public static final MediaType WEBM = new MediaType("webm", "video/webm", MediaKind.VIDEO);
    /** Matroska (EBML, DocType {@code matroska}). */
    public static final MediaType MKV = new MediaType("mkv", "video/x-matroska", MediaKind.VIDEO);
    /** Audio Video Interleave (RIFF form type {@code AVI }). */
    public static final MediaType AVI = new MediaType("avi", "video/x-msvideo", MediaKind.VIDEO);

    /** Every container the video analyzer accepts. */
    public static final Set<MediaType> ALL = Set.of(MediaType.MP4, MediaType.MOV, WEBM, MKV, AVI);

    private VideoFormats() {}
}
