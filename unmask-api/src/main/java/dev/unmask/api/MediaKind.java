package dev.unmask.api;

/** The broad kind of a piece of media, used by analyzers to declare what they can examine. */
public enum MediaKind {
    /** A still image (JPEG, PNG, WebP, GIF, BMP, TIFF, ...). */
    IMAGE,
    /** A video container, possibly with audio. */
    VIDEO,
    /** Audio only. */
    AUDIO,
    /** Anything else; never analysed, reported as not applicable. */
    OTHER
}
