package dev.unmask.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.unmask.api.AnalyzerResult;
import dev.unmask.api.Artifact;
import dev.unmask.api.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Golden-file comparison of normalised text. To rebuild the golden files after an intended change, run the
 * tests with {@code -Dunmask.golden.update=true} and review the diff before committing.
 */
public final class Golden {
    private Golden() {}

    /**
     * The normalised text of an analyzer result used in golden files: status and summary, then per finding its
     * code, evidence, score (3 decimals), title, typed values (numbers to 4 significant digits, recursively) and
     * artifacts (name, kind, size), then feature vectors by name and length. Times and bytes are left out.
     */
    public static String describe(AnalyzerResult r) {
        StringBuilder sb = new StringBuilder(r.status() + " " + r.summary() + "\n");
        for (Finding f : r.findings()) {
            sb.append(f.code()).append(' ').append(f.evidence()).append(String.format(Locale.ROOT, " %.3f", f.score()))
                    .append(" | ").append(f.title()).append('\n');
            f.values().forEach((k, v) -> sb.append("  ").append(k).append(" = ").append(text(v)).append('\n'));
            for (Artifact a : f.artifacts()) {
                sb.append("  artifact ").append(a.name()).append(' ').append(a.kind()).append(' ')
                        .append(a.width()).append('x').append(a.height()).append('\n');
            }
        }
        r.features().forEach((k, v) -> sb.append("feature ").append(k).append(" [").append(v.length).append("]\n"));
        return sb.toString();
    }

    private static String text(Object v) {
        if (v instanceof Double || v instanceof Float) {
            return String.format(Locale.ROOT, "%.4g", ((Number) v).doubleValue());
        }
        if (v instanceof double[] d) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < d.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4g", d[i]));
            }
            return sb.append(']').toString();
        }
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(text(l.get(i)));
            }
            return sb.append(']').toString();
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            boolean first = true;
            for (var e : m.entrySet()) {
                sb.append(first ? "" : ", ").append(e.getKey()).append('=').append(text(e.getValue()));
                first = false;
            }
            return sb.append('}').toString();
        }
        return String.valueOf(v);
    }

    /**
     * Compares {@code actual} with the file {@code src/test/resources/golden/<name>} of the module under test.
     */
    public static void assertMatches(String name, String actual) throws IOException {
        Path file = Path.of("src/test/resources/golden").resolve(name);
        String norm = actual.replace("\r\n", "\n").strip() + "\n";
        if (Boolean.getBoolean("unmask.golden.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, norm, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(file)) {
            throw new AssertionError("golden file " + file.toAbsolutePath() + " is missing; run with -Dunmask.golden.update=true to create it");
        }
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), norm, "differs from golden file " + name
                + " (rebuild with -Dunmask.golden.update=true if the change is intended)");
    }
}
