package dev.unmask.gan;

import ai.djl.MalformedModelException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * Saves and restores a training run: a folder with {@code generator.params} and {@code discriminator.params}
 * (DJL's parameter format, batch-norm running statistics included), {@code optimizer.state} (both Adam
 * optimisers' step counts and moment estimates) and {@code checkpoint.properties} (the step and every
 * {@link GanConfig} field). Each file is written to a temporary name and moved into place.
 *
 * <p>On resume the data order, flips and engine seed are re-derived from the seed and the saved step, so a resumed
 * run continues deterministically, but it does not replay the exact random stream an uninterrupted run would have
 * used after that step.
 */
public final class GanCheckpoint {
    /** File name of the generator's parameters. */
    public static final String GENERATOR = "generator.params";
    /** File name of the discriminator's parameters. */
    public static final String DISCRIMINATOR = "discriminator.params";
    /** File name of both Adam optimisers' step counts and moment estimates. */
    public static final String OPTIMIZER = "optimizer.state";
    /** File name of the step and settings. */
    public static final String STATE = "checkpoint.properties";

    private GanCheckpoint() {
    }

    /** Writes the trainer's state into {@code dir}. */
    public static void save(GanTrainer trainer, Path dir) throws IOException {
        Files.createDirectories(dir);
        writeAtomically(dir.resolve(GENERATOR), out -> trainer.generatorBlock().saveParameters(new DataOutputStream(out)));
        writeAtomically(dir.resolve(DISCRIMINATOR),
                out -> trainer.discriminatorBlock().saveParameters(new DataOutputStream(out)));
        writeAtomically(dir.resolve(OPTIMIZER), out -> {
            DataOutputStream d = new DataOutputStream(out);
            trainer.generatorOptimizer().save(d);
            trainer.discriminatorOptimizer().save(d);
            d.flush();
        });
        Properties p = trainer.config().toProperties();
        p.setProperty("step", Integer.toString(trainer.stepsDone()));
        writeAtomically(dir.resolve(STATE), out -> p.store(out, "Unmask GAN checkpoint"));
    }

    /** Reads only the settings stored in a checkpoint. */
    public static GanConfig config(Path dir) throws IOException {
        return GanConfig.fromProperties(properties(dir));
    }

    /**
     * Builds a trainer from the checkpoint in {@code dir} on {@code data}, positioned at the saved step. The caller
     * closes it.
     */
    public static GanTrainer resume(Path dir, ImageFolderData data) throws IOException {
        Properties p = properties(dir);
        GanConfig config = GanConfig.fromProperties(p);
        GanTrainer t = new GanTrainer(config, data);
        try {
            load(t, dir);
            t.restoreStep(Integer.parseInt(p.getProperty("step", "0").trim()));
            return t;
        } catch (IOException | RuntimeException e) {
            t.close();
            throw e;
        }
    }

    private static void load(GanTrainer t, Path dir) throws IOException {
        try (DataInputStream g = in(dir.resolve(GENERATOR)); DataInputStream d = in(dir.resolve(DISCRIMINATOR))) {
            t.generatorBlock().loadParameters(t.manager(), g);
            t.discriminatorBlock().loadParameters(t.manager(), d);
            t.attachGradients();
        } catch (MalformedModelException e) {
            throw new IOException("checkpoint " + dir + " does not match the configured networks: " + e.getMessage(), e);
        }
        try (DataInputStream o = in(dir.resolve(OPTIMIZER))) {
            t.generatorOptimizer().load(t.manager(), o);
            t.discriminatorOptimizer().load(t.manager(), o);
        } catch (MalformedModelException e) {
            throw new IOException("checkpoint " + dir + " has a damaged optimizer state: " + e.getMessage(), e);
        }
    }

    private static DataInputStream in(Path f) throws IOException {
        return new DataInputStream(new BufferedInputStream(Files.newInputStream(f)));
    }

    private static Properties properties(Path dir) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve(STATE))) {
            p.load(in);
        }
        return p;
    }

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static void writeAtomically(Path target, Writer w) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
            w.write(out);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
