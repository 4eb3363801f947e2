package dev.unmask.gan.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code unmask gan}: the GAN studio's sub-commands. */
@Command(name = "gan", mixinStandardHelpOptions = true,
        description = "GAN studio: train generative adversarial networks on an image folder, sample labelled fakes, measure them.",
        subcommands = {GanTrainCommand.class, GanSampleCommand.class, GanInterpolateCommand.class, GanMeasureCommand.class,
                GanExportDetectorCommand.class, GanReconstructCommand.class})
public final class GanCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
