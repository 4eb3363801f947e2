package dev.unmask.detect.npr;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.util.Pair;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The NPR detector network (Tan et al., "Rethinking the Up-Sampling Operations in CNN-based Generative Network for
 * Generalizable Deepfake Detection", CVPR 2024, section 3 and its reference design): the input image x (RGB in
 * [0, 1], NCHW, even sides) is replaced by its neighbouring-pixel residual {@code x - up(down(x))}, where down keeps
 * the top-left pixel of every 2x2 block and up repeats it (nearest neighbour, factor 2), scaled by 2/3; then a
 * ResNet-50 trimmed to its first two stages: 3x3 stride-2 convolution to 64 channels, batch norm, ReLU, 3x3
 * stride-2 max pooling, 3 bottleneck blocks of width 64 (output 256), 4 bottleneck blocks of width 128 (output
 * 512, the first with stride 2 on its 3x3 convolution), global average pooling and one linear unit (the logit,
 * positive = fake). Bottlenecks follow He et al., "Deep Residual Learning for Image Recognition", CVPR 2016:
 * 1x1, 3x3, 1x1 convolutions without bias, each followed by batch norm, ReLU after the first two and after the
 * residual sum; a 1x1 projection with batch norm on the shortcut when the shape changes. 1,437,761 trainable
 * parameters.
 *
 * <p>Initialisation is done here in Java from the run's seed rather than by the engine, so the starting weights
 * are the same on every engine and machine: convolutions from N(0, 2 / (out channels x kernel area)) (He et al.,
 * ICCV 2015, fan-out mode, as the reference), batch-norm scales 1 and shifts 0, the linear layer from
 * U(-1/sqrt(fan in), 1/sqrt(fan in)) (PyTorch's default).
 */
public final class NprNetwork {
    /** Trainable parameters of the network. */
    public static final long PARAMETERS = 1_437_761L;
    /** Scale of the residual before the first convolution (the reference's 2/3). */
    public static final float RESIDUAL_SCALE = 2f / 3f;
    /** Batch-norm momentum in DJL's convention (share of the old running value kept per training batch). */
    public static final float BN_MOMENTUM = 0.9f;
    /** Bottleneck expansion (ResNet-50). */
    static final int EXPANSION = 4;

    private NprNetwork() {
    }

    /** Builds the (uninitialised) NPR network: (B, 3, S, S) in [0, 1] -> (B, 1) logits. */
    public static Block build() {
        return build(true);
    }

    /**
     * Builds the (uninitialised) network: (B, 3, S, S) in [0, 1] -> (B, 1) logits; with {@code residual} the trunk
     * reads the NPR residual, without it the RGB pixels scaled to [-1, 1] (the {@code rgb} architecture).
     */
    public static Block build(boolean residual) {
        SequentialBlock net = new SequentialBlock();
        if (residual) {
            net.add(new LambdaBlock(x -> new NDList(residual(x.singletonOrThrow()).muli(RESIDUAL_SCALE)), "npr_residual"));
        } else {
            net.add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().sub(0.5f).muli(2f)), "rgb_centred"));
        }
        net.add(conv(64, 3, 2, 1));
        net.add(batchNorm());
        net.add(Activation.reluBlock());
        net.add(Pool.maxPool2dBlock(new Shape(3, 3), new Shape(2, 2), new Shape(1, 1)));
        int in = 64;
        in = stage(net, in, 64, 3, 1);
        stage(net, in, 128, 4, 2);
        net.add(Pool.globalAvgPool2dBlock());
        net.add(Blocks.batchFlattenBlock());
        net.add(Linear.builder().setUnits(1).build());
        return net;
    }

    /**
     * The neighbouring-pixel residual {@code x - up(down(x))} of an NCHW array with even height and width, where
     * down keeps pixel (2i, 2j) and up repeats it over its 2x2 block.
     */
    public static NDArray residual(NDArray x) {
        Shape s = x.getShape();
        long b = s.get(0);
        long c = s.get(1);
        long h = s.get(2);
        long w = s.get(3);
        if (h % 2 != 0 || w % 2 != 0) {
            throw new IllegalArgumentException("NPR needs even image sides, got " + h + "x" + w);
        }
        NDArray blocks = x.reshape(b, c, h / 2, 2, w / 2, 2);
        NDArray corner = blocks.get(":, :, :, 0:1, :, 0:1");
        return blocks.sub(corner).reshape(b, c, h, w);
    }

    private static int stage(SequentialBlock net, int in, int width, int blocks, int stride) {
        int out = width * EXPANSION;
        for (int i = 0; i < blocks; i++) {
            int s = i == 0 ? stride : 1;
            boolean project = i == 0 && (s != 1 || in != out);
            net.add(bottleneck(width, out, s, project));
        }
        return out;
    }

    private static Block bottleneck(int width, int out, int stride, boolean project) {
        SequentialBlock main = new SequentialBlock()
                .add(conv(width, 1, 1, 0)).add(batchNorm()).add(Activation.reluBlock())
                .add(conv(width, 3, stride, 1)).add(batchNorm()).add(Activation.reluBlock())
                .add(conv(out, 1, 1, 0)).add(batchNorm());
        Block shortcut = project
                ? new SequentialBlock().add(conv(out, 1, stride, 0)).add(batchNorm())
                : Blocks.identityBlock();
        return new SequentialBlock()
                .add(new ParallelBlock(l -> new NDList(l.get(0).singletonOrThrow().add(l.get(1).singletonOrThrow())), List.of(main, shortcut)))
                .add(Activation.reluBlock());
    }

    /**
     * Batch normalisation with DJL's momentum {@value #BN_MOMENTUM} (running = momentum x running + (1 - momentum)
     * x batch; PyTorch's momentum 0.1) and epsilon 1e-5, as PyTorch's defaults.
     */
    static Block batchNorm() {
        return BatchNorm.builder().optMomentum(BN_MOMENTUM).optEpsilon(1e-5f).build();
    }

    private static Block conv(int filters, int kernel, int stride, int pad) {
        return Conv2d.builder().setFilters(filters).setKernelShape(new Shape(kernel, kernel)).optStride(new Shape(stride, stride))
                .optPadding(new Shape(pad, pad)).optBias(false).build();
    }

    /** Sets every parameter of an initialised network from {@code seed} (see the class comment). */
    public static void initialise(Block net, long seed) {
        int index = 0;
        for (Pair<String, Parameter> p : net.getParameters()) {
            Parameter param = p.getValue();
            NDArray a = param.getArray();
            Shape s = a.getShape();
            int n = (int) s.size();
            float[] v = new float[n];
            SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index++);
            switch (param.getType()) {
                case WEIGHT -> {
                    if (s.dimension() == 4) {
                        double std = Math.sqrt(2.0 / (s.get(0) * s.get(2) * s.get(3)));
                        for (int i = 0; i < n; i++) {
                            v[i] = (float) (std * gaussian(r));
                        }
                    } else {
                        double bound = 1 / Math.sqrt(s.get(s.dimension() - 1));
                        for (int i = 0; i < n; i++) {
                            v[i] = (float) ((2 * r.nextDouble() - 1) * bound);
                        }
                    }
                }
                case BIAS -> {
                    double bound = 1 / Math.sqrt(512);
                    for (int i = 0; i < n; i++) {
                        v[i] = (float) ((2 * r.nextDouble() - 1) * bound);
                    }
                }
                case GAMMA, RUNNING_VAR -> java.util.Arrays.fill(v, 1f);
                default -> {
                    // BETA and RUNNING_MEAN start at 0
                }
            }
            a.set(v);
        }
    }

    private static double gaussian(SplittableRandom r) {
        double u1 = 1 - r.nextDouble();
        double u2 = r.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
    }

    /** Trainable parameters of {@code net}. */
    public static long trainableParameters(Block net) {
        long n = 0;
        for (Pair<String, Parameter> p : net.getParameters()) {
            if (p.getValue().requiresGradient()) {
                n += p.getValue().getArray().getShape().size();
            }
        }
        return n;
    }

    /**
     * Packs {@code size x size} crops of 0xRRGGBB pixels into one NCHW float array in [0, 1] in {@code manager}.
     */
    public static NDArray input(NDManager manager, List<int[]> crops, int size) {
        int plane = size * size;
        float[] px = new float[crops.size() * 3 * plane];
        for (int i = 0; i < crops.size(); i++) {
            int[] c = crops.get(i);
            int base = i * 3 * plane;
            for (int p = 0; p < plane; p++) {
                int v = c[p];
                px[base + p] = ((v >> 16) & 0xff) / 255f;
                px[base + plane + p] = ((v >> 8) & 0xff) / 255f;
                px[base + 2 * plane + p] = (v & 0xff) / 255f;
            }
        }
        return manager.create(px, new Shape(crops.size(), 3, size, size));
    }
}
