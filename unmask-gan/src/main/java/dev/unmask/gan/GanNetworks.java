package dev.unmask.gan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;

/**
 * The DCGAN-style networks (Radford, Metz and Chintala, ICLR 2016). The generator maps a latent vector to a 4x4
 * feature map, then doubles the resolution with blocks of [nearest up-sampling x2, 3x3 convolution, batch norm,
 * ReLU] and ends with a 3x3 convolution to RGB (computed as {@link #RGB_CONV_FILTERS} channels, of which the first
 * 3 are kept) and tanh. Nearest up-sampling followed by a convolution replaces the
 * paper's transposed convolutions (which DJL lacks) and avoids their checkerboard artefacts (Odena, Dumoulin and
 * Olah, "Deconvolution and Checkerboard Artifacts", Distill 2016). The discriminator halves the resolution with 4x4
 * stride-2 convolutions and LeakyReLU(0.2), batch norm on every layer but the first, down to 4x4, then a linear
 * layer to one logit (positive = real). With {@link GanConfig.Architecture#SPECTRAL_NORM} the discriminator is the
 * "standard CNN" of Miyato et al. (ICLR 2018, table 3): at every resolution a 3x3 convolution then a 4x4 stride-2
 * convolution, a last 3x3 convolution at 4x4, LeakyReLU(0.1), no batch norm, every convolution and the linear
 * layer spectrally normalised ({@link SpectralNormBlock}). (The DCGAN layers alone, spectrally normalised, learned
 * too slowly: after 30 steps on the test shapes they still called every image real.) Channel counts double per halving of resolution up to {@link #MAX_CHANNEL_FACTOR}
 * times the base count (DCGAN's 8 x 64 = 512 at 64 px), which only limits the 128 px networks.
 */
public final class GanNetworks {
    /** LeakyReLU slope of the discriminator, as in DCGAN. */
    public static final float LEAKY_SLOPE = 0.2f;
    /** LeakyReLU slope of the spectral-norm discriminator, as in Miyato et al. */
    public static final float SN_LEAKY_SLOPE = 0.1f;

    /**
     * Output channels of the generator's last convolution, of which only the first 3 (RGB) are used. A 3-filter
     * convolution is the natural choice, but PyTorch 2.7.1's CPU (oneDNN) convolution backward pass then
     * intermittently returned NaN in one or two channels of the input gradient (finite weights, inputs and output
     * gradient; different NaN channels from run to run), which spread to every generator layer below it: about one
     * generator update in four at the test settings. 8 filters still failed, 16 (one AVX-512 block of floats) never
     * did in 3 x 200 updates. The 13 unused filters get zero gradients and stay at their initial values.
     */
    public static final int RGB_CONV_FILTERS = 16;

    /**
     * Every convolution's channel count is rounded up to a multiple of this. PyTorch 2.7.1's CPU convolutions
     * (oneDNN, AVX-512 blocked layout of 16 floats) read uninitialised memory in the backward pass when a layer's
     * channel count is not a multiple of 16: measured here with 8 base channels, gradients differed from run to run
     * and every few updates were NaN; with 24 (= 24, 48, 96 channels) every update was NaN. See DEVELOPERS.md.
     */
    public static final int CHANNEL_BLOCK = 16;

    /** Widest layer, as a multiple of {@link GanConfig#baseChannels()}. */
    public static final int MAX_CHANNEL_FACTOR = 8;

    private GanNetworks() {
    }

    /** Number of resolution doublings from 4x4 to {@code size}. */
    static int stages(int size) {
        return Integer.numberOfTrailingZeros(size) - 2;
    }

