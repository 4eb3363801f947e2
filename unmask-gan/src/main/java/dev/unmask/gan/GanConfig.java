package dev.unmask.gan;

import java.util.Locale;
import java.util.Properties;

/**
 * Settings of one GAN training run, validated on construction. The defaults follow the DCGAN paper (Radford, Metz
 * and Chintala, "Unsupervised Representation Learning with Deep Convolutional Generative Adversarial Networks",
 * ICLR 2016): Adam with learning rate 2e-4 and beta1 0.5, latent dimension 100, batch 64.
 *
 * @param size image side in pixels, 32, 64 or 128 (square images, centre-cropped and resized)
 * @param batch images per step, for both the real and the fake half of a discriminator step
 * @param steps number of optimisation steps (one discriminator step then one generator step each)
 * @param seed seed of every random choice: initial weights, latent vectors, batch order, flips
 * @param learningRateG Adam learning rate of the generator
 * @param learningRateD Adam learning rate of the discriminator
 * @param beta1 Adam's first-moment decay (0.5 as in DCGAN: a shorter memory keeps the duel stable)
 * @param beta2 Adam's second-moment decay
 * @param latentDim length of the generator's input noise vector
 * @param baseChannels channel count of the widest-resolution generator block and of the first discriminator layer;
 *     every halving of resolution doubles it (DCGAN uses 64; tests use far fewer)
 * @param architecture network family
 * @param loss adversarial loss
 * @param flip whether real images are mirrored left-right at random (a free doubling of small data sets)
 * @param sampleEvery write a sample grid every this many steps (0 = never during training)
 * @param checkpointEvery write a checkpoint every this many steps (0 = only when asked)
 * @param diffAugment differentiable augmentations applied to every image the discriminator sees
 */
