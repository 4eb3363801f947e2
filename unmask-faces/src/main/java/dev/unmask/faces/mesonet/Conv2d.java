package dev.unmask.faces.mesonet;

import java.util.List;

/**
 * Keras {@code Conv2D} with {@code padding='same'}, stride 1, an optional dilation rate and ReLU activation:
 * {@code out(y, x, o) = relu(b[o] + sum_{i,j,c} in(y + d*i - p, x + d*j - p, c) * K[i][j][c][o])}, with zero
 * padding {@code p = d * (k - 1) / 2} before and after (TensorFlow's "same" for odd kernels). The kernel keeps
 * Keras's layout {@code (kh, kw, in, out)}.
 */
final class Conv2d implements Layer {
    final int kernel;
    final int in;
    final int out;
    final int dilation;
    final boolean relu;
    /** The kernel rearranged to (out, in, kh, kw), the order the loops read it in. */
    private final float[] planar;
    private final float[] bias;

    Conv2d(int kernel, int in, int out, int dilation, boolean relu, float[] weights, float[] bias) {
        if (weights.length != kernel * kernel * in * out || bias.length != out) {
            throw new IllegalArgumentException("conv weights do not match " + kernel + "x" + kernel + "x" + in + "x" + out);
        }
        this.kernel = kernel;
        this.in = in;
        this.out = out;
        this.dilation = dilation;
        this.relu = relu;
        this.bias = bias.clone();
        this.planar = new float[weights.length];
        for (int ky = 0; ky < kernel; ky++) {
            for (int kx = 0; kx < kernel; kx++) {
                for (int c = 0; c < in; c++) {
                    for (int o = 0; o < out; o++) {
                        planar[((o * in + c) * kernel + ky) * kernel + kx] = weights[((ky * kernel + kx) * in + c) * out + o];
                    }
                }
            }
        }
    }

    @Override
    public String kerasType() {
        return "Conv2D";
    }

    @Override
    public int[] outputShape(int[] input) {
        return new int[] {input[0], input[1], out};
    }

    @Override
    public int params() {
        return kernel * kernel * in * out + out;
    }

    @Override
    public List<int[]> weightShapes() {
        return List.of(new int[] {kernel, kernel, in, out}, new int[] {out});
    }

    @Override
    public FeatureMap forward(FeatureMap x) {
        if (x.channels != in) {
            throw new IllegalArgumentException("conv expects " + in + " channels, got " + x.channels);
        }
        int h = x.height;
        int w = x.width;
        int plane = h * w;
        int pad = dilation * (kernel - 1) / 2;
        int taps = kernel * kernel;
        FeatureMap y = new FeatureMap(h, w, out);
        float[] src = x.data;
        float[] dst = y.data;
        for (int o = 0; o < out; o++) {
            int oTaps = o * in * taps;
            for (int row = 0; row < h; row++) {
                int d = o * plane + row * w;
                java.util.Arrays.fill(dst, d, d + w, bias[o]);
                for (int c = 0; c < in; c++) {
                    int cTaps = oTaps + c * taps;
                    for (int ky = 0; ky < kernel; ky++) {
                        int sy = row + ky * dilation - pad;
                        if (sy < 0 || sy >= h) {
                            continue;
                        }
                        int sRow = c * plane + sy * w;
                        for (int kx = 0; kx < kernel; kx++) {
                            int dx = kx * dilation - pad;
                            int x0 = Math.max(0, -dx);
                            int x1 = Math.min(w, w - dx);
                            float k = planar[cTaps + ky * kernel + kx];
                            int s = sRow + dx;
                            for (int col = x0; col < x1; col++) {
                                dst[d + col] += k * src[s + col];
                            }
                        }
                    }
                }
                if (relu) {
                    for (int i = d; i < d + w; i++) {
                        if (dst[i] < 0) {
                            dst[i] = 0;
                        }
                    }
                }
            }
        }
        return y;
    }
}
