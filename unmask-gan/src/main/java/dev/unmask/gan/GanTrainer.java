package dev.unmask.gan;

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
 * discriminator. Weights start from N(0, 0.02) as in DCGAN. The engine's random seed, the batch order and the
 * flips all derive from {@link GanConfig#seed()}.
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
    private Random order;
    private Random flips;
    private int[] perm;
    private int cursor;
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
        reseed(0);
    }

    /** Reseeds the data order, the flips and the engine for a run (re)starting at {@code atStep}. */
    void reseed(int atStep) {
        long s = config.seed() * 0x9E3779B97F4A7C15L + atStep;
        order = new Random(s);
        flips = new Random(s ^ 0x5DEECE66DL);
        engine.setRandomSeed((int) (s ^ (s >>> 32)));
        perm = null;
        cursor = 0;
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
        double dLoss;
        double gLoss;
        double accReal;
        double accFake;
        boolean dOk;
        boolean gOk;
        try (NDManager sm = manager.newSubManager()) {
            NDArray real = sm.create(data.batch(nextIndices(b), config.flip() ? flips : null), new Shape(b, 3, s, s));
            NDArray fake = generate(sm, b, true).stopGradient();
            optD.zeroGradients();
            try (GradientCollector gc = engine.newGradientCollector()) {
                NDArray lr = logits(real, true);
                NDArray lf = logits(fake, true);
                NDArray loss = GanLosses.discriminator(config.loss(), lr, lf);
                gc.backward(loss);
                dLoss = loss.getFloat();
                accReal = lr.gt(0).toType(DataType.FLOAT32, false).mean().getFloat();
                accFake = lf.lt(0).toType(DataType.FLOAT32, false).mean().getFloat();
            }
            dOk = optD.update();
            optG.zeroGradients();
            try (GradientCollector gc = engine.newGradientCollector()) {
                NDArray lf = logits(generate(sm, b, true), true);
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
     * Measures the discriminator without training it: the fraction of {@code n} fresh real images it calls real
     * and of {@code n} fresh generated images it calls fake, averaged (0.5 = chance).
     */
    public double discriminatorAccuracy(int n) {
        try (NDManager sm = manager.newSubManager()) {
            int s = config.size();
            NDArray real = sm.create(data.batch(nextIndices(n), null), new Shape(n, 3, s, s));
            NDArray lr = logits(real, false);
            NDArray lf = logits(generate(sm, n, false), false);
            double r = lr.gt(0).toType(DataType.FLOAT32, false).mean().getFloat();
            double f = lf.lt(0).toType(DataType.FLOAT32, false).mean().getFloat();
            return (r + f) / 2;
        }
    }

    /** Generator output for the given latent vectors (inference mode, batch-norm running statistics). */
    public float[] generate(float[] latents, int n) {
        try (NDManager sm = manager.newSubManager()) {
            NDArray z = sm.create(latents, new Shape(n, config.latentDim()));
            return generator.forward(store, new NDList(z), false).singletonOrThrow().toFloatArray();
        }
    }

    private NDArray generate(NDManager sm, int n, boolean training) {
        NDArray z = sm.randomNormal(new Shape(n, config.latentDim()));
        return generator.forward(store, new NDList(z), training).singletonOrThrow();
    }

    private NDArray logits(NDArray images, boolean training) {
        return discriminator.forward(store, new NDList(images), training).singletonOrThrow();
    }

    private int[] nextIndices(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            if (perm == null || cursor == perm.length) {
                perm = shuffled(data.count(), order);
                cursor = 0;
            }
            out[i] = perm[cursor++];
        }
        return out;
    }

    private static int[] shuffled(int n, Random r) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
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

    void restoreStep(int s) {
        step = s;
        reseed(s);
    }

    @Override
    public void close() {
        manager.close();
    }
}