public record GanConfig(int size, int batch, int steps, long seed, double learningRateG, double learningRateD,
        double beta1, double beta2, int latentDim, int baseChannels, Architecture architecture, Loss loss,
        boolean flip, int sampleEvery, int checkpointEvery, DiffAugment diffAugment) {

    /** Image sides the networks are built for. */
    public static final java.util.List<Integer> SIZES = java.util.List.of(32, 64, 128);

    /** Network families. */
    public enum Architecture {
        /** Radford et al. 2016, with nearest up-sampling + 3x3 convolution instead of transposed convolution. */
        DCGAN,
        /**
         * The same generator; the discriminator without batch norm and with spectral normalisation of every
         * weight (Miyato, Kataoka, Koyama and Yoshida, "Spectral Normalization for Generative Adversarial
         * Networks", ICLR 2018), one power iteration per training forward pass ({@link SpectralNormBlock}).
         */
        SPECTRAL_NORM
    }

    /** Adversarial losses. */
    public enum Loss {
        /** Goodfellow et al. 2014, generator maximising log D(G(z)) (the "non-saturating" form). */
        NON_SATURATING,
        /** Lim and Ye 2017 / Miyato et al. 2018: D minimises relu(1 - D(x)) + relu(1 + D(G(z))), G minimises -D(G(z)). */
        HINGE
    }

    /** Validates every field. */
    public GanConfig {
        if (!SIZES.contains(size)) {
            throw new IllegalArgumentException("size must be 32, 64 or 128, got " + size);
        }
        require(batch >= 2 && batch <= 4096, "batch must be in [2, 4096]", batch);
        require(steps >= 0, "steps must be >= 0", steps);
        require(learningRateG > 0 && learningRateG < 1, "learningRateG must be in (0, 1)", learningRateG);
        require(learningRateD > 0 && learningRateD < 1, "learningRateD must be in (0, 1)", learningRateD);
        require(beta1 >= 0 && beta1 < 1, "beta1 must be in [0, 1)", beta1);
        require(beta2 > 0 && beta2 < 1, "beta2 must be in (0, 1)", beta2);
        require(latentDim >= 1 && latentDim <= 4096, "latentDim must be in [1, 4096]", latentDim);
        require(baseChannels >= 1 && baseChannels <= 1024, "baseChannels must be in [1, 1024]", baseChannels);
        require(sampleEvery >= 0, "sampleEvery must be >= 0", sampleEvery);
        require(checkpointEvery >= 0, "checkpointEvery must be >= 0", checkpointEvery);
        if (architecture == null || loss == null || diffAugment == null) {
            throw new IllegalArgumentException("architecture, loss and diffAugment are required");
        }
    }

    /** The settings of the first slice (no differentiable augmentation). */
    public GanConfig(int size, int batch, int steps, long seed, double learningRateG, double learningRateD,
            double beta1, double beta2, int latentDim, int baseChannels, Architecture architecture, Loss loss,
            boolean flip, int sampleEvery, int checkpointEvery) {
        this(size, batch, steps, seed, learningRateG, learningRateD, beta1, beta2, latentDim, baseChannels,
                architecture, loss, flip, sampleEvery, checkpointEvery, DiffAugment.NONE);
    }

    /**
     * DCGAN defaults at 32x32: batch 64, 10 000 steps, seed 1, lr 2e-4, beta (0.5, 0.999), z 100, 64 channels,
     * the DCGAN baseline with the non-saturating loss and no augmentation. ({@code unmask gan train} picks its own
     * defaults: spectral norm, hinge loss and DiffAugment.)
     */
    public static GanConfig defaults() {
        return new GanConfig(32, 64, 10_000, 1L, 2e-4, 2e-4, 0.5, 0.999, 100, 64, Architecture.DCGAN,
                Loss.NON_SATURATING, true, 500, 1000);
    }

    /** A copy with another size. */
    public GanConfig withSize(int s) {
        return new GanConfig(s, batch, steps, seed, learningRateG, learningRateD, beta1, beta2, latentDim,
                baseChannels, architecture, loss, flip, sampleEvery, checkpointEvery, diffAugment);
    }

    /** A copy with another batch size, step count and base channel count. */
    public GanConfig withShape(int b, int n, int channels) {
        return new GanConfig(size, b, n, seed, learningRateG, learningRateD, beta1, beta2, latentDim, channels,
                architecture, loss, flip, sampleEvery, checkpointEvery, diffAugment);
    }

    /** A copy with other seed, latent dimension and loss. */
    public GanConfig withSeed(long s, int z, Loss l) {
        return new GanConfig(size, batch, steps, s, learningRateG, learningRateD, beta1, beta2, z, baseChannels,
                architecture, l, flip, sampleEvery, checkpointEvery, diffAugment);
    }

    /** A copy with other sampling and checkpoint intervals. */
    public GanConfig withEvery(int samples, int checkpoints) {
        return new GanConfig(size, batch, steps, seed, learningRateG, learningRateD, beta1, beta2, latentDim,
                baseChannels, architecture, loss, flip, samples, checkpoints, diffAugment);
    }

    /** A copy with another network family, loss and augmentation. */
    public GanConfig withModel(Architecture a, Loss l, DiffAugment augment) {
        return new GanConfig(size, batch, steps, seed, learningRateG, learningRateD, beta1, beta2, latentDim,
                baseChannels, a, l, flip, sampleEvery, checkpointEvery, augment);
    }

    /** A copy with another step count (extending a run keeps everything else). */
    public GanConfig withSteps(int n) {
        return new GanConfig(size, batch, n, seed, learningRateG, learningRateD, beta1, beta2, latentDim,
                baseChannels, architecture, loss, flip, sampleEvery, checkpointEvery, diffAugment);
    }

    /** A copy with other optimiser settings and flips. */
    public GanConfig withOptimizer(double lrG, double lrD, double b1, double b2, boolean mirror) {
        return new GanConfig(size, batch, steps, seed, lrG, lrD, b1, b2, latentDim, baseChannels, architecture,
                loss, mirror, sampleEvery, checkpointEvery, diffAugment);
    }

    /** Writes every field as text (the checkpoint's record of the run). */
    public Properties toProperties() {
        Properties p = new Properties();
        p.setProperty("size", Integer.toString(size));
        p.setProperty("batch", Integer.toString(batch));
        p.setProperty("steps", Integer.toString(steps));
        p.setProperty("seed", Long.toString(seed));
        p.setProperty("learningRateG", Double.toString(learningRateG));
        p.setProperty("learningRateD", Double.toString(learningRateD));
        p.setProperty("beta1", Double.toString(beta1));
        p.setProperty("beta2", Double.toString(beta2));
        p.setProperty("latentDim", Integer.toString(latentDim));
        p.setProperty("baseChannels", Integer.toString(baseChannels));
        p.setProperty("architecture", architecture.name());
        p.setProperty("loss", loss.name());
        p.setProperty("flip", Boolean.toString(flip));
        p.setProperty("sampleEvery", Integer.toString(sampleEvery));
        p.setProperty("checkpointEvery", Integer.toString(checkpointEvery));
        p.setProperty("diffAugment", diffAugment.toString());
        return p;
    }

    /** Reads what {@link #toProperties()} wrote ({@code diffAugment} may be missing: checkpoints of the first slice). */
    public static GanConfig fromProperties(Properties p) {
        return new GanConfig(Integer.parseInt(get(p, "size")), Integer.parseInt(get(p, "batch")),
                Integer.parseInt(get(p, "steps")), Long.parseLong(get(p, "seed")),
                Double.parseDouble(get(p, "learningRateG")), Double.parseDouble(get(p, "learningRateD")),
                Double.parseDouble(get(p, "beta1")), Double.parseDouble(get(p, "beta2")),
                Integer.parseInt(get(p, "latentDim")), Integer.parseInt(get(p, "baseChannels")),
                Architecture.valueOf(get(p, "architecture").toUpperCase(Locale.ROOT)),
                Loss.valueOf(get(p, "loss").toUpperCase(Locale.ROOT)), Boolean.parseBoolean(get(p, "flip")),
                Integer.parseInt(get(p, "sampleEvery")), Integer.parseInt(get(p, "checkpointEvery")),
                DiffAugment.parse(p.getProperty("diffAugment", "none")));
    }

    private static String get(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("missing setting '" + key + "'");
        }
        return v.trim();
    }

    private static void require(boolean ok, String message, Object value) {
        if (!ok) {
            throw new IllegalArgumentException(message + ", got " + value);
        }
    }
}
