package dev.unmask.detect.spectral;

/**
 * The spectral detector's features (Durall, Keuper and Keuper, "Watch your Up-Convolution: CNN Based Generative
 * Deep Neural Networks are Failing to Reproduce Spectral Distributions", CVPR 2020, section 3): the grayscale crop
 * (ITU-R BT.601 luma) minus its mean, its 2-D power spectrum, {@code 10 log10} of it, averaged over rings of equal
 * radius around DC, DC itself left out (the azimuthal average, a 1-D power spectrum), then min-max normalised to [0, 1] so that image
 * contrast and brightness drop out. Ring {@code b} of {@code n/2} holds the frequencies whose radius, in DFT bins,
 * lies in {@code [b sqrt 2, (b + 1) sqrt 2)}: the rings reach the corner of the spectrum (radius {@code n/sqrt 2}),
 * where up-sampling leaves its strongest traces, and every ring holds at least one frequency. The feature count is
 * therefore half the crop size (64 at 128 pixels). Thread-safe.
 */
public final class AzimuthalSpectrum {
    /** Added to the power before the logarithm. */
    static final double POWER_FLOOR = 1e-10;

    private final int size;
    private final SquareDft dft;
    private final int[] ring;
    private final int[] ringCount;

    /** Features for {@code size x size} crops. */
    public AzimuthalSpectrum(int size) {
        if (size < 8 || size % 2 != 0) {
            throw new IllegalArgumentException("spectral features need an even crop size >= 8: " + size);
        }
        this.size = size;
        this.dft = new SquareDft(size);
        int bins = size / 2;
        ring = new int[size * size];
        ringCount = new int[bins];
        for (int v = 0; v < size; v++) {
            for (int u = 0; u < size; u++) {
                if (u == 0 && v == 0) {
                    ring[0] = -1; // DC is zero after the mean is removed
                    continue;
                }
                double r = Math.hypot(signed(u), signed(v));
                int b = Math.min(bins - 1, (int) (r / Math.sqrt(2)));
                ring[v * size + u] = b;
                ringCount[b]++;
            }
        }
    }

    private int signed(int k) {
        return k < size / 2 ? k : k - size;
    }

    /** The number of features: half the crop size. */
    public int featureCount() {
        return size / 2;
    }

    /** The crop size. */
    public int size() {
        return size;
    }

    /** The features of a {@code size x size} crop of packed 0xRRGGBB pixels. */
    public double[] features(int[] rgb) {
        if (rgb.length != size * size) {
            throw new IllegalArgumentException("expected a " + size + "x" + size + " crop");
        }
        double[] luma = new double[rgb.length];
        double mean = 0;
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            luma[i] = 0.299 * ((p >> 16) & 0xff) + 0.587 * ((p >> 8) & 0xff) + 0.114 * (p & 0xff);
            mean += luma[i];
        }
        mean /= luma.length;
        for (int i = 0; i < luma.length; i++) {
            luma[i] -= mean;
        }
        double[] power = dft.power(luma);
        double[] sum = new double[ringCount.length];
        for (int i = 1; i < power.length; i++) {
            sum[ring[i]] += 10 * StrictMath.log10(power[i] + POWER_FLOOR);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int b = 0; b < sum.length; b++) {
            sum[b] /= ringCount[b];
            min = Math.min(min, sum[b]);
            max = Math.max(max, sum[b]);
        }
        double range = max - min;
        for (int b = 0; b < sum.length; b++) {
            sum[b] = range > 0 ? (sum[b] - min) / range : 0;
        }
        return sum;
    }
}
