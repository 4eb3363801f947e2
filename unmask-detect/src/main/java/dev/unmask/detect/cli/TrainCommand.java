package dev.unmask.detect.cli;

import dev.unmask.api.detector.DetectorDescriptor;
import dev.unmask.cli.UnmaskCommand;
import dev.unmask.cli.UsageException;
import dev.unmask.core.media.MediaLimits;
import dev.unmask.detect.Architecture;
import dev.unmask.detect.augment.Augmentation;
import dev.unmask.detect.calibrate.CalibrationMethod;
import dev.unmask.detect.data.Dataset;
import dev.unmask.detect.data.DatasetException;
import dev.unmask.detect.data.DatasetScanner;
import dev.unmask.detect.data.ImageCache;
import dev.unmask.detect.data.Label;
import dev.unmask.detect.data.SkippedFile;
import dev.unmask.detect.data.Split;
import dev.unmask.detect.model.ModelFolder;
import dev.unmask.detect.train.Checkpoints;
import dev.unmask.detect.train.TrainConfig;
import dev.unmask.detect.train.TrainingException;
import dev.unmask.detect.train.TrainingStoppedException;
import dev.unmask.detect.train.TrainingRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code unmask detector train}: trains a detector on a folder of real and a folder of fake images. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a real-vs-fake detector from scratch on two folders of images (walked recursively) and write a model folder:",
                "weights, calibration, threshold, config.json, manifest.csv, MODEL_CARD.md and report.html.",
                "Architectures: npr (up-sampling traces, a 1.4M-parameter ResNet on DJL/PyTorch), rgb (the same ResNet on the pixels,",
                "for face crops: see 'unmask faces self-blend') and spectral (1-D power spectrum + logistic regression, pure Java). Images are cropped, never resized; a hash of each file's bytes decides the",
                "validation split; augmentations (blur, JPEG, down-scaling, flips, noise) are on by default."},
        footer = {"", "Exit codes: 0 trained; 2 usage error (missing folder, empty class, too few images to split, bad option); 4 the run failed.",
                "Ctrl-C or SIGTERM stops after the current batch and keeps the checkpoint of the last finished epoch (--resume continues).",
                "", "Examples:", "  unmask detector train --real photos/ --fake generated/ --arch npr --out models/npr-1",
                "  unmask detector train --real r/ --fake f/ --arch spectral --out models/spec --augment jpeg:0.5:50-95,blur:0",
                "  unmask detector train --resume models/npr-1 --epochs 40"})
