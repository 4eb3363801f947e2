package dev.unmask.onnx;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes an ONNX model (a {@code ModelProto} of {@code onnx.proto}, IR version {@value #IR_VERSION}, default-domain
 * opset {@value #OPSET}) from Java, so networks whose weights Unmask reads itself (for example Keras HDF5 files)
 * run on ONNX Runtime without a model file converted elsewhere. Float tensors only: graph inputs and outputs,
 * initializers (float, or int64 for shape operands) and nodes with int, float, ints and string attributes. Operator
 * semantics are those of the ONNX operator specification at the opset above.
 *
 * <p>Not thread-safe; build a graph in one thread, then pass {@link #toBytes()} to
 * {@link OnnxSessions#open(byte[], int)}.
 */
public final class OnnxGraphWriter {
    /** The ONNX IR version written (ONNX 1.8). */
    public static final int IR_VERSION = 7;
    /** The default-domain operator set (ONNX 1.8; ONNX Runtime 1.29 supports it). */
    public static final int OPSET = 13;
    /** {@code TensorProto.DataType.FLOAT}. */
    public static final int FLOAT = 1;
    /** {@code TensorProto.DataType.INT64}. */
    public static final int INT64 = 7;

    private final String name;
    private final List<byte[]> nodes = new ArrayList<>();
    private final List<byte[]> initializers = new ArrayList<>();
    private final List<byte[]> inputs = new ArrayList<>();
    private final List<byte[]> outputs = new ArrayList<>();
    private int nodeCount;

    /** A graph called {@code name}. */
    public OnnxGraphWriter(String name) {
        this.name = Objects.requireNonNull(name);
    }

    /** One node attribute ({@code AttributeProto}). */
    public static final class Attribute {
        private final byte[] bytes;

        private Attribute(byte[] bytes) {
            this.bytes = bytes;
        }

        /** An INT attribute. */
        public static Attribute ofInt(String name, long v) {
            return new Attribute(new ProtoWriter().string(1, name).varint(3, v).varint(20, 2).toBytes());
        }

        /** A FLOAT attribute. */
        public static Attribute ofFloat(String name, float v) {
            return new Attribute(new ProtoWriter().string(1, name).float32(2, v).varint(20, 1).toBytes());
        }

        /** An INTS attribute. */
        public static Attribute ofInts(String name, long... v) {
            ProtoWriter a = new ProtoWriter().string(1, name);
            for (long x : v) {
                a.varint(8, x);
            }
            return new Attribute(a.varint(20, 7).toBytes());
        }

        /** A STRING attribute. */
        public static Attribute ofString(String name, String v) {
            return new Attribute(new ProtoWriter().string(1, name).string(4, v).varint(20, 3).toBytes());
        }
    }

    /**
     * Declares a graph input.
     *
     * @param shape dimensions; a negative value is a symbolic dimension ({@code N} on the first axis: the batch)
     */
    public OnnxGraphWriter input(String tensor, int elementType, long... shape) {
        inputs.add(valueInfo(tensor, elementType, shape));
        return this;
    }

    /** Declares a graph output (see {@link #input} for {@code shape}). */
    public OnnxGraphWriter output(String tensor, int elementType, long... shape) {
        outputs.add(valueInfo(tensor, elementType, shape));
        return this;
    }

    /**
     * Adds a float constant (weights) of shape {@code dims}, stored as little-endian raw data.
     *
     * @throws IllegalArgumentException when {@code data} does not hold the product of {@code dims} values
     */
    public OnnxGraphWriter initializer(String tensor, long[] dims, float[] data) {
        requireCount(tensor, dims, data.length);
        ProtoWriter t = dims(dims).varint(2, FLOAT);
        ByteArrayOutputStream packed = new ByteArrayOutputStream(4 * data.length);
        for (float f : data) {
            int bits = Float.floatToIntBits(f);
            for (int i = 0; i < 4; i++) {
                packed.write((bits >>> (8 * i)) & 0xff);
            }
        }
        initializers.add(t.string(8, tensor).bytes(9, packed.toByteArray()).toBytes());
        return this;
    }

    /** Adds an int64 constant (for example the target shape of a {@code Reshape}). */
    public OnnxGraphWriter initializer(String tensor, long[] dims, long[] data) {
        requireCount(tensor, dims, data.length);
        ProtoWriter t = dims(dims).varint(2, INT64);
        ByteArrayOutputStream packed = new ByteArrayOutputStream(8 * data.length);
        for (long v : data) {
            for (int i = 0; i < 8; i++) {
                packed.write((int) (v >>> (8 * i)) & 0xff);
            }
        }
        initializers.add(t.string(8, tensor).bytes(9, packed.toByteArray()).toBytes());
        return this;
    }

    /**
     * Adds a node of the default domain with one output.
     *
     * @param op operator type, e.g. {@code Conv}
     * @param in input tensor names (an empty name is an omitted optional input)
     * @return {@code out}, for chaining names
     */
    public String node(String op, List<String> in, String out, Attribute... attributes) {
        ProtoWriter n = new ProtoWriter();
        in.forEach(i -> n.string(1, i));
        n.string(2, out).string(3, op.toLowerCase(java.util.Locale.ROOT) + "_" + nodeCount++).string(4, op);
        for (Attribute a : attributes) {
            n.bytes(5, a.bytes);
        }
        nodes.add(n.toBytes());
        return out;
    }

    /** The {@code ModelProto} bytes. */
    public byte[] toBytes() {
        ProtoWriter graph = new ProtoWriter();
        nodes.forEach(n -> graph.bytes(1, n));
        graph.string(2, name);
        initializers.forEach(t -> graph.bytes(5, t));
        inputs.forEach(v -> graph.bytes(11, v));
        outputs.forEach(v -> graph.bytes(12, v));
        ProtoWriter opset = new ProtoWriter().string(1, "").varint(2, OPSET);
        return new ProtoWriter().varint(1, IR_VERSION).string(2, "unmask").bytes(7, graph.toBytes())
                .bytes(8, opset.toBytes()).toBytes();
    }

    private static void requireCount(String tensor, long[] dims, int count) {
        long n = 1;
        for (long d : dims) {
            n = Math.multiplyExact(n, d);
        }
        if (n != count) {
            throw new IllegalArgumentException("initializer " + tensor + " has " + count + " values for shape "
                    + java.util.Arrays.toString(dims));
        }
    }

    private static ProtoWriter dims(long[] dims) {
        ProtoWriter t = new ProtoWriter();
        for (long d : dims) {
            t.varint(1, d);
        }
        return t;
    }

    private static byte[] valueInfo(String name, int elementType, long[] shape) {
        ProtoWriter dims = new ProtoWriter();
        for (int i = 0; i < shape.length; i++) {
            long d = shape[i];
            String symbol = i == 0 ? "N" : "d" + i;
            dims.bytes(1, d < 0 ? new ProtoWriter().string(2, symbol).toBytes() : new ProtoWriter().varint(1, d).toBytes());
        }
        ProtoWriter tensorType = new ProtoWriter().varint(1, elementType).bytes(2, dims.toBytes());
        ProtoWriter type = new ProtoWriter().bytes(1, tensorType.toBytes());
        return new ProtoWriter().string(1, name).bytes(2, type.toBytes()).toBytes();
    }
}
