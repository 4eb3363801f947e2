package dev.unmask.cli;

import dev.unmask.core.scan.FileResult;
import dev.unmask.core.scan.Label;
import dev.unmask.core.scan.Verdict;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** Renders results for a person at a terminal: one block per file, then a batch summary. */
final class TerminalSummary {
    private final PrintWriter out;
    private final boolean verbose;
    private final boolean color;
    private final int topEvidence;
    private final Map<Label, Integer> counts = new EnumMap<>(Label.class);
    private int files;
    private int errors;

    TerminalSummary(PrintWriter out, boolean verbose, boolean color) {
        this.out = out;
        this.verbose = verbose;
        this.color = color;
        this.topEvidence = verbose ? Integer.MAX_VALUE : 3;
    }

    /** Prints one file's block. {@code prefix} clears a progress bar's line when one is showing. */
    void print(FileResult r, String prefix) {
        files++;
        counts.merge(r.verdict().label(), 1, Integer::sum);
        Verdict v = r.verdict();
        StringBuilder s = new StringBuilder(prefix);
        s.append(badge(v)).append(' ').append(r.path());
        if (r.width() > 0) {
            s.append(String.format(Locale.ROOT, "  (%s %dx%d)", r.mediaTypeId(), r.width(), r.height()));
        } else if (!"unknown".equals(r.mediaTypeId())) {
            s.append("  (").append(r.mediaTypeId()).append(')');
        }
        out.println(s);
        if (r.error() != null) {
            errors++;
            out.println("    error [" + r.error().code() + "]: " + r.error().message());
        }
        int shown = 0;
        for (Verdict.Driver d : v.drivers()) {
            if (shown++ >= topEvidence) {
                break;
            }
            out.printf(Locale.ROOT, "    %s %-9s %.2f  %s%n", arrow(d.evidence()), d.analyzer(), d.score(), d.title());
        }
        if (v.label() != Label.NOT_APPLICABLE || r.error() == null) {
            out.println("    " + v.reason());
        }
        if (verbose) {
            for (var run : r.runs()) {
                out.printf(Locale.ROOT, "    [%s %s] %s (%.0f ms)%n", run.info().id(),
                        run.result().status().name().toLowerCase(Locale.ROOT), run.result().summary(), run.elapsedMillis());
            }
        }
        out.flush();
    }

    /** Prints the batch summary line(s). */
    void printSummary(String prefix) {
        StringBuilder s = new StringBuilder(prefix);
        s.append(files).append(files == 1 ? " file: " : " files: ");
        boolean first = true;
        for (Label l : Label.values()) {
            int n = counts.getOrDefault(l, 0);
            if (n == 0) {
                continue;
            }
            s.append(first ? "" : ", ").append(n).append(' ').append(l.display());
            first = false;
        }
        if (first) {
            s.append("none");
        }
        out.println(s);
        if (errors > 0) {
            out.println(errors + (errors == 1 ? " file" : " files") + " could not be analysed (exit code 1).");
        }
        out.flush();
    }

    private String badge(Verdict v) {
        String text = v.label() == Label.NOT_APPLICABLE
                ? "[" + v.label().display() + "]"
                : String.format(Locale.ROOT, "[%s %.2f]", v.label().display(), v.confidence());
        if (!color) {
            return text;
        }
        String code = switch (v.label()) {
            case SYNTHETIC -> "1;35";
            case MANIPULATED -> "1;31";
            case AUTHENTIC -> "1;32";
            case INCONCLUSIVE -> "1;33";
            case NOT_APPLICABLE -> "2";
        };
        return "\u001b[" + code + "m" + text + "\u001b[0m";
    }

    private static String arrow(String evidence) {
        return switch (evidence) {
            case "synthetic" -> "+syn";
            case "manipulated" -> "+man";
            case "authentic" -> "+auth";
            default -> "    ";
        };
    }
}
