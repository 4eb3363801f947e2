package dev.unmask.faces.mesonet;

/** Keras {@code Flatten}: the channels-last map as one vector, in (y, x, c) order. */
final class Flatten implements Layer {
    @Override
    public String kerasType() {
        return "Flatten";
    }

    @Override
    public int[] outputShape(int[] input) {
        return new int[] {1, 1, input[0] * input[1] * input[2]};
    }

    @Override
    public int params() {
        return 0;
    }

    @Override
    public FeatureMap forward(FeatureMap x) {
        return new FeatureMap(1, 1, x.data.length, x.toChannelsLast());
    }
}
