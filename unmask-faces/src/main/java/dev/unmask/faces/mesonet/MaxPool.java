package dev.unmask.faces.mesonet;

/**
 * Keras {@code MaxPooling2D(pool_size=(p, p), padding='same')} (stride = pool size): output side
 * {@code ceil(n / p)}; padded positions never win (TensorFlow's "same" pooling ignores them).
 */
final class MaxPool implements Layer {
    final int pool;

    MaxPool(int pool) {
        this.pool = pool;
    }

    @Override
    public String kerasType() {
        return "MaxPooling2D";
    }

    @Override
    public int[] outputShape(int[] input) {
        return new int[] {ceilDiv(input[0], pool), ceilDiv(input[1], pool), input[2]};
    }

    @Override
    public int params() {
        return 0;
    }

    @Override
    public FeatureMap forward(FeatureMap x) {
        int oh = ceilDiv(x.height, pool);
        int ow = ceilDiv(x.width, pool);
        int padY = ((oh - 1) * pool + pool - x.height) / 2;
        int padX = ((ow - 1) * pool + pool - x.width) / 2;
        FeatureMap y = new FeatureMap(oh, ow, x.channels);
        for (int c = 0; c < x.channels; c++) {
            int sPlane = c * x.height * x.width;
            int dPlane = c * oh * ow;
            for (int oy = 0; oy < oh; oy++) {
                int y0 = Math.max(0, oy * pool - padY);
                int y1 = Math.min(x.height, oy * pool - padY + pool);
                for (int ox = 0; ox < ow; ox++) {
                    int x0 = Math.max(0, ox * pool - padX);
                    int x1 = Math.min(x.width, ox * pool - padX + pool);
                    float m = Float.NEGATIVE_INFINITY;
                    for (int iy = y0; iy < y1; iy++) {
                        int r = sPlane + iy * x.width;
                        for (int ix = x0; ix < x1; ix++) {
                            m = Math.max(m, x.data[r + ix]);
                        }
                    }
                    y.data[dPlane + oy * ow + ox] = m;
                }
            }
        }
        return y;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
