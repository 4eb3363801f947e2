package dev.unmask.faces.sbi;

import java.util.List;

/**
 * Settings of {@link SelfBlend}. Sizes are fractions of the crop's side so the same settings fit 128- and 256-px
 * crops. {@link #DEFAULTS} follows the ranges of Shiohara &amp; Yamasaki (CVPR 2022, "Detecting Deepfakes with
 * Self-Blended Images"), simplified for an ellipse mask on an aligned crop.
 *
 * @param maxShift largest translation of the source, as a fraction of the side, per axis (default 0.03)
 * @param minScale smallest scale of the source about the crop centre (default 0.95)
 * @param maxScale largest scale of the source (default 1.05)
 * @param brightness largest brightness change, as a fraction of full range (default 0.1)
 * @param contrast largest relative contrast change (default 0.1)
 * @param colour largest relative gain change of each colour channel (default 0.05)
 * @param maxBlurSigma largest Gaussian blur of the source in pixels per 128 px of side, when blurred (default 1.2)
 * @param maxSharpen largest unsharp-mask amount, when sharpened (default 1.0)
 * @param ellipseCentreY vertical centre of the mask ellipse, as a fraction of the side (default 0.53: eyes to chin)
 * @param ellipseWidth half-width of the mask ellipse, as a fraction of the side (default 0.27)
 * @param ellipseHeight half-height of the mask ellipse, as a fraction of the side (default 0.33)
 * @param maxDeform largest random change of the ellipse's size (erosion/dilation) and of its outline
 *     (low-frequency wobble), relative (default 0.15)
 * @param minMaskBlur smallest Gaussian blur of the mask, as a fraction of the side (default 0.01)
 * @param maxMaskBlur largest Gaussian blur of the mask (default 0.04)
 * @param blendRatios blend ratios drawn uniformly; the paper's {0.25, 0.5, 0.75, 1, 1, 1}
 */
public record SelfBlendSettings(double maxShift, double minScale, double maxScale, double brightness, double contrast,
        double colour, double maxBlurSigma, double maxSharpen, double ellipseCentreY, double ellipseWidth,
        double ellipseHeight, double maxDeform, double minMaskBlur, double maxMaskBlur, List<Double> blendRatios) {
    /** The documented defaults. */
    public static final SelfBlendSettings DEFAULTS = new SelfBlendSettings(0.03, 0.95, 1.05, 0.1, 0.1, 0.05, 1.2, 1.0,
            0.53, 0.27, 0.33, 0.15, 0.01, 0.04, List.of(0.25, 0.5, 0.75, 1.0, 1.0, 1.0));

    /** Validates the ranges. */
    public SelfBlendSettings {
        check("maxShift", maxShift, 0, 0.25);
        check("minScale", minScale, 0.5, 2);
        check("maxScale", maxScale, minScale, 2);
        check("brightness", brightness, 0, 1);
        check("contrast", contrast, 0, 1);
        check("colour", colour, 0, 1);
        check("maxBlurSigma", maxBlurSigma, 0, 10);
        check("maxSharpen", maxSharpen, 0, 5);
        check("ellipseCentreY", ellipseCentreY, 0.2, 0.8);
        check("ellipseWidth", ellipseWidth, 0.05, 0.5);
        check("ellipseHeight", ellipseHeight, 0.05, 0.5);
        check("maxDeform", maxDeform, 0, 0.5);
        check("minMaskBlur", minMaskBlur, 0, 0.2);
        check("maxMaskBlur", maxMaskBlur, minMaskBlur, 0.2);
        blendRatios = List.copyOf(blendRatios);
        if (blendRatios.isEmpty()) {
            throw new IllegalArgumentException("blendRatios must not be empty");
        }
        for (double r : blendRatios) {
            check("blend ratio", r, 0.01, 1);
        }
    }

    private static void check(String name, double v, double lo, double hi) {
        if (!(v >= lo && v <= hi)) {
            throw new IllegalArgumentException(name + " must be in [" + lo + ", " + hi + "], was " + v);
        }
    }
}
