package dev.unmask.faces.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code unmask faces}: face tools outside a scan (training data for face-level detectors). */
@Command(name = "faces", mixinStandardHelpOptions = true,
        description = {"Face tools: make training data for face-level forgery detectors from real photos."},
        subcommands = {SelfBlendCommand.class})
public final class FacesCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
