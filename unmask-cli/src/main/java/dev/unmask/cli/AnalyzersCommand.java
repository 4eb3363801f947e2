package dev.unmask.cli;

import dev.unmask.api.Analyzer;
import dev.unmask.api.AnalyzerOptions;
import dev.unmask.core.scan.AnalyzerSet;
import java.io.PrintWriter;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code unmask analyzers}: lists the analyzers found on the class path. */
@Command(name = "analyzers", mixinStandardHelpOptions = true,
        description = "List the available analyzers, their ids (for --only/--skip), versions and settings (for --set) with defaults.")
final class AnalyzersCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (Analyzer a : AnalyzerSet.discover()) {
            var i = a.info();
            out.printf("%-10s %-32s v%s%n", i.id(), i.name(), i.version());
            out.printf("           %s%n", i.description());
            AnalyzerOptions o = AnalyzerOptions.defaults(i.id());
            a.init(o);
            for (var e : new TreeMap<>(o.described()).entrySet()) {
                out.printf("           --set %s.%s=%s%n", i.id(), e.getKey(), e.getValue());
            }
            a.close();
        }
        out.flush();
        return UnmaskCommand.OK;
    }
}
