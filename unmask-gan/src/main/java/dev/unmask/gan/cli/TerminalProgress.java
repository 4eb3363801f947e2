package dev.unmask.gan.cli;

import java.util.function.IntConsumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar with images per second and ETA on standard error, shown only when a terminal is attached, the
 * user did not turn it off and there is more than one batch of work; otherwise nothing.
 */
final class TerminalProgress implements IntConsumer, AutoCloseable {
    private final ProgressBar bar;

    TerminalProgress(String task, int total, boolean enabled) {
        this.bar = enabled && total > 64 && System.console() != null
                ? new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                        .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(250).showSpeed()
                        .setUnit(" images", 1).build()
                : null;
    }

    @Override
    public void accept(int done) {
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
