package dev.unmask.gan;

import dev.unmask.core.Version;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * The end-of-training report {@code RUN/report.html}: one self-contained page (pictures embedded as PNG data URIs,
 * nothing loaded from anywhere) with a summary, the discriminator and generator loss curves, the discriminator's
 * accuracy on real and on generated images, the sample grids over time, every setting, and the data set (number of
 * images, skipped files with their reasons, the manifest's SHA-256 and, for up to {@link #MAX_MANIFEST_ROWS} files,
 * the whole manifest in a collapsible table; larger sets link {@code manifest.csv}). Sections have the ids
 * {@code summary}, {@code losses}, {@code accuracy}, {@code grids}, {@code config} and {@code dataset}.
 */
final class TrainingReport {
    /** Largest manifest shown inline. */
    static final int MAX_MANIFEST_ROWS = 2000;
    /** Most grids embedded (evenly spaced, first and last included). */
    static final int MAX_GRIDS = 12;
    private static final int CHART_W = 900;
    private static final int CHART_H = 320;

    /** What the report shows. */
    record Inputs(GanConfig config, DatasetManifest manifest, List<TrainingMetrics.Row> rows, List<Path> grids,
            int stepsDone, boolean stopped, int skippedD, int skippedG, Map<String, String> runInfo) {
    }

    private TrainingReport() {
    }

    /** The grid files of a run folder, in step order. */
    static List<Path> grids(Path runDir) throws IOException {
        Path g = runDir.resolve("grids");
        if (!Files.isDirectory(g)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(g)) {
            return s.filter(p -> p.getFileName().toString().matches("step-\\d+\\.png")).sorted().toList();
        }
    }

