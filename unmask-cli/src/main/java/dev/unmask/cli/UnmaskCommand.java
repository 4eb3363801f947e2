package dev.unmask.cli;

import dev.unmask.cli.spi.CommandPlugin;
import dev.unmask.core.Version;
import java.io.PrintWriter;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code unmask} command: entry point and sub-command registry for the command line. */
@Command(name = "unmask", mixinStandardHelpOptions = true, versionProvider = UnmaskCommand.VersionProvider.class,
        description = "Unmask: deepfake and image-manipulation forensics with evidence you can check.",
        subcommands = {ScanCommand.class, ProvenanceCommand.class, SignCommand.class, KeygenCommand.class, AnalyzersCommand.class,
                SchemaCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes:", "  0  every file was analysed",
                "  1  some files could not be analysed (see each file's error)",
                "  2  usage error (bad option, missing path)",
                "  3  a file matched --fail-on",
                "  4  the scan could not complete (output not writable, internal error)"})
public final class UnmaskCommand implements Runnable {
    /** Every file analysed. */
    public static final int OK = 0;
    /** Some files could not be analysed. */
    public static final int SOME_FAILED = 1;
    /** Usage error. */
    public static final int USAGE = 2;
    /** A file matched {@code --fail-on}. */
    public static final int FAIL_ON_MATCHED = 3;
    /** The run could not complete. */
    public static final int RUN_FAILED = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the configured command line (used by {@link #main} and by tests). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new UnmaskCommand());
        for (CommandPlugin plugin : ServiceLoader.load(CommandPlugin.class)) {
            cl.addSubcommand(plugin.command());
        }
        cl.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? USAGE : RUN_FAILED);
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("unmask: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            PrintWriter err = c.getErr();
            if (ex instanceof UsageException) {
                err.println("unmask: " + ex.getMessage());
                return USAGE;
            }
            err.println("unmask: the run could not complete: " + ex);
            return RUN_FAILED;
        });
        return cl;
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(commandLine().execute(args));
    }

    /** Supplies the version from the build. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"unmask " + Version.get(), "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
