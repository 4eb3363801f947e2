package dev.unmask.provenance.watermark;

/**
 * The two frequency-domain methods of ShieldMnt/invisible-watermark.
 *
 * <p>Both take the level-1 Haar approximation band (pywt {@code dwt2(..., 'haar')}) of the U channel (the library
 * loops over channels 0 and 1 only, so with its default scales, {@code [0, 36, 36]} and {@code [0, 36, 0]}, only U
 * carries the mark), cut it into 4x4 blocks in row-major order, and give block {@code n} bit {@code n mod L}.
 */
public enum IwmMethod {
    /**
     * {@code dwtDct} (class EmbedMaxDct): in each 4x4 block the coefficient with the largest magnitude, the first
     * one excluded, is quantised to {@code (floor(|v| / 36) + 0.25 + 0.5 bit) * 36} keeping its sign; decoding reads
     * bit = 1 when {@code |v| mod 36 > 18}. Despite its name this version of the library applies no DCT.
     */
    DWT_DCT,
    /**
     * {@code dwtDctSvd}: the largest singular value of the block's orthonormal 4x4 DCT (equal to that of the block
     * itself) is quantised in the same way.
     */
    DWT_DCT_SVD
}
