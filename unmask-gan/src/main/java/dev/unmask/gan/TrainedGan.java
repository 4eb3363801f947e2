package dev.unmask.gan;

import dev.unmask.torch.DjlRuntime;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The networks of a saved checkpoint ({@link GanCheckpoint}) loaded for inference only: the generator, and on
 * request the discriminator (or only the discriminator), in evaluation mode (batch-norm running statistics), so an image's output does not
 * depend on the batch it is computed in. Thread-safe (calls are serialised). Close it to free native memory.
 */
public final class TrainedGan implements AutoCloseable {
    private final Path checkpoint;
    private final GanConfig config;
    private final int step;
    private final NDManager manager;
    private final Block generator;
    private final Block discriminator;
    private final ParameterStore store;

    private TrainedGan(Path checkpoint, GanConfig config, int step, NDManager manager, Block generator,
            Block discriminator) {
        this.checkpoint = checkpoint;
        this.config = config;
        this.step = step;
        this.manager = manager;
        this.generator = generator;
        this.discriminator = discriminator;
        this.store = new ParameterStore(manager, false);
    }

    /**
     * The checkpoint folder of {@code runOrCheckpoint}: the folder itself when it holds
     * {@link GanCheckpoint#STATE}, else its {@code checkpoint/} sub-folder (the layout {@link GanRun} writes).
     *
     * @throws IOException naming the folder when neither holds a checkpoint
     */
    public static Path checkpointDir(Path runOrCheckpoint) throws IOException {
        if (Files.isRegularFile(runOrCheckpoint.resolve(GanCheckpoint.STATE))) {
            return runOrCheckpoint;
        }
        Path sub = runOrCheckpoint.resolve("checkpoint");
        if (Files.isRegularFile(sub.resolve(GanCheckpoint.STATE))) {
            return sub;
        }
        throw new IOException(runOrCheckpoint + " is not a GAN run: neither it nor its checkpoint/ folder holds "
                + GanCheckpoint.STATE);
    }

    /** The training step recorded in a checkpoint folder. */
    public static int step(Path checkpointDir) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(checkpointDir.resolve(GanCheckpoint.STATE))) {
            p.load(in);
        }
        try {
            return Integer.parseInt(p.getProperty("step", "0").trim());
        } catch (NumberFormatException e) {
            throw new IOException(checkpointDir.resolve(GanCheckpoint.STATE) + ": step is not a number: " + p.getProperty("step"), e);
        }
    }

    /** Which networks to load. */
    public enum Parts {
        /** The generator only (sampling). */
        GENERATOR,
        /** The discriminator only (a detector folder holds no generator). */
        DISCRIMINATOR,
        /** Both. */
        BOTH
    }

    /**
     * Loads the generator (and the discriminator when {@code withDiscriminator}) of a run or checkpoint folder.
     *
     * @throws IOException when the folder holds no checkpoint, or its weights do not match its settings
     */
    public static TrainedGan open(Path runOrCheckpoint, boolean withDiscriminator) throws IOException {
        return open(runOrCheckpoint, withDiscriminator ? Parts.BOTH : Parts.GENERATOR);
    }

    /**
     * Loads the {@code parts} of a run or checkpoint folder.
     *
     * @throws IOException when the folder holds no checkpoint, or its weights do not match its settings
     */
    public static TrainedGan open(Path runOrCheckpoint, Parts parts) throws IOException {
        Path dir = checkpointDir(runOrCheckpoint);
        GanConfig config;
        try {
            config = GanCheckpoint.config(dir);
        } catch (IllegalArgumentException e) {
            throw new IOException(dir.resolve(GanCheckpoint.STATE) + ": " + e.getMessage(), e);
        }
        int step = step(dir);
        DjlRuntime.prepare(DjlRuntime.defaultCacheDir());
        Engine engine = Engine.getEngine(DjlRuntime.ENGINE);
        NDManager manager = engine.newBaseManager();
        try {
            Block g = parts == Parts.DISCRIMINATOR ? null : load(GanNetworks.generator(config), manager,
                    new Shape(1, config.latentDim()), dir.resolve(GanCheckpoint.GENERATOR));
            Block d = parts != Parts.GENERATOR ? load(GanNetworks.discriminator(config), manager,
                    new Shape(1, 3, config.size(), config.size()), dir.resolve(GanCheckpoint.DISCRIMINATOR)) : null;
            return new TrainedGan(dir, config, step, manager, g, d);
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static Block load(Block block, NDManager manager, Shape input, Path file) throws IOException {
        block.initialize(manager, DataType.FLOAT32, input);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            block.loadParameters(manager, in);
        } catch (MalformedModelException e) {
            throw new IOException(file + " does not match the networks its checkpoint's settings describe: "
                    + e.getMessage(), e);
        }
        return block;
    }

    /** The checkpoint folder. */
    public Path checkpoint() {
        return checkpoint;
    }

    /** The run's settings. */
    public GanConfig config() {
        return config;
    }

    /** The training step of the checkpoint. */
    public int step() {
        return step;
    }

    /** The checkpoint's 48-bit run id ({@link GanSampler#runId}). */
    public long runId() {
        return GanSampler.runId(config, step);
    }

    /**
     * Generator output (n, 3, size, size) in [-1, 1] for {@code n} latent vectors laid end to end.
     *
     * @throws IllegalStateException when the generator was not loaded
     */
    public synchronized float[] generate(float[] latents, int n) {
        if (generator == null) {
            throw new IllegalStateException("the generator was not loaded");
        }
        if (latents.length != n * config.latentDim()) {
            throw new IllegalArgumentException(n + " latents of " + config.latentDim() + " need " + n * config.latentDim()
                    + " values, got " + latents.length);
        }
        try (NDManager sm = manager.newSubManager()) {
            NDArray z = sm.create(latents, new Shape(n, config.latentDim()));
            return generator.forward(store, new NDList(z), false).singletonOrThrow().toFloatArray();
        }
    }

    /**
     * Discriminator logits (positive = judged real) for {@code n} images (n, 3, size, size) in [-1, 1].
     *
     * @throws IllegalStateException when the discriminator was not loaded
     */
    public synchronized float[] logits(float[] images, int n) {
        if (discriminator == null) {
            throw new IllegalStateException("the discriminator was not loaded");
        }
        int s = config.size();
        if (images.length != n * 3 * s * s) {
            throw new IllegalArgumentException(n + " images of 3x" + s + "x" + s + " need " + n * 3 * s * s + " values, got "
                    + images.length);
        }
        try (NDManager sm = manager.newSubManager()) {
            NDArray x = sm.create(images, new Shape(n, 3, s, s));
            return discriminator.forward(store, new NDList(x), false).singletonOrThrow().toFloatArray();
        }
    }

    @Override
    public synchronized void close() {
        manager.close();
    }
}
