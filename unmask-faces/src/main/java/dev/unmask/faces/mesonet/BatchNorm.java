package dev.unmask.faces.mesonet;

import java.util.List;

/**
 * Keras {@code BatchNormalization} in inference mode: {@code y = gamma * (x - moving_mean) / sqrt(moving_variance +
 * epsilon) + beta} per channel, folded into one scale and shift. Keras's default epsilon is 0.001.
 */
final class BatchNorm implements Layer {
    /** Keras's default epsilon. */
    static final double EPSILON = 1e-3;

    final int channels;
    private final float[] scale;
    private final float[] shift;
    /** The Keras arrays as read: gamma, beta, moving mean, moving variance. */
    private final float[][] keras;

    BatchNorm(float[] gamma, float[] beta, float[] mean, float[] variance) {
        channels = gamma.length;
        if (beta.length != channels || mean.length != channels || variance.length != channels) {
            throw new IllegalArgumentException("batch-norm arrays differ in length");
        }
        keras = new float[][] {gamma.clone(), beta.clone(), mean.clone(), variance.clone()};
        scale = new float[channels];
        shift = new float[channels];
        for (int c = 0; c < channels; c++) {
            double s = gamma[c] / Math.sqrt(variance[c] + EPSILON);
            scale[c] = (float) s;
            shift[c] = (float) (beta[c] - mean[c] * s);
        }
    }

    /** A copy of Keras's array {@code i}: 0 gamma, 1 beta, 2 moving mean, 3 moving variance. */
    float[] kerasArray(int i) {
        return keras[i].clone();
    }

    @Override
    public String kerasType() {
        return "BatchNormalization";
    }

    @Override
    public int[] outputShape(int[] input) {
        return input.clone();
    }

    @Override
    public int params() {
        return 4 * channels;
    }

    @Override
    public int nonTrainableParams() {
        return 2 * channels;
    }

    @Override
    public List<int[]> weightShapes() {
        int[] v = {channels};
        return List.of(v, v, v, v);
    }

    @Override
    public FeatureMap forward(FeatureMap x) {
        if (x.channels != channels) {
            throw new IllegalArgumentException("batch norm expects " + channels + " channels, got " + x.channels);
        }
        FeatureMap y = new FeatureMap(x.height, x.width, channels);
        float[] s = x.data;
        float[] d = y.data;
        int plane = x.height * x.width;
        for (int c = 0; c < channels; c++) {
            float a = scale[c];
            float b = shift[c];
            for (int i = c * plane; i < (c + 1) * plane; i++) {
                d[i] = s[i] * a + b;
            }
        }
        return y;
    }
}
