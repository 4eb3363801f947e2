package dev.unmask.detect.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.unmask.api.detector.DetectorDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link DetectorEvaluation.Result} as JSON (for machines), as a table (for people) and as per-image CSV.
 *
 * <p>JSON: top-level {@code model} ({@code name}, {@code version}, {@code kind}, {@code folder}), {@code threshold},
 * {@code n_real}, {@code n_fake}, the clean figures {@code auc}, {@code average_precision}, {@code eer},
 * {@code accuracy}, {@code tpr_at_threshold}, {@code fpr_at_threshold}, {@code tpr_at_1pct_fpr}, then
 * {@code perturbations} (one object per perturbation: {@code name} and the same figures) and {@code skipped}
 * ({@code path}, {@code reason}). Figures are rounded to 6 decimals.
 */
public final class EvaluationReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EvaluationReport() {}

    /** The JSON document as a map (keys in output order). */
    public static Map<String, Object> toMap(DetectorEvaluation.Result r) {
        DetectorDescriptor d = r.model();
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", d.name());
        model.put("version", d.version());
        model.put("kind", d.kind());
        model.put("folder", d.folder().toString());
        m.put("model", model);
        m.put("threshold", round(d.threshold()));
        DetectorEvaluation.Row clean = r.rows().get(0);
        m.put("n_real", clean.metrics().nReal());
        m.put("n_fake", clean.metrics().nFake());
        putFigures(m, clean.metrics());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DetectorEvaluation.Row row : r.rows().subList(1, r.rows().size())) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", row.name());
            putFigures(x, row.metrics());
            rows.add(x);
        }
        m.put("perturbations", rows);
        List<Map<String, Object>> skipped = new ArrayList<>();
        for (DetectorEvaluation.Skipped s : r.skipped()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("path", s.path().toString());
            x.put("reason", s.reason());
            skipped.add(x);
        }
        m.put("skipped", skipped);
        return m;
    }

    private static void putFigures(Map<String, Object> m, DetectionMetrics x) {
        m.put("auc", round(x.auc()));
        m.put("average_precision", round(x.averagePrecision()));
        m.put("eer", round(x.eer()));
        m.put("accuracy", round(x.accuracy()));
        m.put("tpr_at_threshold", round(x.tprAtThreshold()));
        m.put("fpr_at_threshold", round(x.fprAtThreshold()));
        m.put("tpr_at_1pct_fpr", round(x.tprAt1PctFpr()));
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    /** The JSON text, indented. */
    public static String json(DetectorEvaluation.Result r) {
        try {
            return JSON.writeValueAsString(toMap(r));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The table shown on the terminal: a head naming the model and the set, then one line per condition. */
    public static String table(DetectorEvaluation.Result r) {
        DetectorDescriptor d = r.model();
        DetectionMetrics clean = r.rows().get(0).metrics();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Model: %s %s (%s), threshold %.4f%s%n", d.name(), d.version(), d.kind(),
                d.threshold(), d.property("threshold.fpr", "").isEmpty() ? "" : " (chosen for FPR " + d.property("threshold.fpr", "") + ")"));
        sb.append(String.format(Locale.ROOT, "Images: %d real, %d fake%s%n", clean.nReal(), clean.nFake(),
                r.skipped().isEmpty() ? "" : ", " + r.skipped().size() + " skipped"));
        int w = Math.max(9, r.rows().stream().mapToInt(x -> x.name().length()).max().orElse(4));
        String head = String.format(Locale.ROOT, "%-" + w + "s %7s %7s %7s %9s %9s %9s %10s", "condition", "AUC", "AP", "EER",
                "acc@thr", "TPR@thr", "FPR@thr", "TPR@1%FPR");
        sb.append(head).append(System.lineSeparator());
        for (DetectorEvaluation.Row row : r.rows()) {
            DetectionMetrics m = row.metrics();
            sb.append(String.format(Locale.ROOT, "%-" + w + "s %7.4f %7.4f %7.4f %9.4f %9.4f %9.4f %10.4f%n", row.name(), m.auc(),
                    m.averagePrecision(), m.eer(), m.accuracy(), m.tprAtThreshold(), m.fprAtThreshold(), m.tprAt1PctFpr()));
        }
        for (DetectorEvaluation.Skipped s : r.skipped()) {
            sb.append("skipped ").append(s.path()).append(": ").append(s.reason()).append(System.lineSeparator());
        }
        return sb.toString();
    }

    /** Per-image probabilities: {@code path,label,none,<perturbation>...}. */
    public static String csv(DetectorEvaluation.Result r) {
        StringBuilder sb = new StringBuilder("path,label");
        r.rows().forEach(row -> sb.append(',').append(row.name()));
        sb.append('\n');
        for (DetectorEvaluation.ImageScores s : r.images()) {
            String p = s.path().toString();
            sb.append(p.contains(",") || p.contains("\"") ? "\"" + p.replace("\"", "\"\"") + "\"" : p)
                    .append(s.fake() ? ",fake" : ",real");
            for (double v : s.scores()) {
                sb.append(String.format(Locale.ROOT, ",%.6f", v));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
