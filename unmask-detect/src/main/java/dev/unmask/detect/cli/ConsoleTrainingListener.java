package dev.unmask.detect.cli;

import dev.unmask.detect.train.EpochStats;
import dev.unmask.detect.train.TrainingListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a training run: on a terminal a progress bar per epoch (images, images/s, ETA, running loss and accuracy) on
 * standard error; always one line per finished epoch with the validation numbers and the time left.
 */
class ConsoleTrainingListener implements TrainingListener {
    private final PrintWriter out;
    private final boolean bar;
    private final boolean quiet;
    private ProgressBar progress;
    private double secondsSoFar;
    private int epochsTimed;

    ConsoleTrainingListener(PrintWriter out, boolean bar, boolean quiet) {
        this.out = out;
        this.bar = bar && !quiet;
        this.quiet = quiet;
    }

    @Override
    public void epochStarted(int epoch, int epochs, int samples) {
        if (bar) {
            progress = new ProgressBarBuilder().setTaskName(String.format(Locale.ROOT, "epoch %d/%d", epoch, epochs)).setInitialMax(samples)
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(250)
                    .showSpeed().setUnit(" img", 1).build();
        }
    }

    @Override
    public void progress(int samplesDone, double loss, double accuracy) {
        if (progress != null) {
            progress.stepTo(samplesDone);
            if (!Double.isNaN(loss)) {
                progress.setExtraMessage(String.format(Locale.ROOT, "loss %.3f acc %.3f", loss, accuracy));
            }
        }
    }

    @Override
    public void epochFinished(EpochStats s, int epochs) {
        if (progress != null) {
            progress.close();
            progress = null;
        }
        secondsSoFar += s.seconds();
        epochsTimed++;
        if (quiet) {
            return;
        }
        long eta = Math.round(secondsSoFar / epochsTimed * (epochs - s.epoch()));
        out.printf(Locale.ROOT, "epoch %d/%d  loss %.4f  acc %.3f | validation loss %.4f  acc %.3f  AUC %.3f | %.1f images/s, %.1f s%s%n",
                s.epoch(), epochs, s.trainLoss(), s.trainAccuracy(), s.validationLoss(), s.validationAccuracy(), s.validationAuc(),
                s.imagesPerSecond(), s.seconds(), s.epoch() < epochs ? ", ETA " + duration(eta) : "");
        out.flush();
    }

    @Override
    public void message(String line) {
        if (!quiet) {
            out.println(line);
            out.flush();
        }
    }

    static String duration(long seconds) {
        Duration d = Duration.ofSeconds(seconds);
        if (d.toHours() > 0) {
            return String.format(Locale.ROOT, "%dh%02dm", d.toHours(), d.toMinutesPart());
        }
        return d.toMinutes() > 0 ? String.format(Locale.ROOT, "%dm%02ds", d.toMinutes(), d.toSecondsPart()) : d.getSeconds() + "s";
    }
}
