package dev.unmask.core.imaging;

/**
 * Perceptually ordered colour maps for heatmaps. {@link #INFERNO} is the default: dark = low, bright yellow =
 * high, readable in grey-scale print and by colour-blind readers.
 */
public enum ColorMap {
    /** Black - purple - orange - yellow (matplotlib "inferno" anchors, linearly interpolated). */
    INFERNO(new int[] {0x000004, 0x1b0c41, 0x4a0c6b, 0x781c6d, 0xa52c60, 0xcf4446, 0xed6925, 0xfb9b06, 0xf7d13d, 0xfcffa4}),
    /** Dark blue - green - yellow (matplotlib "viridis" anchors). */
    VIRIDIS(new int[] {0x440154, 0x482878, 0x3e4989, 0x31688e, 0x26828e, 0x1f9e89, 0x35b779, 0x6ece58, 0xb5de2b, 0xfde725}),
    /** Black to white. */
    GRAY(new int[] {0x000000, 0xffffff});

    private final int[] lut = new int[256];

    ColorMap(int[] anchors) {
        for (int i = 0; i < 256; i++) {
            double t = i / 255.0 * (anchors.length - 1);
            int a = Math.min((int) t, anchors.length - 2);
            double f = t - a;
            int c0 = anchors[a];
            int c1 = anchors[a + 1];
            int r = (int) Math.round(((c0 >> 16) & 0xff) * (1 - f) + ((c1 >> 16) & 0xff) * f);
            int g = (int) Math.round(((c0 >> 8) & 0xff) * (1 - f) + ((c1 >> 8) & 0xff) * f);
            int b = (int) Math.round((c0 & 0xff) * (1 - f) + (c1 & 0xff) * f);
            lut[i] = (r << 16) | (g << 8) | b;
        }
    }

    /** The packed RGB colour for {@code t} in [0,1] (clamped). */
    public int rgb(double t) {
        if (!(t > 0)) {
            return lut[0];
        }
        return lut[(int) Math.round(Math.min(1.0, t) * 255)];
    }
}
