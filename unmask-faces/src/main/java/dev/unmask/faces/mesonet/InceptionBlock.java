package dev.unmask.faces.mesonet;

import java.util.ArrayList;
import java.util.List;

/**
 * MesoInception's inception module {@code InceptionLayer(a, b, c, d)} (Afchar et al. 2018, after Szegedy et al.
 * 2015): four branches on the same input, concatenated along channels in this order: a 1&times;1 convolution with
 * {@code a} filters; 1&times;1 then 3&times;3 with {@code b}; 1&times;1 then 3&times;3 dilated by 2 with
 * {@code c}; 1&times;1 then 3&times;3 dilated by 3 with {@code d}. All convolutions use ReLU and "same" padding.
 */
final class InceptionBlock implements Layer {
    private final List<List<Conv2d>> branches;

    InceptionBlock(List<List<Conv2d>> branches) {
        this.branches = List.copyOf(branches);
    }

    /** The branches, in concatenation order. */
    List<List<Conv2d>> branches() {
        return branches;
    }

    /** The convolutions in creation order (branch by branch), as Keras numbered them. */
    List<Conv2d> convolutions() {
        List<Conv2d> all = new ArrayList<>();
        branches.forEach(all::addAll);
        return all;
    }

    @Override
    public String kerasType() {
        return "Concatenate";
    }

    @Override
    public int[] outputShape(int[] input) {
        int c = 0;
        for (List<Conv2d> b : branches) {
            c += b.get(b.size() - 1).out;
        }
        return new int[] {input[0], input[1], c};
    }

    @Override
    public int params() {
        return convolutions().stream().mapToInt(Conv2d::params).sum();
    }

    @Override
    public FeatureMap forward(FeatureMap x) {
        List<FeatureMap> outs = new ArrayList<>();
        int channels = 0;
        for (List<Conv2d> branch : branches) {
            FeatureMap y = x;
            for (Conv2d conv : branch) {
                y = conv.forward(y);
            }
            outs.add(y);
            channels += y.channels;
        }
        FeatureMap cat = new FeatureMap(x.height, x.width, channels);
        int offset = 0;
        for (FeatureMap y : outs) {
            System.arraycopy(y.data, 0, cat.data, offset, y.data.length);
            offset += y.data.length;
        }
        return cat;
    }
}
