package dev.unmask.faces.mesonet;

import java.util.List;

/**
 * Keras {@code Dense} on a flattened input: {@code out[j] = b[j] + sum_i in[i] * W[i][j]} with Keras's kernel
 * layout {@code (in, out)}, optionally followed by the logistic sigmoid ({@code activation='sigmoid'}).
 */
final class Dense implements Layer {
    final int in;
    final int out;
    final boolean sigmoid;
    private final float[] weights;
    private final float[] bias;

    Dense(int in, int out, boolean sigmoid, float[] weights, float[] bias) {
        if (weights.length != in * out || bias.length != out) {
            throw new IllegalArgumentException("dense weights do not match " + in + "x" + out);
        }
        this.in = in;
        this.out = out;
        this.sigmoid = sigmoid;
        this.weights = weights;
        this.bias = bias;
    }

    /** A copy of the kernel in Keras's (in, out) layout. */
    float[] kernel() {
        return weights.clone();
    }

    /** A copy of the biases. */
    float[] bias() {
        return bias.clone();
    }

    @Override
    public String kerasType() {
        return "Dense";
    }

    @Override
    public int[] outputShape(int[] input) {
        return new int[] {1, 1, out};
    }

    @Override
    public int params() {
        return in * out + out;
    }

    @Override
    public List<int[]> weightShapes() {
        return List.of(new int[] {in, out}, new int[] {out});
    }

    @Override
    public FeatureMap forward(FeatureMap x) {
        if (x.data.length != in) {
            throw new IllegalArgumentException("dense expects " + in + " inputs, got " + x.data.length);
        }
        float[] acc = bias.clone();
        for (int i = 0; i < in; i++) {
            float v = x.data[i];
            int r = i * out;
            for (int o = 0; o < out; o++) {
                acc[o] += v * weights[r + o];
            }
        }
        if (sigmoid) {
            for (int o = 0; o < out; o++) {
                acc[o] = (float) (1 / (1 + Math.exp(-acc[o])));
            }
        }
        return new FeatureMap(1, 1, out, acc);
    }
}
