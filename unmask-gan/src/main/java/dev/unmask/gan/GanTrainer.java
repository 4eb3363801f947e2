package dev.unmask.gan;

import dev.unmask.torch.DjlRuntime;
import dev.unmask.torch.Adam;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.Pair;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Trains a generator and a discriminator against each other (Goodfellow et al., "Generative Adversarial Nets",
 * NeurIPS 2014), each with its own Adam optimiser (Kingma and Ba 2015). One step = one discriminator update on a
 * real batch and a batch of the generator's (detached) images, then one generator update through the
 * discriminator. Weights start from N(0, 0.02) as in DCGAN (the engine's random seed is {@link GanConfig#seed()});
 * every later random choice derives from the seed and the step number ({@link #streamSeed}), so that resuming from
 * a checkpoint gives bit for bit the weights of an uninterrupted run. With {@link GanConfig#diffAugment()} both the
 * real and the generated batch are augmented before the discriminator sees them, in both updates.
 *
 * <p>Gradients: PyTorch accumulates gradients into each weight and nothing in this loop's DJL usage clears them
 * (DJL's {@code GradientCollector.zeroGradients()} only visits arrays of the system manager), so both networks'
 * gradients are zeroed explicitly before each update; the generator step in particular leaves gradients in the
 * discriminator that must not leak into its next update. Only one gradient collector may be open at a time.
 */
public final class GanTrainer implements AutoCloseable {
    /** Standard deviation of the initial weights (DCGAN). */
    public static final float INIT_STD = 0.02f;

    private final GanConfig config;
    private final ImageFolderData data;
    private final Engine engine;
    private final NDManager manager;
    private final Block generator;
    private final Block discriminator;
    private final Adam optG;
    private final Adam optD;
    private final ParameterStore store;
    /** Random stream of the training steps (see {@link #streamSeed}). */
    static final long STEP_STREAM = 1;
    /** Random stream of the data order. */
    static final long ORDER_STREAM = 2;
    /** Random stream of {@link #discriminatorAccuracy}. */
    static final long EVAL_STREAM = 3;

    private final EpochOrder order;
    private int step;
    private int skippedD;
    private int skippedG;

    /** Builds freshly initialised networks for {@code config}, training on {@code data}. */
    public GanTrainer(GanConfig config, ImageFolderData data) {
        if (data.size() != config.size()) {
            throw new IllegalArgumentException("data are " + data.size() + " px, config wants " + config.size());
        }
        this.config = config;
        this.data = data;
        this.engine = DjlRuntime.engine(config.seed());
        this.manager = engine.newBaseManager();
        this.generator = GanNetworks.generator(config);
        this.discriminator = GanNetworks.discriminator(config);
        generator.setInitializer(new NormalInitializer(INIT_STD), Parameter.Type.WEIGHT);
        discriminator.setInitializer(new NormalInitializer(INIT_STD), Parameter.Type.WEIGHT);
        generator.initialize(manager, DataType.FLOAT32, new Shape(config.batch(), config.latentDim()));
        discriminator.initialize(manager, DataType.FLOAT32,
                new Shape(config.batch(), 3, config.size(), config.size()));
        this.optG = new Adam(generator, config.learningRateG(), config.beta1(), config.beta2());
        this.optD = new Adam(discriminator, config.learningRateD(), config.beta1(), config.beta2());
        this.store = new ParameterStore(manager, false);
        this.order = new EpochOrder(data.count(), config.seed());
    }

    /**
     * Every random choice of step {@code step} (flips, latent vectors, DiffAugment parameters) comes from one
     * {@link Random} seeded from the run's seed and the step number, and the data order from a per-epoch
     * permutation seeded from the seed and the epoch; nothing depends on what happened before. A run resumed from
     * a checkpoint at step k therefore repeats exactly what an uninterrupted run does from step k on.
     */
    static long streamSeed(long seed, long stream, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + stream;
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL + index;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }

    /** Runs until {@link GanConfig#steps()} steps are done, handing each step's numbers to {@code log}. */
    public void train(Consumer<StepStats> log) {
        while (step < config.steps()) {
            log.accept(step());
        }
    }

    /** One discriminator update and one generator update. */
    public StepStats step() {
        long t0 = System.nanoTime();
        int b = config.batch();
        int s = config.size();
        Random random = new Random(streamSeed(config.seed(), STEP_STREAM, step));
        DiffAugment augment = config.diffAugment();
        double dLoss;
        double gLoss;
        double accReal;
        double accFake;
        boolean dOk;
        boolean gOk;
        try (NDManager sm = manager.newSubManager()) {
            float[] pixels = data.batch(order.indices(step, b), config.flip() ? random : null);
            NDArray real = sm.create(pixels, new Shape(b, 3, s, s));
            NDArray fake = generate(sm, latents(random, b), true).stopGradient();
            optD.zeroGradients();
            try (GradientCollector gc = engine.newGradientCollector()) {
                NDArray lr = logits(augment.apply(sm, real, random), true);
                NDArray lf = logits(augment.apply(sm, fake, random), true);
                NDArray loss = GanLosses.discriminator(config.loss(), lr, lf);
                gc.backward(loss);
                dLoss = loss.getFloat();
                accReal = lr.gt(0).toType(DataType.FLOAT32, false).mean().getFloat();
                accFake = lf.lt(0).toType(DataType.FLOAT32, false).mean().getFloat();
            }
            dOk = optD.update();
            optG.zeroGradients();
            try (GradientCollector gc = engine.newGradientCollector()) {
                NDArray generated = generate(sm, latents(random, b), true);
                NDArray lf = logits(augment.apply(sm, generated, random), true);
                NDArray loss = GanLosses.generator(config.loss(), lf);
                gc.backward(loss);
                gLoss = loss.getFloat();
            }
            gOk = optG.update();
        }
        step++;
        if (!dOk) {
            skippedD++;
        }
        if (!gOk) {
            skippedG++;
        }
        return new StepStats(step, dLoss, gLoss, accReal, accFake, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Measures the discriminator without training it (no augmentation, inference mode): the fraction of {@code n}
     * real images it calls real and of {@code n} fresh generated images it calls fake, averaged (0.5 = chance). The
     * draws come from their own random stream, so measuring does not change the training.
     */
    public double discriminatorAccuracy(int n) {
        Random random = new Random(streamSeed(config.seed(), EVAL_STREAM, step));
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = random.nextInt(data.count());
        }
        try (NDManager sm = manager.newSubManager()) {
            int s = config.size();
            NDArray real = sm.create(data.batch(idx, null), new Shape(n, 3, s, s));
            NDArray lr = logits(real, false);
            NDArray lf = logits(generate(sm, latents(random, n), false), false);
            double r = lr.gt(0).toType(DataType.FLOAT32, false).mean().getFloat();
            double f = lf.lt(0).toType(DataType.FLOAT32, false).mean().getFloat();
            return (r + f) / 2;
        }
    }

    /** Generator output for the given latent vectors (inference mode, batch-norm running statistics). */
    public float[] generate(float[] latents, int n) {
        try (NDManager sm = manager.newSubManager()) {
            return generate(sm, latents, false).toFloatArray();
        }
    }

    private NDArray generate(NDManager sm, float[] latents, boolean training) {
        int n = latents.length / config.latentDim();
        NDArray z = sm.create(latents, new Shape(n, config.latentDim()));
        return generator.forward(store, new NDList(z), training).singletonOrThrow();
    }

    private float[] latents(Random random, int n) {
        float[] z = new float[n * config.latentDim()];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) random.nextGaussian();
        }
        return z;
    }

    private NDArray logits(NDArray images, boolean training) {
        return discriminator.forward(store, new NDList(images), training).singletonOrThrow();
    }

    /** The training images. */
    public ImageFolderData data() {
        return data;
    }

    /** Epoch (from 0) that the next step's first image belongs to. */
    public int epoch() {
        return (int) ((long) step * config.batch() / data.count());
    }

    /** Discriminator updates skipped because a gradient was not finite (see {@link Adam#update()}). */
    public int skippedDiscriminatorUpdates() {
        return skippedD;
    }

    /** Generator updates skipped because a gradient was not finite. */
    public int skippedGeneratorUpdates() {
        return skippedG;
    }

    /** Steps done so far. */
    public int stepsDone() {
        return step;
    }

    /** The run's settings. */
    public GanConfig config() {
        return config;
    }

    Block generatorBlock() {
        return generator;
    }

    Block discriminatorBlock() {
        return discriminator;
    }

    Adam generatorOptimizer() {
        return optG;
    }

    Adam discriminatorOptimizer() {
        return optD;
    }

    NDManager manager() {
        return manager;
    }

    /** Makes every trainable weight (e.g. freshly loaded ones) record gradients again. */
    void attachGradients() {
        for (Block block : new Block[] {generator, discriminator}) {
            for (Pair<String, Parameter> p : block.getParameters()) {
                NDArray w = p.getValue().getArray();
                if (p.getValue().requiresGradient() && !w.hasGradient()) {
                    w.setRequiresGradient(true);
                }
            }
        }
    }

    void restoreStep(int s, int skippedDiscriminator, int skippedGenerator) {
        step = s;
        skippedD = skippedDiscriminator;
        skippedG = skippedGenerator;
    }

    @Override
    public void close() {
        manager.close();
    }
}
