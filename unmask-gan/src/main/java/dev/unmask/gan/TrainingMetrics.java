package dev.unmask.gan;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The per-step metrics log of a run, written twice in step: {@code RUN/metrics.csv} (for spreadsheets) and
 * {@code RUN/metrics.jsonl} (one JSON object per line, for scripts). When a run resumes from a checkpoint at step k,
 * rows after k (written after the last checkpoint, before an interruption) are dropped so the log matches the
 * training that continues. All rows are also kept in memory for the report.
 */
final class TrainingMetrics implements Closeable {
    static final String CSV = "metrics.csv";
    static final String JSONL = "metrics.jsonl";
    static final String HEADER = "step,epoch,d_loss,g_loss,d_acc_real,d_acc_fake,step_seconds,wall_seconds,images_per_second";

    /**
     * One step.
     *
     * @param step steps done after this one (1 for the first)
     * @param epoch 1-based epoch of the step's last image
     * @param dLoss discriminator loss
     * @param gLoss generator loss
     * @param dAccReal share of real images D called real
     * @param dAccFake share of generated images D called fake
     * @param stepSeconds time of the step
     * @param wallSeconds training time since the run started (summed over resumed sessions)
     * @param imagesPerSecond real images per second of this step (batch / step time)
     */
    record Row(int step, int epoch, double dLoss, double gLoss, double dAccReal, double dAccFake, double stepSeconds,
            double wallSeconds, double imagesPerSecond) {

        String csv() {
            return String.format(Locale.ROOT, "%d,%d,%.6g,%.6g,%.4f,%.4f,%.4f,%.2f,%.2f", step, epoch, dLoss, gLoss,
                    dAccReal, dAccFake, stepSeconds, wallSeconds, imagesPerSecond);
        }

        String json() {
            return String.format(Locale.ROOT, "{\"step\":%d,\"epoch\":%d,\"d_loss\":%s,\"g_loss\":%s,\"d_acc_real\":%.4f,"
                    + "\"d_acc_fake\":%.4f,\"step_seconds\":%.4f,\"wall_seconds\":%.2f,\"images_per_second\":%.2f}",
                    step, epoch, number(dLoss), number(gLoss), dAccReal, dAccFake, stepSeconds, wallSeconds,
                    imagesPerSecond);
        }

        static Row parse(String line) {
            String[] f = line.split(",");
            return new Row(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Double.parseDouble(f[2]),
                    Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]),
                    Double.parseDouble(f[6]), Double.parseDouble(f[7]), Double.parseDouble(f[8]));
        }

        private static String number(double v) {
            return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "null";
        }
    }

    private final List<Row> rows;
    private final BufferedWriter csv;
    private final BufferedWriter jsonl;

    private TrainingMetrics(List<Row> rows, BufferedWriter csv, BufferedWriter jsonl) {
        this.rows = rows;
        this.csv = csv;
        this.jsonl = jsonl;
    }

    /** Opens the log of {@code runDir} for a run positioned at {@code step}, keeping earlier rows only. */
    static TrainingMetrics open(Path runDir, int step) throws IOException {
        Files.createDirectories(runDir);
        List<Row> kept = new ArrayList<>();
        for (Row r : read(runDir)) {
            if (r.step() <= step) {
                kept.add(r);
            }
        }
        BufferedWriter c = Files.newBufferedWriter(runDir.resolve(CSV), StandardCharsets.UTF_8);
        BufferedWriter j = Files.newBufferedWriter(runDir.resolve(JSONL), StandardCharsets.UTF_8);
        c.write(HEADER);
        c.newLine();
        for (Row r : kept) {
            c.write(r.csv());
            c.newLine();
            j.write(r.json());
            j.newLine();
        }
        return new TrainingMetrics(kept, c, j);
    }

    /** The rows of {@code runDir/metrics.csv} (empty when there is none). */
    static List<Row> read(Path runDir) throws IOException {
        Path f = runDir.resolve(CSV);
        if (!Files.exists(f)) {
            return List.of();
        }
        List<Row> out = new ArrayList<>();
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("step,")) {
                out.add(Row.parse(line.trim()));
            }
        }
        return out;
    }

    void append(Row r) throws IOException {
        rows.add(r);
        csv.write(r.csv());
        csv.newLine();
        jsonl.write(r.json());
        jsonl.newLine();
    }

    /** Training seconds logged so far (0 for a new run). */
    double wallSeconds() {
        return rows.isEmpty() ? 0 : rows.get(rows.size() - 1).wallSeconds();
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    void flush() throws IOException {
        csv.flush();
        jsonl.flush();
    }

    @Override
    public void close() throws IOException {
        try (csv; jsonl) {
            flush();
        }
    }
}
