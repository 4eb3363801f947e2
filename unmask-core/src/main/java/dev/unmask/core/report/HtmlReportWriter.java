package dev.unmask.core.report;

import dev.unmask.api.AnalyzerInfo;
import dev.unmask.core.scan.FileResult;
import dev.unmask.core.scan.Label;
import dev.unmask.core.scan.VerdictFusion;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes the self-contained HTML evidence report of a scan: one file with inline CSS, an inline SVG chart and
 * every picture embedded as a base64 data URI; it makes no external request and needs no script.
 *
 * <p>Memory stays bounded whatever the batch size: {@link #add} renders the file's summary-table row and its
 * section straight into two temporary files next to the target and keeps nothing of the result but label
 * counters. {@link #finish} then writes the head (which needs the final counts), copies the rows and the
 * sections byte for byte into a third temporary file, forces it to disk and atomically renames it over the
 * target, so readers never see a half-written report. {@link #close} without {@code finish} deletes the
 * temporary files and leaves the target untouched.
 *
 * <p>Not thread-safe: {@link #add} is called from one thread, in input order.
 */
public final class HtmlReportWriter implements AutoCloseable {
    private final Path target;
    private final String toolVersion;
    private final Instant started;
    private final List<AnalyzerInfo> analyzers;
    private final double[] thresholds;
    private final String fittedFusion;
    private final Path rowsFile;
    private final Path sectionsFile;
    private final Writer rows;
    private final Writer sections;
    private final Map<Label, Integer> counts = new EnumMap<>(Label.class);
    private Path finalTemp;
    private int files;
    private int errors;
    private boolean finished;
    private boolean closed;

    /**
     * Starts a report. The target's folder must exist; temporary files are created in it (hidden names starting
     * with {@code "."} and ending in {@code ".tmp"}).
     *
     * @param htmlFile where the report goes; replaced only by {@link #finish}
     * @param toolVersion Unmask's version, shown in the header
     * @param started when the scan started
     * @param analyzers the analyzers in use, listed with their versions
     * @param fusion the fusion in use; its thresholds are explained in the report
     */
    public HtmlReportWriter(Path htmlFile, String toolVersion, Instant started, List<AnalyzerInfo> analyzers,
                            VerdictFusion fusion) throws IOException {
        this.target = htmlFile.toAbsolutePath();
        this.toolVersion = toolVersion == null ? "unknown" : toolVersion;
        this.started = started;
        this.analyzers = List.copyOf(analyzers);
        this.thresholds = fusion.thresholds().clone();
        this.fittedFusion = fusion.model() == null ? null : fusion.model().description();
        Path rf = null;
        Path sf = null;
        Writer rw = null;
        try {
            rf = createTemp("rows");
            sf = createTemp("sections");
            rw = open(rf);
            this.sections = open(sf);
        } catch (IOException | RuntimeException e) {
            closeQuietly(rw);
            deleteQuietly(rf);
            deleteQuietly(sf);
            throw e;
        }
        this.rows = rw;
        this.rowsFile = rf;
        this.sectionsFile = sf;
    }

    /** Renders one file's row and section to the temporary files; keeps only its label in memory. */
    public void add(FileResult r) throws IOException {
        checkOpen();
        int ordinal = files;
        rows.write(HtmlSummary.row(ordinal, r));
        HtmlFileSection.write(sections, ordinal, r);
        rows.flush();
        sections.flush();
        files++;
        if (r.error() != null) {
            errors++;
        }
        counts.merge(r.verdict().label(), 1, Integer::sum);
    }

    /** Completes the report and moves it into place, replacing any previous file at the target. */
    public void finish(Instant finished) throws IOException {
        checkOpen();
        rows.close();
        sections.close();
        finalTemp = createTemp("report");
        HtmlSummary.Run run = new HtmlSummary.Run(toolVersion, started, finished, analyzers, thresholds, fittedFusion, files, errors,
                counts);
        try (FileChannel ch = FileChannel.open(finalTemp, StandardOpenOption.WRITE)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            HtmlSummary.writeHead(w, run);
            w.flush();
            Files.copy(rowsFile, out);
            HtmlSummary.writeBetween(w, files);
            if (files > 0) {
                w.write("<h2 id=\"files\">Files</h2>\n");
            }
            w.flush();
            Files.copy(sectionsFile, out);
            HtmlSummary.writeFoot(w, toolVersion);
            w.flush();
            ch.force(true);
        }
        try {
            Files.move(finalTemp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(finalTemp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        this.finished = true;
        deleteQuietly(rowsFile);
        deleteQuietly(sectionsFile);
    }

    /** Releases the temporary files; without a successful {@link #finish} no report is left behind. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(rows);
        closeQuietly(sections);
        deleteQuietly(rowsFile);
        deleteQuietly(sectionsFile);
        if (!finished) {
            deleteQuietly(finalTemp);
        }
    }

    /** The temporary file the sections stream into (for tests of the streaming behaviour). */
    Path sectionsFile() {
        return sectionsFile;
    }

    private void checkOpen() {
        if (closed || finished) {
            throw new IllegalStateException("the HTML report is already " + (finished ? "finished" : "closed"));
        }
    }

    private Path createTemp(String purpose) throws IOException {
        Path dir = target.getParent();
        String base = "." + target.getFileName() + ".";
        for (int attempt = 0; ; attempt++) {
            String rnd = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
            Path p = dir.resolve(base + rnd + "." + purpose + ".tmp");
            try {
                // CREATE_NEW with default permissions (umask), unlike createTempFile's owner-only ones, so the
                // renamed report is readable like any other file the user writes
                return Files.createFile(p);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 16) {
                    throw e;
                }
            }
        }
    }

    private static Writer open(Path p) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(p, StandardOpenOption.TRUNCATE_EXISTING),
                StandardCharsets.UTF_8), 1 << 16);
    }

    private static void closeQuietly(Writer w) {
        if (w == null) {
            return;
        }
        try {
            w.close();
        } catch (IOException e) {
            // the temporary file is deleted next; nothing more to do
        }
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // best effort: a leftover hidden .tmp file is harmless and named after the report
        }
    }
}
