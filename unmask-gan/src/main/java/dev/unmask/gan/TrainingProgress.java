package dev.unmask.gan;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Training progress for people: on a terminal a progress bar (images done, images/s, ETA, and the epoch, D and G
 * loss and D's accuracy on real/fake of the last step); otherwise one line per {@code logEvery} steps with the
 * same figures averaged over those steps, e.g.
 * {@code step 300/5000 (6%)  epoch 2  412.3 img/s  D 1.234  G 0.987  D acc real 0.81 fake 0.77  ETA 12m03s}.
 * Images/s and the ETA count wall time between lines, so grid and checkpoint writing are included.
 */
public final class TrainingProgress implements Consumer<StepStats>, AutoCloseable {
    private final PrintWriter out;
    private final ProgressBar bar;
    private final int total;
    private final int batch;
    private final int images;
    private final int logEvery;
    private long lastLineNanos = System.nanoTime();
    private int lastLineStep;
    private int lastStep;
    private int n;
    private double dSum;
    private double gSum;
    private double realSum;
    private double fakeSum;
    private long deadlineNanos = Long.MAX_VALUE;

    /**
     * @param out where lines go (unused with a bar)
     * @param terminal draw a progress bar on standard error instead of lines
     * @param config the run's settings (total steps, batch)
     * @param images images in the data set (for the epoch)
     * @param startStep steps already done (when resuming)
     * @param logEvery steps per line (>= 1)
     */
    public TrainingProgress(PrintWriter out, boolean terminal, GanConfig config, int images, int startStep, int logEvery) {
        if (logEvery < 1) {
            throw new IllegalArgumentException("logEvery must be >= 1, got " + logEvery);
        }
        this.out = out;
        this.total = config.steps();
        this.batch = config.batch();
        this.images = images;
        this.logEvery = logEvery;
        this.lastLineStep = startStep;
        this.lastStep = startStep;
        this.bar = terminal ? new ProgressBarBuilder().setTaskName("Training").setInitialMax((long) total * batch)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err))
                .setUpdateIntervalMillis(500).showSpeed().setUnit(" img", 1)
                .startsFrom((long) startStep * batch, Duration.ZERO).build() : null;
    }

    /** Training stops after {@code limit} from now: the ETA is never later than that. */
    public TrainingProgress withTimeLimit(Duration limit) {
        deadlineNanos = System.nanoTime() + limit.toNanos();
        return this;
    }

    @Override
    public void accept(StepStats s) {
        lastStep = s.step();
        int epoch = GanRun.epochOf(s.step(), batch, images);
        if (bar != null) {
            bar.stepTo((long) s.step() * batch);
            bar.setExtraMessage(String.format(Locale.ROOT, " ep %d D %.3f G %.3f acc %.2f/%.2f", epoch, s.dLoss(),
                    s.gLoss(), s.dAccReal(), s.dAccFake()));
            return;
        }
        n++;
        dSum += s.dLoss();
        gSum += s.gLoss();
        realSum += s.dAccReal();
        fakeSum += s.dAccFake();
        if (s.step() % logEvery == 0 || s.step() == total) {
            line(epoch);
        }
    }

    private void line(int epoch) {
        long now = System.nanoTime();
        double seconds = Math.max(1e-9, (now - lastLineNanos) / 1e9);
        int steps = lastStep - lastLineStep;
        double perStep = seconds / Math.max(1, steps);
        double eta = perStep * (total - lastStep);
        double limit = deadlineNanos == Long.MAX_VALUE ? Double.MAX_VALUE : Math.max(0, (deadlineNanos - now) / 1e9);
        String etaText = eta <= limit ? TrainingReport.duration(eta) : TrainingReport.duration(limit) + " (time limit)";
        out.println(String.format(Locale.ROOT,
                "step %d/%d (%d%%)  epoch %d  %.1f img/s  D %.4f  G %.4f  D acc real %.2f fake %.2f  ETA %s",
                lastStep, total, (int) (100L * lastStep / Math.max(1, total)), epoch, steps * batch / seconds,
                dSum / n, gSum / n, realSum / n, fakeSum / n, etaText));
        out.flush();
        lastLineNanos = now;
        lastLineStep = lastStep;
        n = 0;
        dSum = 0;
        gSum = 0;
        realSum = 0;
        fakeSum = 0;
    }

    /** Prints a message (above the bar on terminals). */
    public void note(String message) {
        if (bar != null) {
            System.err.print("\r\033[K");
            System.err.println(message);
            System.err.flush();
        } else {
            out.println(message);
            out.flush();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        } else if (n > 0) {
            line(GanRun.epochOf(lastStep, batch, images));
        }
    }
}
