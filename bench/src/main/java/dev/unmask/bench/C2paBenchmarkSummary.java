package dev.unmask.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the cost split of C2PA validation from a JMH JSON result of {@link C2paValidationBenchmark}
 * ({@code -rf json -rff FILE}): per fixture, the full validation time and parse, hash and signature as a percentage
 * of it, plus the remainder (status assembly, ingredient checks), and the 99.9% confidence half-width of the full
 * time as a share of it (when that is large, or the remainder is negative, the machine was too noisy for the split
 * to mean much: warm up longer, e.g. {@code -wi 8}). Usage: {@code C2paBenchmarkSummary jmh-result.json}.
 */
public final class C2paBenchmarkSummary {
    private static final String FULL = "full";
    private static final List<String> PARTS = List.of("parse", "hash", "signature");
    private static final double PERCENT = 100.0;

    private C2paBenchmarkSummary() {}

    /** Reads the JMH JSON file given as the only argument and prints one split line per fixture. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: C2paBenchmarkSummary <jmh-result.json>");
            System.exit(2);
        }
        JsonNode root = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        Map<String, Map<String, Double>> byFixture = new LinkedHashMap<>();
        Map<String, Double> fullError = new LinkedHashMap<>();
        String unit = "";
        for (JsonNode run : root) {
            String bench = run.path("benchmark").asText();
            if (!bench.startsWith(C2paValidationBenchmark.class.getName() + ".")) {
                continue;
            }
            String method = bench.substring(bench.lastIndexOf('.') + 1);
            String fixture = run.path("params").path("fixture").asText("?");
            byFixture.computeIfAbsent(fixture, k -> new LinkedHashMap<>()).put(method, run.path("primaryMetric").path("score").asDouble());
            if (FULL.equals(method)) {
                fullError.put(fixture, run.path("primaryMetric").path("scoreError").asDouble(Double.NaN));
            }
            unit = run.path("primaryMetric").path("scoreUnit").asText();
        }
        System.out.println();
        System.out.println("C2PA validation cost split (share of full validation time per file):");
        for (Map.Entry<String, Map<String, Double>> e : byFixture.entrySet()) {
            System.out.println(line(e.getKey(), e.getValue(), fullError.getOrDefault(e.getKey(), Double.NaN), unit));
        }
    }

    private static String line(String fixture, Map<String, Double> scores, double fullError, String unit) {
        Double full = scores.get(FULL);
        if (full == null || full <= 0) {
            return String.format(Locale.ROOT, "  %-12s (no full-validation result)", fixture);
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "  %-12s full %10.1f %s  ", fixture, full, unit));
        double rest = full;
        for (String p : PARTS) {
            Double v = scores.get(p);
            if (v == null) {
                sb.append(String.format(Locale.ROOT, " %s    n/a", p));
                continue;
            }
            rest -= v;
            sb.append(String.format(Locale.ROOT, " %s %5.1f%%", p, PERCENT * v / full));
        }
        sb.append(String.format(Locale.ROOT, "  rest %5.1f%%  (full ±%.0f%%)", PERCENT * rest / full, PERCENT * fullError / full));
        return sb.toString();
    }
}
