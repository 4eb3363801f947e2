package dev.unmask.gan.detector;

import dev.unmask.core.Version;
import dev.unmask.gan.GanConfig;
import dev.unmask.gan.TrainedGan;
import java.nio.file.Path;
import java.util.Locale;

/** The human-readable {@code MODEL_CARD.md} of an exported discriminator (after Mitchell et al., "Model Cards for Model Reporting", FAT* 2019). */
final class ModelCard {
    private ModelCard() {
    }

    static String text(DiscriminatorExport.Result r, TrainedGan gan, String scope, Path realDir, long seed) {
        GanConfig c = gan.config();
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(r.name()).append("\n\n");
        sb.append("The discriminator of a GAN trained with Unmask, exported as a detector (kind `")
                .append(DiscriminatorExport.KIND).append("`) by Unmask ").append(Version.get()).append(".\n\n");
        sb.append("## What it is for\n\n").append(scope).append("\n\n");
        sb.append("Use it to check whether an image came from *this* generator (for example to trace samples of a model you ")
                .append("trained). Do not use it as a general deepfake detector: a discriminator only learns the flaws of the ")
                .append("one generator it was trained against, and those flaws change at every training step.\n\n");
        sb.append("## Model\n\n");
        sb.append(String.format(Locale.ROOT, "- run id `%012x`, checkpoint step %d%n", gan.runId(), gan.step()));
        sb.append(String.format(Locale.ROOT, "- architecture %s, input %dx%d RGB scaled to [-1, 1], base channels %d, loss %s%n",
                c.architecture(), c.size(), c.size(), c.baseChannels(), c.loss()));
        sb.append("- pre-processing: centre square crop, bilinear resize to the input size (as in training)\n");
        sb.append("- output: probability fake = sigmoid(a * (-logit) + b); the discriminator's logit is positive for \"real\"\n");
        sb.append("- files: `detector.properties`, `checkpoint.properties` (the run's settings, rebuild the network), ")
                .append("`discriminator.params` (DJL parameter file, PyTorch engine)\n\n");
        sb.append("## Calibration\n\n");
        if (r.calibrated()) {
            sb.append(String.format(Locale.ROOT, "Platt scaling fitted on %d real images from `%s` and %d fresh samples of the "
                    + "generator (seed %d): a = %.6g, b = %.6g. Decision threshold %.2f.%n%n", r.realCount(), realDir,
                    r.fakeCount(), seed, r.calibration().a(), r.calibration().b(), DiscriminatorExport.THRESHOLD));
            sb.append(String.format(Locale.ROOT, "On those same images (in-sample, so optimistic): accuracy %.3f, ROC AUC %.3f.%n%n",
                    r.accuracy(), r.auc()));
        } else {
            sb.append("**Uncalibrated.** No real images were given at export time, so the probability is the discriminator's own ")
                    .append("sigmoid output (a = 1, b = 0), which is not a calibrated probability: a discriminator in the middle of ")
                    .append("training is pushed towards 0.5 on both classes. Re-export with `--real <training folder>` to fit ")
                    .append("Platt scaling.\n\n");
        }
        sb.append("## Limitations\n\n");
        sb.append("- Says nothing about images from other generators, other runs, or other checkpoints of this run.\n");
        sb.append("- Real images unlike the training set (other subjects, sizes, compression) may be scored as fake.\n");
        sb.append("- Resizing and JPEG compression of a sample change its score.\n");
        sb.append("- Calibration figures are measured on the calibration images themselves, not on held-out data.\n");
        return sb.toString();
    }
}
