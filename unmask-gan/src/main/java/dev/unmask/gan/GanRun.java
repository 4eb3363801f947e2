package dev.unmask.gan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Drives a {@link GanTrainer} to its configured step count inside a run folder:
 * <ul>
 *   <li>every {@link GanConfig#sampleEvery()} steps (and at the end) a sample grid {@code grids/step-NNNNNNN.png}
 *       (8x8 cells from latents fixed by the run's seed, so grids show the same "individuals" over time);</li>
 *   <li>every {@link GanConfig#checkpointEvery()} steps, at the end and when stopped, a checkpoint in
 *       {@code checkpoint/} ({@link GanCheckpoint});</li>
 *   <li>every step a row of {@code metrics.csv} / {@code metrics.jsonl};</li>
 *   <li>{@code manifest.csv} (the data set's files with size and SHA-256) at the start, and {@code report.html}
 *       ({@link TrainingReport}) at the end or when stopped.</li>
 * </ul>
 *
 * <p>Stopping: {@link #requestStop()} (safe from any thread, e.g. a JVM shutdown hook on Ctrl-C, see
 * {@link #shutdownHook}) makes the loop finish the step in progress, save a checkpoint, the metrics and the report,
 * and return; {@link #stopped()} then says so. Resuming that checkpoint continues exactly where it stopped. A time
 * limit ({@link #withTimeLimit}) stops the same way.
 */
public final class GanRun {
    /** Rows and columns of the sample grid. */
    public static final int GRID_CELLS = 8;
    /** Offset mixed into the run's seed for the grid's fixed latents (independent of the training noise). */
    static final long GRID_SEED_SALT = 0x6A09E667F3BCC909L;
    /** File name of the data set manifest in the run folder. */
    public static final String MANIFEST = "manifest.csv";
    /** File name of the HTML report in the run folder. */
    public static final String REPORT = "report.html";
    /** Key of the data set manifest's SHA-256 in the checkpoint. */
    public static final String DATA_SHA256 = "dataManifestSha256";

    private final GanTrainer trainer;
    private final Path dir;
    private final SampleGrid grid;
    private final Object lock = new Object();
    private volatile boolean stopRequested;
    private boolean running;
    private boolean stopped;
    private Consumer<String> events = e -> { };
    private Map<String, String> runInfo = Map.of();
    private Duration timeLimit;
    private Map<String, String> checkpointInfo = Map.of();

    /** A run writing into {@code dir}. */
    public GanRun(GanTrainer trainer, Path dir) {
        this.trainer = trainer;
        this.dir = dir;
        GanConfig c = trainer.config();
        this.grid = new SampleGrid(GRID_CELLS, GRID_CELLS, c.latentDim(), c.seed() ^ GRID_SEED_SALT);
    }

    /** Receives one line per notable event (checkpoint written, stop requested, report written). */
    public GanRun onEvent(Consumer<String> listener) {
        this.events = listener;
        return this;
    }

    /** Extra key/value lines shown in the report's settings table (e.g. the data folder). */
    public GanRun withRunInfo(Map<String, String> info) {
        this.runInfo = Map.copyOf(info);
        return this;
    }

    /**
     * Stops the run like {@link #requestStop()} once {@link #run} has trained for {@code limit} (checked after
     * every step; the checkpoint and report follow as for a stop request).
     */
    public GanRun withTimeLimit(Duration limit) {
        this.timeLimit = limit;
        return this;
    }

    /** Extra entries for every checkpoint's {@link GanCheckpoint#STATE} file (e.g. the engine's thread count). */
    public GanRun withCheckpointInfo(Map<String, String> info) {
        this.checkpointInfo = Map.copyOf(info);
        return this;
    }

    /** Folder of the checkpoint. */
    public Path checkpointDir() {
        return dir.resolve("checkpoint");
    }

    /** The HTML report. */
    public Path reportFile() {
        return dir.resolve(REPORT);
    }

    /** File of the grid written after {@code step} steps. */
    public Path gridFile(int step) {
        return gridFile(dir, step);
    }

    /** File of the grid written after {@code step} steps in run folder {@code dir}. */
    public static Path gridFile(Path dir, int step) {
        return dir.resolve("grids").resolve(String.format(Locale.ROOT, "step-%07d.png", step));
    }

    /** 1-based epoch of the last image of step {@code step} (1 for the first step). */
    public static int epochOf(int step, int batch, int images) {
        return (int) (((long) Math.max(1, step) * batch - 1) / images) + 1;
    }

    /** Asks a running {@link #run} to stop after the current step, saving a checkpoint. Any thread. */
    public void requestStop() {
        stopRequested = true;
    }

    /** True when the last {@link #run} ended because a stop was requested (before the configured step count). */
    public boolean stopped() {
        synchronized (lock) {
            return stopped;
        }
    }

    /**
     * A thread for {@link Runtime#addShutdownHook}: it requests a stop and waits up to {@code wait} for the loop to
     * save its checkpoint (the JVM exits when the hook returns).
     */
    public Thread shutdownHook(Duration wait) {
        return new Thread(() -> {
            requestStop();
            awaitIdle(wait);
        }, "unmask-gan-stop");
    }

    /** Waits until no {@link #run} is in progress; true if none is when it returns. */
    public boolean awaitIdle(Duration wait) {
        long end = System.nanoTime() + wait.toNanos();
        synchronized (lock) {
            while (running) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return !running;
                }
            }
            return true;
        }
    }

    /** Trains to the configured step count (or until stopped), logging each step. */
    public void run(Consumer<StepStats> log) throws IOException {
        synchronized (lock) {
            running = true;
            stopped = false;
        }
        try {
            train(log);
        } catch (IOException | RuntimeException | Error e) {
            if (stopRequested) {
                // the JVM may exit as soon as this run is idle, before the caller can report the failure
                events.accept("the run failed while stopping: " + e);
            }
            throw e;
        } finally {
            synchronized (lock) {
                running = false;
                lock.notifyAll();
            }
        }
    }

    private void train(Consumer<StepStats> log) throws IOException {
        GanConfig c = trainer.config();
        Files.createDirectories(dir);
        DatasetManifest manifest = trainer.data().manifest();
        manifest.write(dir.resolve(MANIFEST));
        Map<String, String> extra = new java.util.HashMap<>(checkpointInfo);
        extra.put(DATA_SHA256, manifest.sha256());
        try (TrainingMetrics metrics = TrainingMetrics.open(dir, trainer.stepsDone())) {
            double wallBefore = metrics.wallSeconds();
            long t0 = System.nanoTime();
            boolean stop = false;
            String why = "stop requested";
            while (trainer.stepsDone() < c.steps()) {
                if (timeLimit != null && System.nanoTime() - t0 >= timeLimit.toNanos()) {
                    stopRequested = true;
                    why = "time limit of " + TrainingReport.duration(timeLimit.toMillis() / 1000.0) + " reached";
                }
                if (stopRequested) {
                    stop = true;
                    break;
                }
                StepStats s = trainer.step();
                double wall = wallBefore + (System.nanoTime() - t0) / 1e9;
                metrics.append(new TrainingMetrics.Row(s.step(), epochOf(s.step(), c.batch(), trainer.data().count()),
                        s.dLoss(), s.gLoss(), s.dAccReal(), s.dAccFake(), s.seconds(), wall, c.batch() / s.seconds()));
                metrics.flush();
                log.accept(s);
                if (c.sampleEvery() > 0 && s.step() % c.sampleEvery() == 0) {
                    grid.write(trainer, gridFile(s.step()));
                }
                if (c.checkpointEvery() > 0 && s.step() % c.checkpointEvery() == 0) {
                    GanCheckpoint.save(trainer, checkpointDir(), extra);
                    events.accept("checkpoint saved at step " + s.step());
                }
            }
            int done = trainer.stepsDone();
            if (!Files.exists(gridFile(done))) {
                grid.write(trainer, gridFile(done));
            }
            metrics.flush();
            GanCheckpoint.save(trainer, checkpointDir(), extra);
            if (stop) {
                events.accept("stopped (" + why + "): checkpoint saved at step " + done + " of " + c.steps()
                        + "; continue with --resume " + dir);
            }
            TrainingReport.write(reportFile(), new TrainingReport.Inputs(c, manifest, metrics.rows(),
                    TrainingReport.grids(dir), done, stop, trainer.skippedDiscriminatorUpdates(),
                    trainer.skippedGeneratorUpdates(), runInfo));
            events.accept("report written: " + reportFile());
            synchronized (lock) {
                stopped = stop;
            }
        }
    }
}
