package dev.unmask.gan.cli;

import dev.unmask.cli.UnmaskCommand;
import dev.unmask.cli.UsageException;
import dev.unmask.gan.DatasetManifest;
import dev.unmask.gan.DiffAugment;
import dev.unmask.torch.DjlRuntime;
import dev.unmask.gan.GanCheckpoint;
import dev.unmask.gan.GanConfig;
import dev.unmask.gan.GanRun;
import dev.unmask.gan.GanTrainer;
import dev.unmask.gan.ImageFolderData;
import dev.unmask.gan.TrainingProgress;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code unmask gan train}: trains a GAN on a folder of images, with checkpoints, grids, metrics and a report. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a GAN on a folder of images (any format 'unmask scan' reads; centre-cropped and resized).",
                "Writes into RUN: grids/step-NNNNNNN.png (fixed latents), checkpoint/, metrics.csv, metrics.jsonl,",
                "manifest.csv (every file's size and SHA-256), data-cache.bin (decoded images) and report.html.",
                "Ctrl-C saves a checkpoint before exiting; --resume RUN continues exactly where it stopped."},
        footer = {"", "Which model: small data sets (hundreds to a few thousand images): the defaults (--arch sn --loss hinge",
                "--diffaug color,translation,cutout). Large data sets (tens of thousands): --arch dcgan --loss ns --diffaug none",
                "is the fast baseline; sn + hinge without diffaug is the steadier alternative.",
                "", "Examples:", "  unmask gan train --data faces/ --out runs/faces --size 64 --epochs 200",
                "  unmask gan train --resume runs/faces --epochs 300"})