    /** Generator: (B, latentDim) -> (B, 3, size, size) in [-1, 1]. */
    public static Block generator(GanConfig c) {
        int n = stages(c.size());
        int ch = widest(c, n - 1);
        int first = ch;
        SequentialBlock g = new SequentialBlock();
        g.add(Linear.builder().setUnits((long) first * 16).build());
        g.add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().reshape(new Shape(-1, first, 4, 4))),
                "to4x4"));
        g.add(BatchNorm.builder().build());
        g.add(Activation.reluBlock());
        for (int i = 0; i < n; i++) {
            int out = blocked(Math.max(c.baseChannels(), ch >> 1));
            if (i == n - 1) {
                out = blocked(c.baseChannels());
            }
            g.add(new LambdaBlock(x -> new NDList(upsample2(x.singletonOrThrow())), "upsample2"));
            g.add(conv(out, 3, 1, 1, false));
            g.add(BatchNorm.builder().build());
            g.add(Activation.reluBlock());
            ch = out;
        }
        g.add(conv(RGB_CONV_FILTERS, 3, 1, 1, true));
        g.add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().get(":, 0:3")), "rgb"));
        g.add(Activation.tanhBlock());
        return g;
    }

    private static int widest(GanConfig c, int doublings) {
        return blocked(c.baseChannels() << Math.min(doublings, Integer.numberOfTrailingZeros(MAX_CHANNEL_FACTOR)));
    }

    /** {@code channels} rounded up to a multiple of {@link #CHANNEL_BLOCK}. */
    public static int blocked(int channels) {
        return (channels + CHANNEL_BLOCK - 1) / CHANNEL_BLOCK * CHANNEL_BLOCK;
    }

    /** Discriminator: (B, 3, size, size) -> (B, 1) logits. */
    public static Block discriminator(GanConfig c) {
        int n = stages(c.size());
        if (c.architecture() == GanConfig.Architecture.SPECTRAL_NORM) {
            return spectralDiscriminator(c, n);
        }
        SequentialBlock d = new SequentialBlock();
        int ch = blocked(c.baseChannels());
        d.add(conv(ch, 4, 2, 1, true));
        d.add(Activation.leakyReluBlock(LEAKY_SLOPE));
        for (int i = 1; i < n; i++) {
            ch = widest(c, i);
            d.add(conv(ch, 4, 2, 1, false));
            d.add(BatchNorm.builder().build());
            d.add(Activation.leakyReluBlock(LEAKY_SLOPE));
        }
        d.add(Blocks.batchFlattenBlock());
        d.add(Linear.builder().setUnits(1).build());
        return d;
    }

    private static Block spectralDiscriminator(GanConfig c, int n) {
        SequentialBlock d = new SequentialBlock();
        for (int i = 0; i < n; i++) {
            d.add(SpectralNormBlock.conv(widest(c, i), 3, 1, 1));
            d.add(Activation.leakyReluBlock(SN_LEAKY_SLOPE));
            d.add(SpectralNormBlock.conv(widest(c, i), 4, 2, 1));
            d.add(Activation.leakyReluBlock(SN_LEAKY_SLOPE));
        }
        d.add(SpectralNormBlock.conv(widest(c, n), 3, 1, 1));
        d.add(Activation.leakyReluBlock(SN_LEAKY_SLOPE));
        d.add(Blocks.batchFlattenBlock());
        d.add(SpectralNormBlock.linear(1));
        return d;
    }

    /**
     * Nearest-neighbour up-sampling by 2 of an NCHW tensor, as a broadcast: (B,C,H,1,W,1) -> (B,C,H,2,W,2) ->
     * (B,C,2H,2W). Not {@code NDArray.repeat}: with DJL 0.36's PyTorch engine its backward pass sometimes
     * produced NaN gradients (seen as NaN in every layer below the first up-sampling).
     */
    static NDArray upsample2(NDArray x) {
        Shape s = x.getShape();
        long b = s.get(0);
        long c = s.get(1);
        long h = s.get(2);
        long w = s.get(3);
        return x.reshape(b, c, h, 1, w, 1).broadcast(b, c, h, 2, w, 2).reshape(b, c, 2 * h, 2 * w);
    }

    private static Block conv(int filters, int kernel, int stride, int pad, boolean bias) {
        Conv2d.Builder b = Conv2d.builder().setFilters(filters).setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride)).optPadding(new Shape(pad, pad));
        if (!bias) {
            b.optBias(false);
        }
        return b.build();
    }
}
