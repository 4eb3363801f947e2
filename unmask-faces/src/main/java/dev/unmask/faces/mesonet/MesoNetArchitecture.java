package dev.unmask.faces.mesonet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The two MesoNet architectures of Afchar, Nozick, Yamagishi and Echizen, "MesoNet: a Compact Facial Video
 * Forgery Detection Network" (IEEE WIFS 2018), rebuilt layer by layer as the reference Keras code defines them
 * (DariusAf/MesoNet, {@code classifiers.py}): input 256&times;256&times;3 in [0, 1]; four convolution blocks
 * (Conv2D + ReLU, BatchNormalization, MaxPooling2D "same"); Flatten; Dropout(0.5); Dense(16); LeakyReLU(0.1);
 * Dropout(0.5); Dense(1, sigmoid). The sigmoid output is the probability that the face is <em>real</em>. The
 * built layer list ends with the last Dense's affine map (the logit); {@link MesoNet} applies the sigmoid.
 *
 * <ul>
 *   <li>{@link #MESO4}: convolutions 8@3&times;3, 8@5&times;5, 16@5&times;5, 16@5&times;5; pools 2, 2, 2, 4;
 *       28,073 parameters (27,977 trainable).</li>
 *   <li>{@link #MESO_INCEPTION4}: the first two blocks are inception modules {@code InceptionLayer(1, 4, 4, 2)}
 *       and {@code (2, 4, 4, 2)} ({@link InceptionBlock}); then 16@5&times;5 twice; 28,725 parameters (28,615
 *       trainable).</li>
 * </ul>
 *
 * Weight files carry no architecture; shapes are checked layer by layer against this one, and the dilation rates
 * (1, 2, 3 in the inception branches) come from the reference code.
 */
public enum MesoNetArchitecture {
    /** Meso-4. */
    MESO4,
    /** MesoInception-4. */
    MESO_INCEPTION4;

    /** Side of the square input. */
    public static final int INPUT_SIZE = 256;
    /** Slope of the LeakyReLU after the first dense layer. */
    static final float LEAKY_ALPHA = 0.1f;

    /** One row of the Keras-style summary: layer type, output shape without the batch axis, parameters. */
    record SummaryRow(String type, String outputShape, int params) {}

    /**
     * Builds the network with the weights of {@code w}, in the reference code's creation order.
     *
     * @throws IOException when the file's layers do not fit this architecture
     */
    List<Layer> build(KerasWeights w) throws IOException {
        List<Layer> layers = new ArrayList<>();
        int channels = 3;
        if (this == MESO4) {
            int[][] blocks = {{3, 8, 2}, {5, 8, 2}, {5, 16, 2}, {5, 16, 4}};
            for (int[] b : blocks) {
                layers.add(conv(w, b[0], channels, b[1], 1));
                layers.add(batchNorm(w, b[1]));
                layers.add(new MaxPool(b[2]));
                channels = b[1];
            }
        } else {
            InceptionBlock first = inception(w, channels, 1, 4, 4, 2);
            layers.add(first);
            layers.add(batchNorm(w, 11));
            layers.add(new MaxPool(2));
            InceptionBlock second = inception(w, 11, 2, 4, 4, 2);
            layers.add(second);
            layers.add(batchNorm(w, 12));
            layers.add(new MaxPool(2));
            layers.add(conv(w, 5, 12, 16, 1));
            layers.add(batchNorm(w, 16));
            layers.add(new MaxPool(2));
            layers.add(conv(w, 5, 16, 16, 1));
            layers.add(batchNorm(w, 16));
            layers.add(new MaxPool(4));
            channels = 16;
        }
        int flat = 8 * 8 * channels;
        layers.add(new Flatten());
        layers.add(new Dropout());
        layers.add(dense(w, flat, 16, false));
        layers.add(new LeakyRelu(LEAKY_ALPHA));
        layers.add(new Dropout());
        layers.add(dense(w, 16, 1, false)); // Dense(1, activation='sigmoid'): MesoNet applies the sigmoid

        w.requireAllUsed();
        return layers;
    }

    /**
     * The network's summary as Keras's {@code model.summary()} would list it, in creation order (inception
     * convolutions branch by branch, then their Concatenate), without the input layer.
     */
    static List<SummaryRow> summary(List<Layer> layers) {
        List<SummaryRow> rows = new ArrayList<>();
        int[] shape = {INPUT_SIZE, INPUT_SIZE, 3};
        for (Layer l : layers) {
            int[] out = l.outputShape(shape);
            if (l instanceof InceptionBlock ib) {
                for (Conv2d c : ib.convolutions()) {
                    int[] convOut = {shape[0], shape[1], c.out};
                    rows.add(new SummaryRow(c.kerasType(), shapeText(convOut), c.params()));
                }
                rows.add(new SummaryRow(l.kerasType(), shapeText(out), 0));
            } else {
                rows.add(new SummaryRow(l.kerasType(), shapeText(out), l.params()));
            }
            shape = out;
        }
        return rows;
    }

    private static String shapeText(int[] s) {
        return s[0] == 1 && s[1] == 1 ? "(" + s[2] + ")" : "(" + s[0] + ", " + s[1] + ", " + s[2] + ")";
    }

    private static InceptionBlock inception(KerasWeights w, int in, int a, int b, int c, int d) throws IOException {
        List<List<Conv2d>> branches = List.of(
                List.of(conv(w, 1, in, a, 1)),
                List.of(conv(w, 1, in, b, 1), conv(w, 3, b, b, 1)),
                List.of(conv(w, 1, in, c, 1), conv(w, 3, c, c, 2)),
                List.of(conv(w, 1, in, d, 1), conv(w, 3, d, d, 3)));
        return new InceptionBlock(branches);
    }

    private static Conv2d conv(KerasWeights w, int k, int in, int out, int dilation) throws IOException {
        var l = w.next("conv2d", List.of(new int[] {k, k, in, out}, new int[] {out}));
        return new Conv2d(k, in, out, dilation, true, l.array("kernel:0"), l.array("bias:0"));
    }

    private static BatchNorm batchNorm(KerasWeights w, int channels) throws IOException {
        int[] v = {channels};
        var l = w.next("batch_normalization", List.of(v, v, v, v));
        return new BatchNorm(l.array("gamma:0"), l.array("beta:0"), l.array("moving_mean:0"),
                l.array("moving_variance:0"));
    }

    private static Dense dense(KerasWeights w, int in, int out, boolean sigmoid) throws IOException {
        var l = w.next("dense", List.of(new int[] {in, out}, new int[] {out}));
        return new Dense(in, out, sigmoid, l.array("kernel:0"), l.array("bias:0"));
    }
}
