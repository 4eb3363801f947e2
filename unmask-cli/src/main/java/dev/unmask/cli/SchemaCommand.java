package dev.unmask.cli;

import dev.unmask.core.report.ScanJsonWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code unmask schema}: prints the JSON schema of {@code scan --json}. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print the JSON schema (draft 2020-12) that 'scan --json' output follows.")
final class SchemaCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        try (InputStream in = ScanJsonWriter.class.getResourceAsStream("scan-result.schema.json")) {
            if (in == null) {
                throw new IllegalStateException("schema resource missing");
            }
            spec.commandLine().getOut().print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            spec.commandLine().getOut().flush();
        }
        return UnmaskCommand.OK;
    }
}
