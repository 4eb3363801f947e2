package dev.unmask.detect.train;

import dev.unmask.core.Version;
import dev.unmask.core.imaging.Codecs;
import dev.unmask.detect.calibrate.ReliabilityBins;
import dev.unmask.detect.data.Dataset;
import dev.unmask.detect.data.Label;
import dev.unmask.detect.data.SkippedFile;
import dev.unmask.detect.data.Split;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The training report, {@code report.html}: one self-contained page (pictures embedded as PNG data, nothing loaded
 * from anywhere) with the loss and accuracy curves per epoch, the validation AUC per epoch, the finished model's
 * validation ROC curve and reliability diagram, the numbers behind them, the data counts and the settings.
 */
public final class TrainingReport {
    private static final Color TRAIN = new Color(31, 119, 180);
    private static final Color VALIDATION = new Color(214, 39, 40);
    private static final Color DIAGONAL = new Color(150, 150, 150);

    private TrainingReport() {
    }

    /** Writes the report. */
    public static void write(Path file, TrainConfig config, Dataset data, TrainingRun.Result r) throws IOException {
        List<EpochStats> h = r.history();
        double[] ep = h.stream().mapToDouble(EpochStats::epoch).toArray();
        double maxLoss = 0.1;
        for (EpochStats s : h) {
            maxLoss = Math.max(maxLoss, finite(s.trainLoss()));
            maxLoss = Math.max(maxLoss, finite(s.validationLoss()));
        }
        double x0 = ep.length == 1 ? 0 : ep[0];
        double x1 = ep[ep.length - 1];
        BufferedImage loss = Charts.lines("Loss (binary cross-entropy)", "epoch", "loss", x0, x1, 0, Math.min(5, maxLoss * 1.1), List.of(
                new Charts.Series("training (augmented)", TRAIN, ep, h.stream().mapToDouble(EpochStats::trainLoss).toArray(), false, true),
                new Charts.Series("validation (centre crops)", VALIDATION, ep, h.stream().mapToDouble(EpochStats::validationLoss).toArray(), false, true)));
        BufferedImage acc = Charts.lines("Accuracy and validation AUC", "epoch", "", x0, x1, 0, 1, List.of(
                new Charts.Series("training accuracy", TRAIN, ep, h.stream().mapToDouble(EpochStats::trainAccuracy).toArray(), false, true),
                new Charts.Series("validation accuracy", VALIDATION, ep, h.stream().mapToDouble(EpochStats::validationAccuracy).toArray(), false, true),
                new Charts.Series("validation AUC", new Color(44, 160, 44), ep, h.stream().mapToDouble(EpochStats::validationAuc).toArray(), true, true)));
        RocCurve roc = r.validation().roc();
        BufferedImage rocImg = Charts.lines(String.format(Locale.ROOT, "Validation ROC (AUC %.3f)", roc.auc()), "false-positive rate",
                "true-positive rate", 0, 1, 0, 1, List.of(
                        new Charts.Series("chance", DIAGONAL, new double[] {0, 1}, new double[] {0, 1}, true, false),
                        new Charts.Series("detector", VALIDATION, roc.fpr(), roc.tpr(), false, false),
                        new Charts.Series("threshold", Color.BLACK, new double[] {r.threshold().achievedFpr()},
                                new double[] {r.threshold().tpr()}, false, true)));
        ReliabilityBins rb = r.validation().reliability();
        List<double[]> pts = new ArrayList<>();
        for (int b = 0; b < rb.count().length; b++) {
            if (rb.count()[b] > 0) {
                pts.add(new double[] {rb.meanProbability()[b], rb.frequency()[b]});
            }
        }
        BufferedImage rel = Charts.lines(String.format(Locale.ROOT, "Reliability on validation (ECE %.3f, in-sample)", rb.ece()),
                "calibrated probability", "observed fraction fake", 0, 1, 0, 1, List.of(
                        new Charts.Series("perfect", DIAGONAL, new double[] {0, 1}, new double[] {0, 1}, true, false),
                        new Charts.Series("model (10 bins)", TRAIN, pts.stream().mapToDouble(p -> p[0]).toArray(),
                                pts.stream().mapToDouble(p -> p[1]).toArray(), false, true)));

        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Training report: ").append(esc(config.name()))
                .append("</title><style>body{font-family:sans-serif;max-width:1180px;margin:1.5em auto;color:#222}"
                        + "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}"
                        + "th{background:#f3f3f3}td.l,th.l{text-align:left}img{margin:4px;border:1px solid #ddd}</style></head><body>");
        b.append("<h1>Training report: ").append(esc(config.name())).append("</h1>");
        b.append("<p>").append(esc(r.description())).append(". Trained by Unmask ").append(esc(Version.get())).append(".</p>");
        b.append("<h2>Result on the validation split</h2><table>");
        row(b, "ROC AUC", f(r.validation().auc()));
        row(b, "threshold (calibrated probability)", f(r.threshold().threshold()));
        row(b, "target false-positive rate", f(config.targetFpr()));
        row(b, "false-positive rate at threshold", f(r.validation().fpr()));
        row(b, "true-positive rate at threshold", f(r.validation().tpr()));
        row(b, "accuracy at threshold", f(r.validation().accuracy()));
        row(b, "expected calibration error (in-sample)", f(r.validation().ece()));
        row(b, "calibration", config.calibration().id());
        row(b, "validation images", r.validation().reals() + " real / " + r.validation().fakes() + " fake");
        b.append("</table><p>Calibration and threshold are fitted on these same validation images, so the last three rates are "
                + "in-sample. Evaluate on other data with <code>unmask detector eval</code>.</p>");
        b.append("<div>").append(img(loss)).append(img(acc)).append("</div><div>").append(img(rocImg)).append(img(rel)).append("</div>");
        b.append("<h2>Epochs</h2><table><tr><th>epoch</th><th>train loss</th><th>train acc</th><th>val loss</th><th>val acc</th>"
                + "<th>val AUC</th><th>images/s</th><th>seconds</th></tr>");
        for (EpochStats s : h) {
            b.append(String.format(Locale.ROOT, "<tr><td>%d</td><td>%.4f</td><td>%.3f</td><td>%.4f</td><td>%.3f</td><td>%.3f</td><td>%.1f</td><td>%.1f</td></tr>",
                    s.epoch(), s.trainLoss(), s.trainAccuracy(), s.validationLoss(), s.validationAccuracy(), s.validationAuc(),
                    s.imagesPerSecond(), s.seconds()));
        }
        b.append("</table><h2>Data</h2><table><tr><th class=\"l\"></th><th>train</th><th>validation</th></tr>");
        for (Label l : Label.values()) {
            b.append("<tr><td class=\"l\">").append(l.id()).append("</td><td>").append(data.count(l, Split.TRAIN)).append("</td><td>")
                    .append(data.count(l, Split.VALIDATION)).append("</td></tr>");
        }
        b.append("</table><p>Real: <code>").append(esc(String.valueOf(config.realDir()))).append("</code>, fake: <code>")
                .append(esc(String.valueOf(config.fakeDir()))).append("</code>; data fingerprint <code>").append(data.fingerprint())
                .append("</code>. Every file with its SHA-256 is in <code>manifest.csv</code>.</p>");
        Map<String, Integer> reasons = new TreeMap<>();
        for (SkippedFile s : data.skipped()) {
            reasons.merge(s.code(), 1, Integer::sum);
        }
        b.append("<p>Skipped files: ").append(data.skipped().size());
        if (!reasons.isEmpty()) {
            b.append(" (").append(esc(reasons.toString())).append("; see <code>skipped.csv</code>)");
        }
        b.append(".</p><h2>Settings</h2><table>");
        for (Map.Entry<String, Object> e : config.toMap().entrySet()) {
            row(b, e.getKey(), String.valueOf(e.getValue()));
        }
        b.append("</table></body></html>\n");
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0;
    }

    private static void row(StringBuilder b, String k, String v) {
        b.append("<tr><th class=\"l\">").append(esc(k)).append("</th><td class=\"l\">").append(esc(v)).append("</td></tr>");
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String img(BufferedImage i) {
        return "<img alt=\"chart\" src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(Codecs.png(i)) + "\">";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
