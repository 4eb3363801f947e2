package dev.unmask.api;

import java.util.Objects;

/**
 * A media format identified from a file's leading bytes (never from its file name).
 *
 * <p>Formats are values, not an enum, so that modules added later (video, audio) can define their own
 * without editing this type. The constants below are the image formats the core can decode.
 *
 * @param id short stable identifier used in JSON output, e.g. {@code "jpeg"}
 * @param mime the IANA media type, e.g. {@code "image/jpeg"}
 * @param kind the broad kind of media
 */
public record MediaType(String id, String mime, MediaKind kind) {
    /** JPEG / JFIF / EXIF (ITU-T T.81). */
    public static final MediaType JPEG = new MediaType("jpeg", "image/jpeg", MediaKind.IMAGE);
    /** Portable Network Graphics (ISO/IEC 15948). */
    public static final MediaType PNG = new MediaType("png", "image/png", MediaKind.IMAGE);
    /** WebP (RIFF container, VP8/VP8L/VP8X). */
    public static final MediaType WEBP = new MediaType("webp", "image/webp", MediaKind.IMAGE);
    /** GIF 87a/89a. */
    public static final MediaType GIF = new MediaType("gif", "image/gif", MediaKind.IMAGE);
    /** Windows bitmap. */
    public static final MediaType BMP = new MediaType("bmp", "image/bmp", MediaKind.IMAGE);
    /** TIFF, little or big endian (classic TIFF and BigTIFF). */
    public static final MediaType TIFF = new MediaType("tiff", "image/tiff", MediaKind.IMAGE);
    /** MPEG-4 video (ISO base media file format, ISO/IEC 14496-12/14). Container only: video decoding comes later. */
    public static final MediaType MP4 = new MediaType("mp4", "video/mp4", MediaKind.VIDEO);
    /** QuickTime movie (ISO base media file format with the {@code qt} brand). */
    public static final MediaType MOV = new MediaType("mov", "video/quicktime", MediaKind.VIDEO);
    /** A file whose leading bytes match no known format. */
    public static final MediaType UNKNOWN = new MediaType("unknown", "application/octet-stream", MediaKind.OTHER);

    /** Validates the components. */
    public MediaType {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(mime, "mime");
        Objects.requireNonNull(kind, "kind");
    }

    /** Whether this is a still image. */
    public boolean isImage() {
        return kind == MediaKind.IMAGE;
    }
}
