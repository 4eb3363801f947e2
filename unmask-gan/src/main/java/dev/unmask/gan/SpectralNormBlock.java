package dev.unmask.gan;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * A 2-D convolution or a fully connected layer whose weight is divided by its spectral norm (largest singular
 * value) before use, so the layer is 1-Lipschitz (Miyato, Kataoka, Koyama and Yoshida, "Spectral Normalization for
 * Generative Adversarial Networks", ICLR 2018, section 2.1 and Algorithm 1). The weight W (a convolution kernel seen
 * as a matrix of shape (filters, inputs x kernel area)) is estimated by power iteration with a persistent vector u:
 * in every training forward pass one iteration runs, v = W^T u / |W^T u|, u = W v / |W v|, outside the gradient
 * (both vectors are treated as constants), and sigma = u^T W v is differentiated through W only. Outside training u
 * is used as it stands. u is a non-trainable parameter of this block, so it is saved and loaded with the weights
 * (checkpoints restore it exactly).
 */
public final class SpectralNormBlock extends AbstractBlock {
    /** Added to vector norms before dividing (the paper's implementations use 1e-12). */
    static final float EPSILON = 1e-12f;
    private static final byte VERSION = 1;
    private static final NDIndex ALL = new NDIndex("...");

    private final int outputs;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final Parameter weight;
    private final Parameter bias;
    private final Parameter u;

    private SpectralNormBlock(int outputs, int kernel, int stride, int padding) {
        super(VERSION);
        this.outputs = outputs;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT).build());
        bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS).build());
        u = addParameter(Parameter.builder().setName("u").setType(Parameter.Type.OTHER).optRequiresGrad(false)
                .optInitializer(new NormalInitializer(1f)).build());
    }

    /** A spectrally normalised {@code kernel x kernel} convolution with bias. */
    public static SpectralNormBlock conv(int filters, int kernel, int stride, int padding) {
        if (kernel < 1) {
            throw new IllegalArgumentException("kernel must be >= 1, got " + kernel);
        }
        return new SpectralNormBlock(filters, kernel, stride, padding);
    }

    /** A spectrally normalised fully connected layer with bias, on (B, n) inputs. */
    public static SpectralNormBlock linear(int units) {
        return new SpectralNormBlock(units, 0, 1, 0);
    }

    private boolean isConv() {
        return kernel > 0;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Device device = x.getDevice();
        NDArray w = store.getValue(weight, device, training);
        NDArray b = store.getValue(bias, device, training);
        NDArray uVec = store.getValue(u, device, training);
        NDArray matrix = w.reshape(outputs, -1);
        NDArray fixed = matrix.stopGradient();
        NDArray v = unit(fixed.transpose().matMul(uVec.reshape(outputs, 1)));
        NDArray uNext = training ? unit(fixed.matMul(v)) : uVec.reshape(outputs, 1);
        if (training) {
            uVec.set(ALL, uNext.reshape(outputs));
        }
        NDArray sigma = uNext.transpose().matMul(matrix.matMul(v)).reshape(new Shape());
        NDArray normalised = w.div(sigma);
        if (isConv()) {
            return Conv2d.conv2d(x, normalised, b, new Shape(stride, stride), new Shape(padding, padding));
        }
        return Linear.linear(x, normalised, b);
    }

    private static NDArray unit(NDArray a) {
        return a.div(a.norm().add(EPSILON));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        if (!isConv()) {
            return new Shape[] {new Shape(in.get(0), outputs)};
        }
        long h = (in.get(2) + 2L * padding - kernel) / stride + 1;
        long w = (in.get(3) + 2L * padding - kernel) / stride + 1;
        return new Shape[] {new Shape(in.get(0), outputs, h, w)};
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        if (isConv()) {
            weight.setShape(new Shape(outputs, in.get(1), kernel, kernel));
        } else {
            weight.setShape(new Shape(outputs, in.size() / in.get(0)));
        }
        bias.setShape(new Shape(outputs));
        u.setShape(new Shape(outputs));
    }

    /** The current power-iteration vector (for tests). */
    NDArray powerIterationVector() {
        return u.getArray();
    }
}
