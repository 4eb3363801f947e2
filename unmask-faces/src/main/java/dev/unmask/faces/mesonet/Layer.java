package dev.unmask.faces.mesonet;

import java.util.List;

/**
 * One layer of a rebuilt Keras network, in inference mode. Each layer knows the Keras layer type it reproduces,
 * the shapes of the Keras weights it holds (so the loader can check a file against the architecture) and its
 * parameter count as {@code model.summary()} prints it.
 */
interface Layer {
    /** The Keras class this layer reproduces, e.g. {@code Conv2D}. */
    String kerasType();

    /** Output shape for an input shape {@code {h, w, c}}. */
    int[] outputShape(int[] input);

    /** Total parameters (trainable and not), as Keras counts them. */
    int params();

    /** Parameters Keras does not train (batch-normalisation moving statistics). */
    default int nonTrainableParams() {
        return 0;
    }

    /** Runs the layer. */
    FeatureMap forward(FeatureMap in);

    /** Shapes of the Keras weight arrays, in Keras's order; empty for layers without weights. */
    default List<int[]> weightShapes() {
        return List.of();
    }
}
