package dev.unmask.provenance.watermark;

/**
 * How the generating pipeline handed pixels to {@code invisible-watermark}: as an 8-bit array (Stable Diffusion 1.x
 * and 2.x scripts) or as a float array in [0, 255] (SDXL and FLUX reference code, diffusers). OpenCV converts the
 * two differently (chroma offset 128 versus 0.5), which moves the quantisation lattice of the U band, so a
 * decoder must try the path the encoder used.
 */
public enum ColourPath {
    /** {@code uint8} arrays: OpenCV's fixed-point conversion, chroma offset 128. */
    UINT8,
    /** {@code float32} arrays: single-precision conversion, chroma offset 0.5. */
    FLOAT32
}
