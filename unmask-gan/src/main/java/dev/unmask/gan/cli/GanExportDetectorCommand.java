package dev.unmask.gan.cli;

import dev.unmask.cli.UnmaskCommand;
import dev.unmask.cli.UsageException;
import dev.unmask.gan.detector.DiscriminatorExport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code unmask gan export-detector}: a run's discriminator as a detector model folder. */
@Command(name = "export-detector", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Export a run's discriminator as a detector model folder.",
                "The detector (kind gan-discriminator) scores how likely an image is to come from THIS run's generator "
                        + "and says nothing about other generators. With --real (the run's training images) its output is "
                        + "Platt-calibrated on those and fresh samples."},
        footer = {"", "Exit codes: 0 exported; 2 usage error; 4 export failed.", "", "Example:",
                "  unmask gan export-detector runs/faces --out faces-d --real data/faces"})
final class GanExportDetectorCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN", description = "Run folder (or its checkpoint/ folder).")
    Path run;

    @Option(names = "--out", paramLabel = "MODEL_DIR", required = true, description = "Detector folder to create.")
    Path out;

    @Option(names = "--real", paramLabel = "DIR", description = "Real images (the run's training set) for Platt calibration.")
    Path real;

    @Option(names = "--count", paramLabel = "N", description = "Most images per class for calibration (default: ${DEFAULT-VALUE}).")
    int count = 256;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the calibration samples (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Override
    public Integer call() {
        Path checkpoint = RunArguments.checkpoint(run, "RUN");
        if (real != null && !Files.isDirectory(real)) {
            throw new UsageException("--real: no such folder: " + real);
        }
        RunArguments.range("--count", count, 2, 100_000);
        DiscriminatorExport.Result r;
        try {
            r = DiscriminatorExport.export(checkpoint, out, real, count, seed);
        } catch (IOException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("unmask: cannot export the detector of " + run + ": " + e.getMessage());
            err.flush();
            return UnmaskCommand.RUN_FAILED;
        }
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "Wrote detector %s to %s (detector.properties, checkpoint.properties, discriminator.params, %s).%n",
                r.name(), out, DiscriminatorExport.MODEL_CARD);
        if (r.calibrated()) {
            w.printf(Locale.ROOT, "  calibration: Platt a=%.4g b=%.4g on %d real + %d generated images; in-sample accuracy "
                    + "%.3f, ROC AUC %.3f (optimistic: same images)%n", r.calibration().a(), r.calibration().b(),
                    r.realCount(), r.fakeCount(), r.accuracy(), r.auc());
        } else {
            w.println("  calibration: none (probability = the discriminator's own sigmoid); add --real <training images> to fit it");
        }
        w.println("  scope: only this run's generator at this checkpoint; it says nothing about other generators.");
        w.flush();
        return UnmaskCommand.OK;
    }
}
