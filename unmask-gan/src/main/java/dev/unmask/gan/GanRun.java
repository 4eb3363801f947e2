package dev.unmask.gan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Drives a {@link GanTrainer} to its configured step count inside a run folder: every
 * {@link GanConfig#sampleEvery()} steps a sample grid {@code grids/step-NNNNNNN.png} (8x8 cells from latents fixed
 * by the run's seed), every {@link GanConfig#checkpointEvery()} steps and at the end a checkpoint in
 * {@code checkpoint/}.
 */
public final class GanRun {
    /** Rows and columns of the sample grid. */
    public static final int GRID_CELLS = 8;
    /** Offset mixed into the run's seed for the grid's fixed latents (independent of the training noise). */
    static final long GRID_SEED_SALT = 0x6A09E667F3BCC909L;

    private final GanTrainer trainer;
    private final Path dir;
    private final SampleGrid grid;

    /** A run writing into {@code dir}. */
    public GanRun(GanTrainer trainer, Path dir) {
        this.trainer = trainer;
        this.dir = dir;
        GanConfig c = trainer.config();
        this.grid = new SampleGrid(GRID_CELLS, GRID_CELLS, c.latentDim(), c.seed() ^ GRID_SEED_SALT);
    }

    /** Folder of the checkpoint. */
    public Path checkpointDir() {
        return dir.resolve("checkpoint");
    }

    /** File of the grid written after {@code step} steps. */
    public Path gridFile(int step) {
        return gridFile(dir, step);
    }

    /** File of the grid written after {@code step} steps in run folder {@code dir}. */
    public static Path gridFile(Path dir, int step) {
        return dir.resolve("grids").resolve(String.format(Locale.ROOT, "step-%07d.png", step));
    }

    /** Trains to the configured step count, logging each step. */
    public void run(Consumer<StepStats> log) throws IOException {
        GanConfig c = trainer.config();
        while (trainer.stepsDone() < c.steps()) {
            StepStats s = trainer.step();
            log.accept(s);
            if (c.sampleEvery() > 0 && s.step() % c.sampleEvery() == 0) {
                grid.write(trainer, gridFile(s.step()));
            }
            if (c.checkpointEvery() > 0 && s.step() % c.checkpointEvery() == 0) {
                GanCheckpoint.save(trainer, checkpointDir());
            }
        }
        GanCheckpoint.save(trainer, checkpointDir());
    }
}
