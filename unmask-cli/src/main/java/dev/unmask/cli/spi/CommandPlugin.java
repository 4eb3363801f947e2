package dev.unmask.cli.spi;

/**
 * A sub-command contributed by a module that the command line itself does not depend on (GAN studio, learned
 * detectors, faces, video), found with {@link java.util.ServiceLoader} and added to {@code unmask} at start-up.
 *
 * <p>Register an implementation in {@code META-INF/services/dev.unmask.cli.spi.CommandPlugin}. The module that
 * provides it carries its own heavy native dependencies, so a user of the plain command line pays for them only
 * when the module is on the class path (the {@code unmask-app} distribution puts every module there).
 *
 * <p>Contract: {@link #command()} is called once per command line built; it must be cheap (no model loading, no
 * native library loading) and return a new picocli command object (a class annotated with
 * {@code @picocli.CommandLine.Command}, or a {@code picocli.CommandLine}). The command's {@code call()} returns
 * one of the exit codes in {@link dev.unmask.cli.UnmaskCommand} and signals usage errors with
 * {@link dev.unmask.cli.UsageException}.
 */
public interface CommandPlugin {
    /** A new picocli command object for this plug-in's sub-command. */
    Object command();
}
