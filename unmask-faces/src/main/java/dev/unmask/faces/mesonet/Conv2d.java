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
            throw new IllegalArgumentException("conv weights do not match " + kernel + "x" + kernel + "x" + in + "x"
                    + out);
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
                        planar[((o * in + c) * kernel + ky) * kernel + kx] =
                                weights[((ky * kernel + kx) * in + c) * out + o];
                    }
                }
            }
        }
    }

    /** A copy of the kernel in (out, in, kh, kw) order: ONNX {@code Conv}'s weight layout. */
    float[] kernelOihw() {
        return planar.clone();
    }

    /** A copy of the biases. */
    float[] bias() {
        return bias.clone();
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
        FeatureMap y = new FeatureMap(x.height, x.width, out);
        int o = 0;
        for (; o + 4 <= out; o += 4) {
            fourChannels(x, y, o);
        }
        for (; o < out; o++) {
            oneChannel(x, y, o);
        }
        return y;
    }

    /**
     * Output channels {@code o..o+3}, row by row: each input row segment is read once for four outputs, and the
     * innermost loop runs along the row so the JIT vectorises it.
     */
    private void fourChannels(FeatureMap x, FeatureMap y, int o) {
        int h = x.height;
        int w = x.width;
        int plane = h * w;
        int pad = dilation * (kernel - 1) / 2;
        int taps = kernel * kernel;
        int perOut = in * taps;
        float[] src = x.data;
        float[] dst = y.data;
        float[] r0 = new float[w];
        float[] r1 = new float[w];
        float[] r2 = new float[w];
        float[] r3 = new float[w];
        for (int row = 0; row < h; row++) {
            java.util.Arrays.fill(r0, bias[o]);
            java.util.Arrays.fill(r1, bias[o + 1]);
            java.util.Arrays.fill(r2, bias[o + 2]);
            java.util.Arrays.fill(r3, bias[o + 3]);
            for (int c = 0; c < in; c++) {
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
                        int t = o * perOut + c * taps + ky * kernel + kx;
                        float k0 = planar[t];
                        float k1 = planar[t + perOut];
                        float k2 = planar[t + 2 * perOut];
                        float k3 = planar[t + 3 * perOut];
                        int s = sRow + dx;
                        for (int col = x0; col < x1; col++) {
                            float v = src[s + col];
                            r0[col] += k0 * v;
                            r1[col] += k1 * v;
                            r2[col] += k2 * v;
                            r3[col] += k3 * v;
                        }
                    }
                }
            }
            store(r0, dst, o * plane + row * w);
            store(r1, dst, (o + 1) * plane + row * w);
            store(r2, dst, (o + 2) * plane + row * w);
            store(r3, dst, (o + 3) * plane + row * w);
        }
    }

    /** One output channel (for the 1- and 2-filter convolutions of the inception modules). */
    private void oneChannel(FeatureMap x, FeatureMap y, int o) {
        int h = x.height;
        int w = x.width;
        int plane = h * w;
        int pad = dilation * (kernel - 1) / 2;
        int taps = kernel * kernel;
        float[] src = x.data;
        float[] r = new float[w];
        for (int row = 0; row < h; row++) {
            java.util.Arrays.fill(r, bias[o]);
            for (int c = 0; c < in; c++) {
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
                        float k = planar[(o * in + c) * taps + ky * kernel + kx];
                        int s = sRow + dx;
                        for (int col = x0; col < x1; col++) {
                            r[col] += k * src[s + col];
                        }
                    }
                }
            }
            store(r, y.data, o * plane + row * w);
        }
    }

    private void store(float[] row, float[] dst, int at) {
        if (relu) {
            for (int i = 0; i < row.length; i++) {
                dst[at + i] = row[i] < 0 ? 0 : row[i];
            }
        } else {
            System.arraycopy(row, 0, dst, at, row.length);
        }
    }
}
