package dev.unmask.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress inside long files (the frames of a video) on a terminal: a small bar per file in the batch bar's extra
 * message, or a bar of its own when the scan has a single file. Thread-safe: reports arrive from worker threads.
 */
final class FileProgress implements AutoCloseable {
    private static final int SHOWN = 2;
    private static final int CELLS = 12;
    private final ProgressBar batch;
    private final boolean enabled;
    private final Map<Integer, String> active = new LinkedHashMap<>();
    private ProgressBar single;

    /**
     * @param batch the batch bar, or null when there is none (a single file)
     * @param enabled whether progress is shown at all (a terminal, not quiet, not --no-progress)
     */
    FileProgress(ProgressBar batch, boolean enabled) {
        this.batch = batch;
        this.enabled = enabled;
    }

    /** A report from a worker thread. */
    synchronized void update(int index, Path path, long done, long total, String unit) {
        if (!enabled) {
            return;
        }
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        if (batch != null) {
            active.remove(index);
            active.put(index, line(name, done, total, unit));
            showActive();
            return;
        }
        if (single == null) {
            single = new ProgressBarBuilder().setTaskName(name).setInitialMax(total > 0 ? total : -1)
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .setUpdateIntervalMillis(250).showSpeed().setUnit(" " + unit, 1).build();
        }
        if (total > 0 && total != single.getMax()) {
            single.maxHint(total);
        }
        single.stepTo(done);
    }

    /** The file's result was emitted: its progress disappears. */
    synchronized void finished(int index) {
        if (active.remove(index) != null && batch != null) {
            showActive();
        }
        close();
    }

    /** The most recently updated files, at most {@value #SHOWN}, in the batch bar. */
    private void showActive() {
        batch.setExtraMessage(String.join("  ", active.values().stream().skip(Math.max(0, active.size() - SHOWN)).toList()));
    }

    /** One file's progress as text: {@code clip.mp4 [#####-------] 120/300 frames}. */
    static String line(String name, long done, long total, String unit) {
        String shortName = name.length() > 24 ? name.substring(0, 21) + "..." : name;
        if (total <= 0) {
            return shortName + " " + done + " " + unit;
        }
        int filled = (int) Math.min(CELLS, Math.round(CELLS * (double) done / total));
        return String.format(Locale.ROOT, "%s [%s%s] %d/%d %s", shortName, "#".repeat(filled), "-".repeat(CELLS - filled),
                done, total, unit);
    }

    @Override
    public synchronized void close() {
        if (single != null) {
            single.close();
            single = null;
        }
    }
}