public final class GanTrainCommand implements Callable<Integer> {
    static final String RUN_INFO = "run.properties";
    static final String DATA_CACHE = "data-cache.bin";
    /** Key of the PyTorch thread count in the checkpoint (reductions, hence results, depend on it). */
    static final String TORCH_THREADS = "torchThreads";
    /** How long Ctrl-C waits for the checkpoint before the JVM exits anyway. */
    static final Duration STOP_WAIT = Duration.ofMinutes(2);
    private static final List<String> FIXED_ON_RESUME = List.of("--size", "--batch", "--seed", "--arch", "--loss",
            "--diffaug", "--flip", "--channels", "--latent", "--lr-g", "--lr-d", "--beta1", "--beta2");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "Folder of training images (walked recursively; hidden entries skipped).")
    Path data;

    @Option(names = "--out", paramLabel = "RUN", description = "Run folder to create (must not hold a run yet).")
    Path out;

    @Option(names = "--resume", paramLabel = "RUN", description = "Continue the run in RUN from its checkpoint (data folder from RUN/run.properties unless --data is given).")
    Path resume;

    @Option(names = "--size", paramLabel = "PX", description = "Image side: 32, 64 or 128 (default ${DEFAULT-VALUE}).")
    int size = 64;

    @Option(names = "--epochs", paramLabel = "N", description = "Passes over the data (default ${DEFAULT-VALUE}); steps = ceil(N x images / batch).")
    double epochs = 50;

    @Option(names = "--steps", paramLabel = "N", description = "Total optimisation steps (overrides --epochs).")
    Integer steps;

    @Option(names = "--batch", paramLabel = "B", description = "Images per step (default ${DEFAULT-VALUE}).")
    int batch = 64;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of every random choice (default ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--arch", paramLabel = "dcgan|sn", description = "Discriminator: dcgan (batch norm) or sn (spectral norm; default).")
    String arch = "sn";

    @Option(names = "--loss", paramLabel = "hinge|ns", description = "Adversarial loss: hinge (default) or ns (non-saturating).")
    String loss = "hinge";

    @Option(names = "--diffaug", paramLabel = "LIST", description = "DiffAugment policies: none or a subset of color,translation,cutout (default ${DEFAULT-VALUE}).")
    String diffaug = "color,translation,cutout";

    @Option(names = "--flip", description = "Mirror real images left-right at random.")
    boolean flip;

    @Option(names = "--channels", paramLabel = "N", description = "Base channel count of both networks (default ${DEFAULT-VALUE}).")
    int channels = 64;

    @Option(names = "--latent", paramLabel = "N", description = "Length of the generator's noise vector (default ${DEFAULT-VALUE}).")
    int latent = 100;

    @Option(names = "--lr-g", paramLabel = "LR", description = "Generator learning rate (default 1e-4 with sn, 2e-4 with dcgan).")
    Double lrG;

    @Option(names = "--lr-d", paramLabel = "LR", description = "Discriminator learning rate (default 4e-4 with sn, 2e-4 with dcgan).")
    Double lrD;

    @Option(names = "--beta1", paramLabel = "B1", description = "Adam beta1 (default 0 with sn, 0.5 with dcgan).")
    Double beta1;

    @Option(names = "--beta2", paramLabel = "B2", description = "Adam beta2 (default 0.9 with sn, 0.999 with dcgan).")
    Double beta2;

    @Option(names = "--sample-every", paramLabel = "N", description = "Write a sample grid every N steps (default ${DEFAULT-VALUE}; 0 = only at the end).")
    int sampleEvery = 500;

    @Option(names = "--checkpoint-every", paramLabel = "N", description = "Write a checkpoint every N steps (default ${DEFAULT-VALUE}; 0 = only at the end).")
    int checkpointEvery = 1000;

    @Option(names = "--log-every", paramLabel = "N", description = "Steps per progress line when not on a terminal (default ${DEFAULT-VALUE}).")
    int logEvery = 50;

    @Option(names = "--max-minutes", paramLabel = "M", description = "Stop after M minutes of training as Ctrl-C does (checkpoint, report; --resume continues).")
    Double maxMinutes;

    @Option(names = "--threads", paramLabel = "N", description = "PyTorch threads (default: the number of cores; on a busy shared machine 1 can be much faster).")
    Integer threads;

    @Option(names = "--no-cache", description = "Do not write RUN/data-cache.bin (decoded images are then decoded again on resume).")
    boolean noCache;

    @Option(names = "--no-progress", description = "Print progress lines instead of a progress bar on terminals.")
    boolean noProgress;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ((resume == null) == (out == null)) {
            throw new UsageException("give either --out RUN (a new run, with --data DIR) or --resume RUN");
        }
        if (channels < 16 || channels % 16 != 0) {
            throw new UsageException("--channels must be a positive multiple of 16, got " + channels + " (PyTorch's CPU "
                    + "convolutions compute NaN and irreproducible gradients for other channel counts)");
        }
        if (logEvery < 1) {
            throw new UsageException("--log-every must be >= 1, got " + logEvery);
        }
        if (threads != null) {
            if (threads < 1) {
                throw new UsageException("--threads must be >= 1, got " + threads);
            }
            DjlRuntime.threads(threads);
        }
        if (maxMinutes != null && !(maxMinutes > 0)) {
            throw new UsageException("--max-minutes must be > 0, got " + maxMinutes);
        }
        Path run = resume != null ? resume : out;
        Properties info = new Properties();
        GanConfig saved = null;
        if (resume != null) {
            if (!Files.exists(run.resolve("checkpoint").resolve(GanCheckpoint.STATE))
                    && !Files.exists(run.resolve("checkpoint.previous").resolve(GanCheckpoint.STATE))) {
                throw new UsageException("no checkpoint in " + run + " (expected " + run.resolve("checkpoint") + ")");
            }
            for (String name : FIXED_ON_RESUME) {
                if (spec.commandLine().getParseResult().hasMatchedOption(name)) {
                    throw new UsageException(name + " cannot change when resuming: the run's settings are in "
                            + run.resolve("checkpoint").resolve(GanCheckpoint.STATE));
                }
            }
            saved = GanCheckpoint.config(run.resolve("checkpoint"));
            if (Files.exists(run.resolve(RUN_INFO))) {
                try (InputStream in = Files.newInputStream(run.resolve(RUN_INFO))) {
                    info.load(in);
                }
            }
            if (data == null) {
                String d = info.getProperty("data");
                if (d == null) {
                    throw new UsageException("no data folder recorded in " + run.resolve(RUN_INFO) + "; give --data DIR");
                }
                data = Path.of(d);
            }
        } else {
            if (data == null) {
                throw new UsageException("--data DIR is required for a new run");
            }
            if (Files.exists(run.resolve("checkpoint"))) {
                throw new UsageException(run + " already holds a training run; continue it with --resume " + run
                        + " or choose another --out");
            }
        }
        if (!Files.isDirectory(data)) {
            throw new UsageException("no such folder: " + data);
        }
        int px = saved != null ? saved.size() : size;
        GanConfig.Architecture architecture = saved != null ? saved.architecture() : architecture(arch);
        GanConfig.Loss adversarial = saved != null ? saved.loss() : loss(loss);
        DiffAugment augment = saved != null ? saved.diffAugment() : augment(diffaug);

        Files.createDirectories(run);
        o.println("Reading images under " + data + " ...");
        o.flush();
        long t0 = System.nanoTime();
        ImageFolderData images;
        try {
            images = ImageFolderData.load(data, px, noCache ? null : run.resolve(DATA_CACHE), n -> { });
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        DatasetManifest manifest = images.manifest();
        reportSkipped(err, manifest, run);
        o.printf(Locale.ROOT, "%d images at %dx%d (%d skipped), read in %.1f s; manifest SHA-256 %s%n", images.count(),
                px, px, images.skipped(), (System.nanoTime() - t0) / 1e9, manifest.sha256());

        GanConfig config;
        try {
            if (saved != null) {
                boolean extend = given("--steps") || given("--epochs");
                config = saved.withSteps(extend ? steps(images.count(), saved.batch()) : saved.steps())
                        .withEvery(given("--sample-every") ? sampleEvery : saved.sampleEvery(),
                                given("--checkpoint-every") ? checkpointEvery : saved.checkpointEvery());
            } else {
                boolean sn = architecture == GanConfig.Architecture.SPECTRAL_NORM;
                config = new GanConfig(px, batch, steps(images.count(), batch), seed, or(lrG, sn ? 1e-4 : 2e-4),
                        or(lrD, sn ? 4e-4 : 2e-4), or(beta1, sn ? 0.0 : 0.5), or(beta2, sn ? 0.9 : 0.999), latent,
                        channels, architecture, adversarial, flip, sampleEvery, checkpointEvery, augment);
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid setting: " + e.getMessage());
        }
        if (resume == null) {
            info.setProperty("data", data.toAbsolutePath().normalize().toString());
            info.setProperty("created", Instant.now().toString());
            try (OutputStream os = Files.newOutputStream(run.resolve(RUN_INFO))) {
                info.store(os, "Unmask GAN run");
            }
        }
        String torchThreads = System.getProperty("ai.djl.pytorch.num_threads",
                Integer.toString(Runtime.getRuntime().availableProcessors()));
        try (GanTrainer trainer = resume != null ? GanCheckpoint.resume(run.resolve("checkpoint"), images, config)
                : new GanTrainer(config, images)) {
            if (resume != null) {
                String was = GanCheckpoint.state(run.resolve("checkpoint")).getProperty(GanRun.DATA_SHA256);
                if (was != null && !was.equals(manifest.sha256())) {
                    err.println("warning: the data folder changed since the checkpoint (manifest SHA-256 " + was
                            + " then, " + manifest.sha256() + " now); training continues on the new data, so it "
                            + "will not repeat an uninterrupted run");
                }
                String before = GanCheckpoint.state(run.resolve("checkpoint")).getProperty(TORCH_THREADS);
                if (before != null && !before.equals(torchThreads)) {
                    err.println("warning: the checkpoint was written with " + before + " PyTorch thread(s), this session "
                            + "uses " + torchThreads + " (--threads); results will differ slightly from an uninterrupted run");
                }
                o.println("Resuming at step " + trainer.stepsDone() + " of " + config.steps());
            }
            o.printf(Locale.ROOT, "Training %s D, %s loss, DiffAugment %s, %d steps of %d images (%.1f epochs) into %s%n",
                    architecture == GanConfig.Architecture.SPECTRAL_NORM ? "spectral-norm" : "DCGAN",
                    adversarial == GanConfig.Loss.HINGE ? "hinge" : "non-saturating", augment, config.steps(),
                    config.batch(), (double) config.steps() * config.batch() / images.count(), run);
            o.flush();
            boolean terminal = System.console() != null && !noProgress;
            try (TrainingProgress progress = new TrainingProgress(o, terminal, config, images.count(),
                    trainer.stepsDone(), logEvery)) {
                GanRun r = new GanRun(trainer, run).onEvent(progress::note)
                        .withCheckpointInfo(Map.of(TORCH_THREADS, torchThreads))
                        .withRunInfo(Map.of("data folder", data.toAbsolutePath().normalize().toString(),
                                "run folder", run.toAbsolutePath().normalize().toString()));
                if (maxMinutes != null) {
                    Duration limit = Duration.ofMillis((long) (maxMinutes * 60_000));
                    r.withTimeLimit(limit);
                    progress.withTimeLimit(limit);
                }
                Thread hook = r.shutdownHook(STOP_WAIT);
                Runtime.getRuntime().addShutdownHook(hook);
                try {
                    r.run(progress);
                } finally {
                    removeHook(hook);
                }
            }
            o.println("Done: step " + trainer.stepsDone() + " of " + config.steps() + "; grids in "
                    + run.resolve("grids") + ", report " + run.resolve(GanRun.REPORT));
        }
        return UnmaskCommand.OK;
    }

    private int steps(int images, int perStep) {
        if (steps != null) {
            return steps;
        }
        if (!(epochs > 0) || epochs > 1e6) {
            throw new UsageException("--epochs must be in (0, 1e6], got " + epochs);
        }
        return (int) Math.min(Integer.MAX_VALUE, (long) Math.ceil(epochs * images / perStep));
    }

    private static double or(Double value, double fallback) {
        return value != null ? value : fallback;
    }

    private boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running (Ctrl-C): it waits for the checkpoint this thread just wrote
        }
    }

    private static void reportSkipped(PrintWriter err, DatasetManifest manifest, Path run) {
        List<DatasetManifest.Entry> skipped = manifest.skipped();
        int shown = Math.min(20, skipped.size());
        for (int i = 0; i < shown; i++) {
            err.println("skipped " + skipped.get(i).path() + ": " + skipped.get(i).status().replaceFirst("^skipped: ", ""));
        }
        if (skipped.size() > shown) {
            err.println("... and " + (skipped.size() - shown) + " more skipped files (see " + run.resolve(GanRun.MANIFEST) + ")");
        }
        err.flush();
    }

    static GanConfig.Architecture architecture(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "dcgan" -> GanConfig.Architecture.DCGAN;
            case "sn" -> GanConfig.Architecture.SPECTRAL_NORM;
            default -> throw new UsageException("--arch must be dcgan or sn, got '" + s + "'");
        };
    }

    static GanConfig.Loss loss(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "hinge" -> GanConfig.Loss.HINGE;
            case "ns" -> GanConfig.Loss.NON_SATURATING;
            default -> throw new UsageException("--loss must be hinge or ns, got '" + s + "'");
        };
    }

    static DiffAugment augment(String s) {
        try {
            return DiffAugment.parse(s);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--diffaug: " + e.getMessage());
        }
    }
}
