package dev.unmask.detect.testing;

import dev.unmask.cli.UnmaskCommand;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Runs the {@code unmask} command line in-process (with every plug-in on the test class path) and captures its output.
 *
 * @param exit the exit code
 * @param out standard output
 * @param err standard error
 */
public record Cli(int exit, String out, String err) {
    /** Runs {@code unmask args...}. */
    public static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = UnmaskCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Cli(code, out.toString(), err.toString());
    }
}
