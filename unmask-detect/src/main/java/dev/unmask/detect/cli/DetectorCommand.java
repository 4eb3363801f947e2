package dev.unmask.detect.cli;

import dev.unmask.detect.eval.DetectorEvalCommand;
import dev.unmask.detect.fusion.FitFusionCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code unmask detector}: learned real-vs-fake detectors: evaluation and the fitted verdict fusion. */
@Command(name = "detector", mixinStandardHelpOptions = true,
        description = "Learned real-vs-fake detectors: evaluate a model on labelled folders, fit the verdict fusion.",
        subcommands = {DetectorEvalCommand.class, FitFusionCommand.class})
public final class DetectorCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
