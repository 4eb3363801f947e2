package dev.unmask.gan;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;

/**
 * A small convolutional auto-encoder whose decoder up-samples the way generators do: the encoder halves the
 * resolution twice with 4x4 stride-2 convolutions (to 1/4 of each side, 4x the base channels), the decoder doubles it
 * twice with [nearest up-sampling x2, 3x3 convolution, ReLU] and ends with a 3x3 convolution to RGB and a sigmoid.
 * Images passed through it keep their content but carry the periodic up-sampling correlations that generator
 * decoders leave (the traces NPR, Tan et al. CVPR 2024, and spectral detectors, Durall et al. CVPR 2020, look for),
 * which makes its reconstructions useful "fake" training examples that Unmask can make from real photographs without
 * any third-party generator. Fully convolutional: any input whose sides are multiples of 4.
 */
final class AutoencoderNetwork {
    private AutoencoderNetwork() {
    }

    /** (B, 3, H, W) in [0, 1] -> (B, 3, H, W) in [0, 1]; H and W multiples of 4. */
    static Block build(int channels) {
        SequentialBlock n = new SequentialBlock();
        n.add(conv(channels, 3, 1, 1));
        n.add(Activation.reluBlock());
        n.add(conv(channels * 2, 4, 2, 1));
        n.add(Activation.reluBlock());
        n.add(conv(channels * 4, 4, 2, 1));
        n.add(Activation.reluBlock());
        n.add(new LambdaBlock(x -> new NDList(GanNetworks.upsample2(x.singletonOrThrow())), "upsample2a"));
        n.add(conv(channels * 2, 3, 1, 1));
        n.add(Activation.reluBlock());
        n.add(new LambdaBlock(x -> new NDList(GanNetworks.upsample2(x.singletonOrThrow())), "upsample2b"));
        n.add(conv(channels, 3, 1, 1));
        n.add(Activation.reluBlock());
        // 16 filters of which 3 are used: see GanNetworks.RGB_CONV_FILTERS (NaN gradients with 3-filter convs)
        n.add(conv(GanNetworks.RGB_CONV_FILTERS, 3, 1, 1));
        n.add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().get(":, 0:3")), "rgb"));
        n.add(Activation.sigmoidBlock());
        return n;
    }

    private static Block conv(int filters, int kernel, int stride, int pad) {
        return Conv2d.builder().setFilters(filters).setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride)).optPadding(new Shape(pad, pad)).build();
    }
}
