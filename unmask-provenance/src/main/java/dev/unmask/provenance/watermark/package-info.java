/**
 * Invisible watermarks.
 *
 * <p>{@link dev.unmask.provenance.watermark.WatermarkDetector} reads the marks public generators embed with
 * ShieldMnt/invisible-watermark (Stable Diffusion 1.x "StableDiffusionV1", 2.x "SDV2", SDXL 0xB3EC907BB19E, FLUX
 * reference code) with a decoder that follows the library's {@code dwtDct} and {@code dwtDctSvd} arithmetic
 * ({@link dev.unmask.provenance.watermark.IwmCodec}). {@link dev.unmask.provenance.watermark.UnmaskWatermark} is
 * Unmask's own 64-bit label for images it generates: keyed informed spread spectrum on a fixed luma grid, robust
 * to JPEG and resizing, not to cropping.
 */
package dev.unmask.provenance.watermark;
