package dev.unmask.gan.cli;

import dev.unmask.cli.UsageException;
import dev.unmask.gan.TrainedGan;
import java.io.IOException;
import java.nio.file.Path;

/** Checks of command-line arguments shared by the GAN commands. */
final class RunArguments {
    private RunArguments() {
    }

    /** The checkpoint folder of a run argument, or a usage error naming the folder. */
    static Path checkpoint(Path run, String option) {
        try {
            return TrainedGan.checkpointDir(run);
        } catch (IOException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }

    /** A usage error unless {@code lo <= v <= hi}. */
    static void range(String option, long v, long lo, long hi) {
        if (v < lo || v > hi) {
            throw new UsageException(option + " must be in " + lo + ".." + hi + ", not " + v);
        }
    }
}
