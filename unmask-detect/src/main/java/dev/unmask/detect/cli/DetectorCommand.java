package dev.unmask.detect.cli;

import dev.unmask.detect.eval.DetectorEvalCommand;
import dev.unmask.detect.fusion.FitFusionCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code unmask detector}: learned real-vs-fake detectors: train, evaluate, and fit the verdict fusion. */
@Command(name = "detector", mixinStandardHelpOptions = true,
        description = {"Learned real-vs-fake detectors: train them on your own folders of real and fake images, calibrated, as model folders;"
                + " evaluate a model on labelled folders; fit the verdict fusion.",
                "A model folder opens anywhere Unmask takes a detector (e.g. 'unmask scan --detector MODEL')."},
        subcommands = {TrainCommand.class, DetectorEvalCommand.class, FitFusionCommand.class})
public final class DetectorCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
