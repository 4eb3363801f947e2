package dev.unmask.faces.mesonet;

/** Keras {@code LeakyReLU(alpha)}: {@code x} for positives, {@code alpha * x} for negatives. */
final class LeakyRelu implements Layer {
    final float alpha;

    LeakyRelu(float alpha) {
        this.alpha = alpha;
    }

    @Override
    public String kerasType() {
        return "LeakyReLU";
    }

    @Override
    public int[] outputShape(int[] input) {
        return input.clone();
    }

    @Override
    public int params() {
        return 0;
    }

    @Override
    public FeatureMap forward(FeatureMap x) {
        float[] d = new float[x.data.length];
        for (int i = 0; i < d.length; i++) {
            float v = x.data[i];
            d[i] = v < 0 ? alpha * v : v;
        }
        return new FeatureMap(x.height, x.width, x.channels, d);
    }
}
