package dev.unmask.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes tiny ONNX networks byte by byte (the protocol-buffer encoding of {@code onnx.proto}, IR version 7, opset
 * 13), so the tests build their own models without Python or a model download. The image network is
 * {@code y = F(mean_over_pixels(x) · W + b)} with {@code F} one of sigmoid, softmax or identity: {@code ReduceMean}
 * over the spatial axes, {@code MatMul} with a 3×K weight, {@code Add}.
 */
final class TinyOnnxModels {
    static final int FLOAT = 1;
    static final int INT64 = 7;

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

    /** The model's bytes. */
    static byte[] build(Spec s) {
        int k = s.classes();
        List<byte[]> nodes = new ArrayList<>();
        String image = "x";
        if (s.inputType() != FLOAT) {
            nodes.add(node("Cast", List.of("x"), "xf", attrInt("to", FLOAT)));
            image = "xf";
        }
        nodes.add(node("ReduceMean", List.of(image), "m", attrInts("axes", s.nhwc() ? new long[] {1, 2} : new long[] {2, 3}),
                attrInt("keepdims", 0)));
        nodes.add(node("MatMul", List.of("m", "W"), "z"));
        nodes.add(node("Add", List.of("z", "b"), s.head().isEmpty() ? "y" : "l"));
        if (s.head().equals("Sigmoid")) {
            nodes.add(node("Sigmoid", List.of("l"), "y"));
        } else if (s.head().equals("Softmax")) {
            nodes.add(node("Softmax", List.of("l"), "y", attrInt("axis", 1)));
        }
        float[] w = new float[3 * k];
        for (int c = 0; c < 3; c++) {
            for (int j = 0; j < k; j++) {
                w[c * k + j] = s.weights()[c][j];
            }
        }
        Proto graph = new Proto();
        nodes.forEach(n -> graph.bytes(1, n));
        graph.string(2, "tiny_detector");
        graph.bytes(5, tensor("W", new long[] {3, k}, w));
        graph.bytes(5, tensor("b", new long[] {k}, s.bias()));
        graph.bytes(11, valueInfo("x", s.inputType(), s.inputShape()));
        if (s.extraInput() != null) {
            graph.bytes(11, valueInfo(s.extraInput(), FLOAT, new long[] {1}));
        }
        graph.bytes(12, valueInfo("y", FLOAT, new long[] {-1, k}));
        Proto opset = new Proto().string(1, "").varint(2, 13);
        return new Proto().varint(1, 7).string(2, "unmask-tests").bytes(7, graph.toBytes()).bytes(8, opset.toBytes()).toBytes();
    }

    private static byte[] node(String op, List<String> in, String out, byte[]... attrs) {
        Proto n = new Proto();
        in.forEach(i -> n.string(1, i));
        n.string(2, out).string(3, op.toLowerCase() + "_" + out).string(4, op);
        for (byte[] a : attrs) {
            n.bytes(5, a);
        }
        return n.toBytes();
    }

    private static byte[] attrInt(String name, long v) {
        return new Proto().string(1, name).varint(3, v).varint(20, 2).toBytes();
    }

    private static byte[] attrInts(String name, long[] v) {
        Proto a = new Proto().string(1, name);
        for (long x : v) {
            a.varint(8, x);
        }
        return a.varint(20, 7).toBytes();
    }

    private static byte[] tensor(String name, long[] dims, float[] data) {
        Proto t = new Proto();
        for (long d : dims) {
            t.varint(1, d);
        }
        t.varint(2, FLOAT);
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        for (float f : data) {
            int bits = Float.floatToIntBits(f);
            for (int i = 0; i < 4; i++) {
                packed.write((bits >>> (8 * i)) & 0xff);
            }
        }
        t.bytes(4, packed.toByteArray());
        t.string(8, name);
        return t.toBytes();
    }

    private static byte[] valueInfo(String name, int elemType, long[] shape) {
        Proto dims = new Proto();
        for (long d : shape) {
            dims.bytes(1, d < 0 ? new Proto().string(2, "N").toBytes() : new Proto().varint(1, d).toBytes());
        }
        Proto tensorType = new Proto().varint(1, elemType).bytes(2, dims.toBytes());
        Proto type = new Proto().bytes(1, tensorType.toBytes());
        return new Proto().string(1, name).bytes(2, type.toBytes()).toBytes();
    }

    /** A protocol-buffer message writer: varint and length-delimited fields only. */
    static final class Proto {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Proto varint(int field, long v) {
            raw((long) field << 3);
            raw(v);
            return this;
        }

        Proto bytes(int field, byte[] b) {
            raw(((long) field << 3) | 2);
            raw(b.length);
            out.writeBytes(b);
            return this;
        }

        Proto string(int field, String s) {
            return bytes(field, s.getBytes(StandardCharsets.UTF_8));
        }

        private void raw(long v) {
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }

        byte[] toBytes() {
            return out.toByteArray();
        }
    }
}
