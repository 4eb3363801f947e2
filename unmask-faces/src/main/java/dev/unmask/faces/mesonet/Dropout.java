package dev.unmask.faces.mesonet;

/** Keras {@code Dropout}: the identity at inference (Keras scales during training, not at test time). */
final class Dropout implements Layer {
    @Override
    public String kerasType() {
        return "Dropout";
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
        return x;
    }
}