    static void write(Path file, Inputs in) throws IOException {
        StringBuilder h = new StringBuilder(1 << 16);
        GanConfig c = in.config();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Unmask GAN training report</title>\n")
                .append("<style>body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:960px;color:#222}")
                .append("table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ddd;padding:3px 8px;text-align:left}")
                .append("th{background:#f4f4f4}td.n{text-align:right;font-variant-numeric:tabular-nums}")
                .append(".grids{display:flex;flex-wrap:wrap;gap:12px}figure{margin:0}figcaption{font-size:12px;color:#555}")
                .append("img{max-width:100%;image-rendering:pixelated}.status{font-weight:600}code{font-size:12px}</style>")
                .append("</head><body>\n<h1>GAN training report</h1>\n");
        h.append("<p class=\"status\">").append(in.stopped()
                ? "Stopped at step " + in.stepsDone() + " of " + c.steps() + " (a checkpoint was saved; continue with --resume)."
                : "Finished: " + in.stepsDone() + " of " + c.steps() + " steps.").append("</p>\n");
        summary(h, in);
        List<TrainingMetrics.Row> rows = in.rows();
        double[] x = column(rows, r -> r.step());
        int window = Math.max(1, rows.size() / 40);
        h.append("<section id=\"losses\"><h2>Losses</h2>\n");
        double[] dl = column(rows, TrainingMetrics.Row::dLoss);
        double[] gl = column(rows, TrainingMetrics.Row::gLoss);
        LineChart losses = new LineChart("Discriminator and generator loss (" + lossName(c.loss()) + ")", "loss")
                .add(new LineChart.Series("D (raw)", new Color(0xF2B8B5), 1f, x, dl))
                .add(new LineChart.Series("G (raw)", new Color(0xB5CDF2), 1f, x, gl))
                .add(new LineChart.Series("D", new Color(0xC62828), 2f, x, LineChart.smooth(dl, window)))
                .add(new LineChart.Series("G", new Color(0x1565C0), 2f, x, LineChart.smooth(gl, window)));
        img(h, losses.render(CHART_W, CHART_H), "discriminator and generator loss by step");
        h.append("<p>Thin lines: every step; thick lines: moving average over ").append(window).append(" steps.</p></section>\n");
        h.append("<section id=\"accuracy\"><h2>Discriminator accuracy</h2>\n");
        LineChart acc = new LineChart("Discriminator accuracy on the training batches", "accuracy").yRange(0, 1)
                .add(new LineChart.Series("real called real", new Color(0x2E7D32), 2f, x,
                        LineChart.smooth(column(rows, TrainingMetrics.Row::dAccReal), window)))
                .add(new LineChart.Series("fake called fake", new Color(0x6A1B9A), 2f, x,
                        LineChart.smooth(column(rows, TrainingMetrics.Row::dAccFake), window)))
                .add(new LineChart.Series("chance", new Color(0x9E9E9E), 1f, new double[] {x.length == 0 ? 0 : x[0],
                        x.length == 0 ? 1 : x[x.length - 1]}, new double[] {0.5, 0.5}));
        img(h, acc.render(CHART_W, CHART_H), "discriminator accuracy on real and generated images by step");
        h.append("<p>Measured on each step's batches (after augmentation), before that step's update; moving average over ")
                .append(window).append(" steps. Near 0.5 the two networks are balanced; near 1 the discriminator wins.</p></section>\n");
        grids(h, in.grids());
        config(h, in);
        dataset(h, in.manifest());
        h.append("<footer><p>Unmask ").append(esc(Version.get())).append("</p></footer>\n</body></html>\n");
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, h, StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static void summary(StringBuilder h, Inputs in) {
        List<TrainingMetrics.Row> rows = in.rows();
        h.append("<section id=\"summary\"><h2>Summary</h2><table>\n");
        row(h, "steps done", in.stepsDone() + " of " + in.config().steps());
        if (!rows.isEmpty()) {
            TrainingMetrics.Row last = rows.get(rows.size() - 1);
            int tail = Math.max(1, rows.size() / 10);
            List<TrainingMetrics.Row> end = rows.subList(rows.size() - tail, rows.size());
            row(h, "epochs", Integer.toString(last.epoch()));
            row(h, "training time", duration(last.wallSeconds()));
            row(h, "images/s (mean)", String.format(Locale.ROOT, "%.1f", in.stepsDone() > 0 ? (double) rows.size() * in.config().batch()
                    / Math.max(1e-9, rows.stream().mapToDouble(TrainingMetrics.Row::stepSeconds).sum()) : 0));
            row(h, "D loss (last " + tail + " steps)", fmt(mean(end, TrainingMetrics.Row::dLoss)));
            row(h, "G loss (last " + tail + " steps)", fmt(mean(end, TrainingMetrics.Row::gLoss)));
            row(h, "D accuracy real / fake (last " + tail + " steps)", fmt(mean(end, TrainingMetrics.Row::dAccReal))
                    + " / " + fmt(mean(end, TrainingMetrics.Row::dAccFake)));
        }
        row(h, "updates skipped (non-finite gradients) D / G", in.skippedD() + " / " + in.skippedG());
        h.append("</table></section>\n");
    }

    private static void grids(StringBuilder h, List<Path> all) throws IOException {
        h.append("<section id=\"grids\"><h2>Samples over time</h2>\n<p>The same ").append(GanRun.GRID_CELLS * GanRun.GRID_CELLS)
                .append(" latent vectors at every grid, so each cell follows one sample through training. ");
        List<Path> shown = new ArrayList<>();
        if (all.size() <= MAX_GRIDS) {
            shown.addAll(all);
        } else {
            for (int i = 0; i < MAX_GRIDS; i++) {
                Path p = all.get((int) Math.round((double) i * (all.size() - 1) / (MAX_GRIDS - 1)));
                if (!shown.contains(p)) {
                    shown.add(p);
                }
            }
            h.append(shown.size()).append(" of ").append(all.size()).append(" grids shown; all are in <code>grids/</code>.");
        }
        h.append("</p><div class=\"grids\">\n");
        for (Path p : shown) {
            String step = p.getFileName().toString().replaceAll("\\D", "").replaceFirst("^0+(?=\\d)", "");
            h.append("<figure><img src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(Files.readAllBytes(p)))
                    .append("\" alt=\"samples at step ").append(step).append("\"><figcaption>step ").append(step)
                    .append("</figcaption></figure>\n");
        }
        h.append("</div></section>\n");
    }

    private static void config(StringBuilder h, Inputs in) {
        h.append("<section id=\"config\"><h2>Settings</h2><table>\n");
        for (RecordComponent rc : GanConfig.class.getRecordComponents()) {
            try {
                row(h, rc.getName(), String.valueOf(rc.getAccessor().invoke(in.config())));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        new TreeMap<>(in.runInfo()).forEach((k, v) -> row(h, k, v));
        h.append("</table></section>\n");
    }

    private static void dataset(StringBuilder h, DatasetManifest m) {
        h.append("<section id=\"dataset\"><h2>Data set</h2>\n<table>\n");
        row(h, "images used", Integer.toString(m.usedCount()));
        row(h, "files skipped", Integer.toString(m.skipped().size()));
        row(h, "bytes of the images used", Long.toString(m.usedBytes()));
        row(h, "manifest SHA-256", "<code>" + m.sha256() + "</code>");
        h.append("</table>\n<p>The manifest (<a href=\"").append(GanRun.MANIFEST).append("\">").append(GanRun.MANIFEST)
                .append("</a>) lists every file with its size and SHA-256; its own SHA-256 above identifies the data set.</p>\n");
        if (!m.skipped().isEmpty()) {
            h.append("<h3>Skipped files</h3><table><tr><th>file</th><th>reason</th></tr>\n");
            m.skipped().stream().limit(MAX_MANIFEST_ROWS).forEach(e -> h.append("<tr><td>").append(esc(e.path()))
                    .append("</td><td>").append(esc(e.status())).append("</td></tr>\n"));
            h.append("</table>\n");
        }
        if (m.entries().size() <= MAX_MANIFEST_ROWS) {
            h.append("<details><summary>All ").append(m.entries().size())
                    .append(" files (path, size, SHA-256, status)</summary><table><tr><th>path</th><th>bytes</th><th>SHA-256</th><th>status</th></tr>\n");
            for (DatasetManifest.Entry e : m.entries()) {
                h.append("<tr><td>").append(esc(e.path())).append("</td><td class=\"n\">").append(e.size())
                        .append("</td><td><code>").append(e.sha256()).append("</code></td><td>").append(esc(e.status()))
                        .append("</td></tr>\n");
            }
            h.append("</table></details>\n");
        } else {
            h.append("<p>").append(m.entries().size()).append(" files: too many to list here, see <a href=\"")
                    .append(GanRun.MANIFEST).append("\">").append(GanRun.MANIFEST).append("</a>.</p>\n");
        }
        h.append("</section>\n");
    }

    private static String lossName(GanConfig.Loss l) {
        return l == GanConfig.Loss.HINGE ? "hinge" : "non-saturating";
    }

    private static void img(StringBuilder h, BufferedImage img, String alt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // no temporary cache file: its deleteOnExit fails while the JVM shuts down (a report written after Ctrl-C)
        ImageIO.setUseCache(false);
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        h.append("<img src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(out.toByteArray()))
                .append("\" alt=\"").append(esc(alt)).append("\" width=\"").append(img.getWidth()).append("\">\n");
    }

    private static void row(StringBuilder h, String key, String valueHtml) {
        h.append("<tr><th>").append(esc(key)).append("</th><td>").append(valueHtml.startsWith("<code>") ? valueHtml
                : esc(valueHtml)).append("</td></tr>\n");
    }

    private static double[] column(List<TrainingMetrics.Row> rows, java.util.function.ToDoubleFunction<TrainingMetrics.Row> f) {
        return rows.stream().mapToDouble(f).toArray();
    }

    private static double mean(List<TrainingMetrics.Row> rows, java.util.function.ToDoubleFunction<TrainingMetrics.Row> f) {
        return rows.stream().mapToDouble(f).filter(Double::isFinite).average().orElse(Double.NaN);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm%02ds", s / 3600, s / 60 % 60, s % 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
