package dev.unmask.faces.mesonet;

import static dev.unmask.onnx.OnnxGraphWriter.Attribute.ofFloat;
import static dev.unmask.onnx.OnnxGraphWriter.Attribute.ofInt;
import static dev.unmask.onnx.OnnxGraphWriter.Attribute.ofInts;

import dev.unmask.onnx.OnnxGraphWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates the layers of a loaded {@link MesoNetArchitecture} network, in order and with the same weight arrays,
 * into an ONNX graph (operators as the ONNX specification defines them at opset {@value OnnxGraphWriter#OPSET}), so
 * ONNX Runtime runs the network that the pure-Java layers define. Keras and ONNX differ in ways this class bridges:
 *
 * <ul>
 *   <li>Layout: Keras is channels-last, ONNX {@code Conv} channels-first. The graph takes the channels-last input of
 *       {@link MesoNet#toInput} and transposes it once; before {@code Flatten} it transposes back, because Keras
 *       flattens in (y, x, c) order and the first dense kernel's rows follow that order.</li>
 *   <li>Padding: Keras {@code padding='same'} is explicit {@code pads}. Convolutions are stride 1 with odd kernels,
 *       so {@code d * (k - 1) / 2} on every side; pooling puts the odd pixel of a "same" pad after (bottom/right),
 *       as TensorFlow does, so the pads may be asymmetric.</li>
 *   <li>{@code BatchNormalization} keeps Keras's four arrays and epsilon ({@value BatchNorm#EPSILON}); {@code Dense}
 *       is {@code Gemm} with Keras's (in, out) kernel as B; {@code Dropout} is the identity at inference and
 *       emits no node.</li>
 * </ul>
 *
 * Input {@value #INPUT}: {@code [N, 256, 256, 3]} in [0, 1]; output {@value #LOGIT}: {@code [N, 1]}, the last
 * dense layer before its sigmoid (as {@link MesoNet#logit}).
 */
final class MesoNetOnnxGraph {
    /** Name of the graph input (channels-last). */
    static final String INPUT = "input";
    /** Name of the graph output (the logit). */
    static final String LOGIT = "logit";

    private final OnnxGraphWriter g = new OnnxGraphWriter("mesonet");
    private int count;

    private MesoNetOnnxGraph() {}

    /**
     * The ONNX model bytes for {@code layers}.
     *
     * @throws IllegalArgumentException for a layer type this translation does not know
     */
    static byte[] build(List<Layer> layers) {
        return new MesoNetOnnxGraph().translate(layers);
    }

    private byte[] translate(List<Layer> layers) {
        int s = MesoNetArchitecture.INPUT_SIZE;
        g.input(INPUT, OnnxGraphWriter.FLOAT, -1, s, s, 3);
        String x = g.node("Transpose", List.of(INPUT), "nchw", ofInts("perm", 0, 3, 1, 2));
        int[] shape = {s, s, 3};
        for (Layer l : layers) {
            x = switch (l) {
                case Conv2d c -> conv(c, x);
                case InceptionBlock b -> inception(b, x);
                case BatchNorm b -> batchNorm(b, x);
                case MaxPool p -> maxPool(p, shape, x);
                case Flatten f -> g.node("Flatten", List.of(g.node("Transpose", List.of(x), name("nhwc"),
                        ofInts("perm", 0, 2, 3, 1))), name("flat"), ofInt("axis", 1));
                case Dropout d -> x;
                case Dense d -> dense(d, x);
                case LeakyRelu r -> g.node("LeakyRelu", List.of(x), name("leaky"), ofFloat("alpha", r.alpha));
                default -> throw new IllegalArgumentException("no ONNX translation for " + l.kerasType());
            };
            shape = l.outputShape(shape);
        }
        if (shape[0] != 1 || shape[1] != 1 || shape[2] != 1) {
            throw new IllegalArgumentException("MesoNet must end with one output, ends with shape "
                    + java.util.Arrays.toString(shape));
        }
        g.node("Identity", List.of(x), LOGIT);
        g.output(LOGIT, OnnxGraphWriter.FLOAT, -1, 1);
        return g.toBytes();
    }

    private String name(String what) {
        return what + "_" + count++;
    }

    private String conv(Conv2d c, String x) {
        String id = name("conv");
        g.initializer(id + "_w", new long[] {c.out, c.in, c.kernel, c.kernel}, c.kernelOihw());
        g.initializer(id + "_b", new long[] {c.out}, c.bias());
        int p = c.dilation * (c.kernel - 1) / 2;
        String y = g.node("Conv", List.of(x, id + "_w", id + "_b"), id, ofInts("kernel_shape", c.kernel, c.kernel),
                ofInts("dilations", c.dilation, c.dilation), ofInts("strides", 1, 1), ofInts("pads", p, p, p, p));
        return c.relu ? g.node("Relu", List.of(y), id + "_relu") : y;
    }

    private String inception(InceptionBlock b, String x) {
        List<String> outs = new ArrayList<>();
        for (List<Conv2d> branch : b.branches()) {
            String y = x;
            for (Conv2d c : branch) {
                y = conv(c, y);
            }
            outs.add(y);
        }
        return g.node("Concat", outs, name("concat"), ofInt("axis", 1));
    }

    private String batchNorm(BatchNorm b, String x) {
        String id = name("bn");
        String[] parts = {"_gamma", "_beta", "_mean", "_var"};
        List<String> in = new ArrayList<>(List.of(x));
        for (int i = 0; i < parts.length; i++) {
            g.initializer(id + parts[i], new long[] {b.channels}, b.kerasArray(i));
            in.add(id + parts[i]);
        }
        return g.node("BatchNormalization", in, id, ofFloat("epsilon", (float) BatchNorm.EPSILON));
    }

    private String maxPool(MaxPool p, int[] shape, String x) {
        int k = p.pool;
        int padY = samePadding(shape[0], k);
        int padX = samePadding(shape[1], k);
        return g.node("MaxPool", List.of(x), name("pool"), ofInts("kernel_shape", k, k), ofInts("strides", k, k),
                ofInts("pads", padY / 2, padX / 2, padY - padY / 2, padX - padX / 2));
    }

    /** Total "same" padding of a pooling with window = stride = {@code k} on {@code n} pixels. */
    private static int samePadding(int n, int k) {
        int out = (n + k - 1) / k;
        return Math.max(0, (out - 1) * k + k - n);
    }

    private String dense(Dense d, String x) {
        String id = name("dense");
        g.initializer(id + "_w", new long[] {d.in, d.out}, d.kernel());
        g.initializer(id + "_b", new long[] {d.out}, d.bias());
        String y = g.node("Gemm", List.of(x, id + "_w", id + "_b"), id);
        return d.sigmoid ? g.node("Sigmoid", List.of(y), id + "_sigmoid") : y;
    }
}
