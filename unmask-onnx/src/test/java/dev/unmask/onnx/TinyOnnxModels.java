package dev.unmask.onnx;

import java.util.List;

/**
 * Writes tiny ONNX networks with {@link OnnxGraphWriter} (IR version 7, opset 13), so the tests build their own
 * models without Python or a model download. The image network is
 * {@code y = F(mean_over_pixels(x) · W + b)} with {@code F} one of sigmoid, softmax or identity: {@code ReduceMean}
 * over the spatial axes, {@code MatMul} with a 3×K weight, {@code Add}.
 */
final class TinyOnnxModels {
    static final int FLOAT = OnnxGraphWriter.FLOAT;
    static final int INT64 = OnnxGraphWriter.INT64;

    private TinyOnnxModels() {}

    /**
     * A network description.
     *
     * @param nhwc layout of the input
     * @param inputShape declared input shape (-1 = symbolic)
     * @param weights 3 x K weights (row = channel in the tensor's channel order)
     * @param bias K biases
     * @param head "Sigmoid", "Softmax" or "" (identity)
     * @param inputType element type of the input (FLOAT or, to test refusals, INT64)
     * @param extraInput a second input's name, or null
     */
    record Spec(boolean nhwc, long[] inputShape, float[][] weights, float[] bias, String head, int inputType, String extraInput) {
        static Spec sigmoid(boolean nhwc, long side, float[] w, float b) {
            long[] shape = nhwc ? new long[] {-1, side, side, 3} : new long[] {-1, 3, side, side};
            return new Spec(nhwc, shape, new float[][] {{w[0]}, {w[1]}, {w[2]}}, new float[] {b}, "Sigmoid", FLOAT, null);
        }

        Spec withHead(String h) {
            return new Spec(nhwc, inputShape, weights, bias, h, inputType, extraInput);
        }

        Spec withShape(long... s) {
            return new Spec(nhwc, s, weights, bias, head, inputType, extraInput);
        }

        Spec withInputType(int t) {
            return new Spec(nhwc, inputShape, weights, bias, head, t, extraInput);
        }

        Spec withExtraInput(String name) {
            return new Spec(nhwc, inputShape, weights, bias, head, inputType, name);
        }

        int classes() {
            return bias.length;
        }
    }

    /** The model's bytes, written by {@link OnnxGraphWriter}. */
    static byte[] build(Spec s) {
        int k = s.classes();
        OnnxGraphWriter g = new OnnxGraphWriter("tiny_detector");
        String image = "x";
        if (s.inputType() != FLOAT) {
            image = g.node("Cast", List.of("x"), "xf", OnnxGraphWriter.Attribute.ofInt("to", FLOAT));
        }
        g.node("ReduceMean", List.of(image), "m",
                OnnxGraphWriter.Attribute.ofInts("axes", s.nhwc() ? new long[] {1, 2} : new long[] {2, 3}),
                OnnxGraphWriter.Attribute.ofInt("keepdims", 0));
        g.node("MatMul", List.of("m", "W"), "z");
        g.node("Add", List.of("z", "b"), s.head().isEmpty() ? "y" : "l");
        if (s.head().equals("Sigmoid")) {
            g.node("Sigmoid", List.of("l"), "y");
        } else if (s.head().equals("Softmax")) {
            g.node("Softmax", List.of("l"), "y", OnnxGraphWriter.Attribute.ofInt("axis", 1));
        }
        float[] w = new float[3 * k];
        for (int c = 0; c < 3; c++) {
            for (int j = 0; j < k; j++) {
                w[c * k + j] = s.weights()[c][j];
            }
        }
        g.initializer("W", new long[] {3, k}, w);
        g.initializer("b", new long[] {k}, s.bias());
        g.input("x", s.inputType(), s.inputShape());
        if (s.extraInput() != null) {
            g.input(s.extraInput(), FLOAT, 1);
        }
        g.output("y", FLOAT, -1, k);
        return g.toBytes();
    }
}
