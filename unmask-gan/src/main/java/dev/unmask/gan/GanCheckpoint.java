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
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Saves and restores a training run: a folder with {@code generator.params} and {@code discriminator.params}
 * (DJL's parameter format: batch-norm running statistics and the spectral-norm power-iteration vectors included),
 * {@code optimizer.state} (both Adam optimisers' step counts and moment estimates) and {@code checkpoint.properties}
 * (the step, every {@link GanConfig} field, skipped-update counts and what the caller adds, e.g. the data set's
 * manifest hash).
 *
 * <p>Random state: the trainer derives every random choice from the seed and the step ({@link GanTrainer}), so the
 * step is the whole random state and a resumed run continues bit for bit as the uninterrupted run would.
 *
 * <p>The files are written into {@code <dir>.saving} and the folder is then swapped in ({@code <dir>} moves to
 * {@code <dir>.previous}, which is deleted after the swap), so a crash never leaves a checkpoint mixing two steps;
 * if it happens between the two moves, {@link #resume} and {@link #config} read {@code <dir>.previous}.
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
    /** Key of the step in {@link #STATE}. */
    public static final String STEP = "step";

    private GanCheckpoint() {
    }

    /** Writes the trainer's state into {@code dir}. */
    public static void save(GanTrainer trainer, Path dir) throws IOException {
        save(trainer, dir, Map.of());
    }

    /** Writes the trainer's state into {@code dir}, with {@code extra} entries in {@link #STATE}. */
    public static void save(GanTrainer trainer, Path dir, Map<String, String> extra) throws IOException {
        Path tmp = sibling(dir, ".saving");
        deleteTree(tmp);
        Files.createDirectories(tmp);
        write(tmp.resolve(GENERATOR), out -> trainer.generatorBlock().saveParameters(new DataOutputStream(out)));
        write(tmp.resolve(DISCRIMINATOR), out -> trainer.discriminatorBlock().saveParameters(new DataOutputStream(out)));
        write(tmp.resolve(OPTIMIZER), out -> {
            DataOutputStream d = new DataOutputStream(out);
            trainer.generatorOptimizer().save(d);
            trainer.discriminatorOptimizer().save(d);
            d.flush();
        });
        Properties p = trainer.config().toProperties();
        extra.forEach(p::setProperty);
        p.setProperty(STEP, Integer.toString(trainer.stepsDone()));
        p.setProperty("skippedDiscriminatorUpdates", Integer.toString(trainer.skippedDiscriminatorUpdates()));
        p.setProperty("skippedGeneratorUpdates", Integer.toString(trainer.skippedGeneratorUpdates()));
        write(tmp.resolve(STATE), out -> p.store(out, "Unmask GAN checkpoint"));
        Path previous = sibling(dir, ".previous");
        deleteTree(previous);
        if (Files.exists(dir)) {
            Files.move(dir, previous);
        }
        Files.move(tmp, dir);
        deleteTree(previous);
    }

    /** Reads only the settings stored in a checkpoint. */
    public static GanConfig config(Path dir) throws IOException {
        return GanConfig.fromProperties(properties(dir));
    }

    /** Every entry of the checkpoint's {@link #STATE} file. */
    public static Properties state(Path dir) throws IOException {
        return properties(dir);
    }

    /** The step a checkpoint was written at. */
    public static int step(Path dir) throws IOException {
        return Integer.parseInt(properties(dir).getProperty(STEP, "0").trim());
    }

    /**
     * Builds a trainer from the checkpoint in {@code dir} on {@code data}, positioned at the saved step. The caller
     * closes it.
     */
    public static GanTrainer resume(Path dir, ImageFolderData data) throws IOException {
        return resume(dir, data, config(dir));
    }

    /**
     * Like {@link #resume(Path, ImageFolderData)} with changed step count, sample and checkpoint intervals (the
     * only settings that may change without changing what training computes).
     *
     * @throws IllegalArgumentException when {@code config} differs from the checkpoint's in another field
     */
    public static GanTrainer resume(Path dir, ImageFolderData data, GanConfig config) throws IOException {
        Path d = readable(dir);
        Properties p = properties(d);
        GanConfig saved = GanConfig.fromProperties(p);
        GanConfig comparable = config.withSteps(saved.steps()).withEvery(saved.sampleEvery(), saved.checkpointEvery());
        if (!comparable.equals(saved)) {
            throw new IllegalArgumentException("the settings differ from the checkpoint's in "
                    + differences(saved, comparable) + "; only steps, sampleEvery and checkpointEvery may change");
        }
        GanTrainer t = new GanTrainer(config, data);
        try {
            load(t, d);
            t.restoreStep(Integer.parseInt(p.getProperty(STEP, "0").trim()),
                    Integer.parseInt(p.getProperty("skippedDiscriminatorUpdates", "0").trim()),
                    Integer.parseInt(p.getProperty("skippedGeneratorUpdates", "0").trim()));
            return t;
        } catch (IOException | RuntimeException e) {
            t.close();
            throw e;
        }
    }

    private static String differences(GanConfig a, GanConfig b) {
        Properties pa = a.toProperties();
        Properties pb = b.toProperties();
        StringBuilder sb = new StringBuilder();
        for (String k : new java.util.TreeSet<>(pa.stringPropertyNames())) {
            if (!Objects.equals(pa.getProperty(k), pb.getProperty(k))) {
                sb.append(sb.isEmpty() ? "" : ", ").append(k).append(" (").append(pa.getProperty(k)).append(" -> ")
                        .append(pb.getProperty(k)).append(')');
            }
        }
        return sb.toString();
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
        } catch (java.nio.file.NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            throw new IOException("checkpoint " + dir + " has a damaged optimizer state: " + e.getMessage(), e);
        }
    }

    private static DataInputStream in(Path f) throws IOException {
        return new DataInputStream(new BufferedInputStream(Files.newInputStream(f)));
    }

    /** {@code dir}, or its {@code .previous} copy when a save was interrupted between its two moves. */
    private static Path readable(Path dir) {
        Path previous = sibling(dir, ".previous");
        return !Files.exists(dir.resolve(STATE)) && Files.exists(previous.resolve(STATE)) ? previous : dir;
    }

    private static Properties properties(Path dir) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(readable(dir).resolve(STATE))) {
            p.load(in);
        }
        return p;
    }

    private static Path sibling(Path dir, String suffix) {
        Path abs = dir.toAbsolutePath();
        return abs.resolveSibling(abs.getFileName() + suffix);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static void write(Path target, Writer w) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target))) {
            w.write(out);
        }
    }
}
