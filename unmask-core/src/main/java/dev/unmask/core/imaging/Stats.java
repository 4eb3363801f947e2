package dev.unmask.core.imaging;

import java.util.Arrays;

/** Small robust statistics used by several analyzers. */
public final class Stats {
    private Stats() {}

    /** The {@code q}-quantile (0..1) of {@code values} by sorting a copy; NaN for an empty array. */
    public static double quantile(float[] values, double q) {
        if (values.length == 0) {
            return Double.NaN;
        }
        float[] c = values.clone();
        Arrays.sort(c);
        int i = (int) Math.min(c.length - 1, Math.max(0, Math.round(q * (c.length - 1))));
        return c[i];
    }

    /** The {@code q}-quantile (0..1) of {@code values} by sorting a copy; NaN for an empty array. */
    public static double quantile(double[] values, double q) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] c = values.clone();
        Arrays.sort(c);
        int i = (int) Math.min(c.length - 1, Math.max(0, Math.round(q * (c.length - 1))));
        return c[i];
    }

    /** Median of {@code values}. */
    public static double median(double[] values) {
        return quantile(values, 0.5);
    }

    /** Median absolute deviation from the median, scaled by 1.4826 to estimate a Gaussian sigma. */
    public static double mad(double[] values) {
        double m = median(values);
        double[] dev = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            dev[i] = Math.abs(values[i] - m);
        }
        return 1.4826 * median(dev);
    }

    /** Logistic function 1 / (1 + e^-x). */
    public static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    /** Clamps to [0,1]. */
    public static double clamp01(double x) {
        return x < 0 ? 0 : (x > 1 ? 1 : x);
    }
}