final class TrainCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--real", paramLabel = "DIR", description = "Folder of real images (walked recursively).")
    Path real;

    @Option(names = "--fake", paramLabel = "DIR", description = "Folder of fake images (walked recursively).")
    Path fake;

    @Option(names = "--arch", paramLabel = "ARCH", description = "npr (up-sampling traces), rgb (the same ResNet on the pixels: face-swap blending) or spectral.")
    String arch;

    @Option(names = "--out", paramLabel = "MODEL", description = "Model folder to write (must not hold a model or run yet).")
    Path out;

    @Option(names = "--resume", paramLabel = "MODEL", description = "Continue the run in MODEL from its last checkpoint, with its settings (change only --epochs).")
    Path resume;

    @Option(names = "--size", paramLabel = "PX", description = "Crop side in pixels, even (default ${DEFAULT-VALUE}); smaller images are skipped.")
    int size = TrainConfig.DEFAULT_SIZE;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs (default: npr and rgb 20, spectral 3).")
    Integer epochs;

    @Option(names = "--batch", paramLabel = "N", description = "Images per optimiser step, npr and rgb (default ${DEFAULT-VALUE}).")
    int batch = TrainConfig.DEFAULT_BATCH;

    @Option(names = "--lr", paramLabel = "RATE", description = "Adam learning rate, npr and rgb (default ${DEFAULT-VALUE}).")
    double learningRate = TrainConfig.DEFAULT_LEARNING_RATE;

    @Option(names = "--l2", paramLabel = "LAMBDA", description = "L2 penalty of the logistic regression, spectral (default ${DEFAULT-VALUE}).")
    double l2 = TrainConfig.DEFAULT_L2;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of every random choice (default ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--val-percent", paramLabel = "P", description = "Share of files held out for validation, by hash of their bytes (default ${DEFAULT-VALUE}).")
    int validationPercent = TrainConfig.DEFAULT_VALIDATION_PERCENT;

    @Option(names = "--augment", paramLabel = "SPEC",
            description = {"Change augmentations: name:probability[:lo-hi],... with names blur (sigma 0-3), jpeg (quality 30-100),",
                    "downscale (factor 0.5-1), flip, noise (sigma 0-3). Default blur:0.2,jpeg:0.3,downscale:0.2,flip:0.5,noise:0.2."})
    String augment;

    @Option(names = "--no-augment", description = "No augmentation (random crops only).")
    boolean noAugment;

    @Option(names = "--calibration", paramLabel = "METHOD", description = "platt or isotonic (default ${DEFAULT-VALUE}).")
    String calibration = "platt";

    @Option(names = "--target-fpr", paramLabel = "RATE", description = "False-positive rate the stored threshold is chosen for (default ${DEFAULT-VALUE}).")
    double targetFpr = TrainConfig.DEFAULT_TARGET_FPR;

    @Option(names = "--tiles", paramLabel = "N", description = "Inference tiles per axis on images larger than the crop; 1 = centre crop only (default ${DEFAULT-VALUE}).")
    int tiles = TrainConfig.DEFAULT_TILES_PER_AXIS;

    @Option(names = "--name", paramLabel = "NAME", description = "The model's name (default: ARCH-detector).")
    String name;

    @Option(names = {"-j", "--threads"}, paramLabel = "N", description = "Threads for decoding and data preparation (default: the number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--cache-mb", paramLabel = "MB", description = "Decoded images kept in memory, in MB (default: a quarter of the heap).")
    Long cacheMb;

    @Option(names = "--no-progress", description = "No progress bar (one line per epoch only).")
    boolean noProgress;

    @Option(names = {"-q", "--quiet"}, description = "Print only the final summary.")
    boolean quiet;

    /** How long a Ctrl-C waits for the current training batch to finish. */
    static final long STOP_WAIT_SECONDS = 120;
    private static final List<String> FIXED_ON_RESUME = List.of("--arch", "--size", "--batch", "--lr", "--l2", "--seed", "--val-percent",
            "--augment", "--no-augment", "--calibration", "--target-fpr", "--tiles", "--name");

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (threads < 1) {
            throw new UsageException("--threads must be >= 1");
        }
        Path model;
        TrainConfig config;
        boolean resuming = resume != null;
        if (resuming) {
            if (out != null && !out.toAbsolutePath().normalize().equals(resume.toAbsolutePath().normalize())) {
                throw new UsageException("--resume continues the run in its own folder; drop --out or make it the same folder");
            }
            for (String opt : FIXED_ON_RESUME) {
                if (spec.commandLine().getParseResult().hasMatchedOption(opt)) {
                    throw new UsageException(opt + " cannot change on --resume: the run keeps the settings in " + resume.resolve(ModelFolder.CONFIG));
                }
            }
            model = resume;
            config = resumedConfig(resume);
        } else {
            if (real == null || fake == null || arch == null || out == null) {
                throw new UsageException("--real, --fake, --arch and --out are required (or --resume MODEL)");
            }
            model = out;
            if (Files.exists(model.resolve(DetectorDescriptor.FILE_NAME)) || Files.exists(model.resolve(Checkpoints.FOLDER))) {
                throw new UsageException(model + " already holds a model or a training run; use --resume " + model
                        + " to continue it, or choose a new --out");
            }
            if (Files.exists(model) && !Files.isDirectory(model)) {
                throw new UsageException("--out must be a folder, not a file: " + model);
            }
            config = newConfig();
        }
        Path realDir = real != null ? real : Path.of(config.realDir());
        Path fakeDir = fake != null ? fake : Path.of(config.fakeDir());
        long budget = cacheMb == null ? ImageCache.defaultBudgetBytes() : Math.max(0, cacheMb) << 20;
        ImageCache cache = new ImageCache(budget, MediaLimits.DEFAULT);
        Dataset data;
        try {
            data = DatasetScanner.scan(realDir, fakeDir, new DatasetScanner.Settings(config.size(), config.validationPercent(),
                    MediaLimits.DEFAULT, threads), cache);
        } catch (DatasetException e) {
            throw new UsageException(e.getMessage());
        }
        if (!quiet) {
            o.printf(Locale.ROOT, "data: %d real / %d fake for training, %d real / %d fake for validation; %d files skipped%s%n",
                    data.count(Label.REAL, Split.TRAIN), data.count(Label.FAKE, Split.TRAIN), data.count(Label.REAL, Split.VALIDATION),
                    data.count(Label.FAKE, Split.VALIDATION), data.skipped().size(),
                    data.skipped().isEmpty() ? "" : " (reasons in " + model.resolve(ModelFolder.SKIPPED) + ")");
            for (SkippedFile s : data.skipped().subList(0, Math.min(5, data.skipped().size()))) {
                o.println("  skipped " + s.path() + ": " + s.message());
            }
            if (data.skipped().size() > 5) {
                o.println("  ...");
            }
            o.printf(Locale.ROOT, "cache: %d of %d images in memory (%d MB)%n", cache.cachedImages(), data.records().size(), cache.usedBytes() >> 20);
            o.flush();
        }
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch ended = new CountDownLatch(1);
        ConsoleTrainingListener listener = new ConsoleTrainingListener(o, System.console() != null && !noProgress, quiet) {
            @Override
            public boolean stopRequested() {
                return stop.get();
            }
        };
        // Ctrl-C / SIGTERM: ask the loop to stop after its current batch and wait for it, so the JVM never exits while
        // PyTorch is inside a native call on the training thread (that crashed the JVM); the last checkpoint is kept
        Thread hook = new Thread(() -> {
            stop.set(true);
            try {
                ended.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "unmask-train-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        TrainingRun.Result r;
        try {
            r = TrainingRun.run(config, data, cache, model, resuming, threads, listener);
        } catch (TrainingStoppedException e) {
            err.println("unmask: " + e.getMessage());
            err.flush();
            return UnmaskCommand.RUN_FAILED;
        } catch (TrainingException e) {
            throw new UsageException(e.getMessage());
        } finally {
            ended.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it returns now that the run has ended
            }
        }
        o.printf(Locale.ROOT, "model %s (%s, %,d parameters): validation AUC %.3f; threshold %.4f for FPR %s gives FPR %.3f, TPR %.3f on %d real / %d fake%n",
                model, config.architecture().kind(), r.parameters(), r.validation().auc(), r.threshold().threshold(), config.targetFpr(),
                r.validation().fpr(), r.validation().tpr(), r.validation().reals(), r.validation().fakes());
        o.println("report: " + model.resolve(ModelFolder.REPORT) + "; model card: " + model.resolve(ModelFolder.CARD));
        o.flush();
        return UnmaskCommand.OK;
    }

    private TrainConfig newConfig() {
        try {
            Architecture a = Architecture.parse(arch);
            if (noAugment && augment != null) {
                throw new IllegalArgumentException("--augment and --no-augment exclude each other");
            }
            Augmentation aug = noAugment ? Augmentation.NONE : Augmentation.parse(augment, Augmentation.DEFAULT);
            return new TrainConfig(a, size, epochs == null ? a.defaultEpochs() : epochs, batch, learningRate, seed, validationPercent, aug,
                    CalibrationMethod.parse(calibration), targetFpr, l2, tiles, name == null ? String.valueOf(out.toAbsolutePath().normalize().getFileName()) : name,
                    real.toAbsolutePath().normalize().toString(), fake.toAbsolutePath().normalize().toString());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private TrainConfig resumedConfig(Path model) throws IOException {
        Optional<Path> latest = Checkpoints.latest(model);
        if (latest.isEmpty()) {
            throw new UsageException(model + " has no checkpoint to resume from (expected " + model.resolve(Checkpoints.FOLDER) + "/epoch-NNNN)");
        }
        TrainConfig c = Checkpoints.state(latest.get()).config();
        if (epochs != null) {
            try {
                c = c.withEpochs(epochs);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        return c;
    }
}
