package dev.unmask.gan.detector;

import dev.unmask.api.detector.DetectorDescriptor;
import dev.unmask.core.Version;
import dev.unmask.gan.GanCheckpoint;
import dev.unmask.gan.GanConfig;
import dev.unmask.gan.GanImages;
import dev.unmask.gan.GanSampler;
import dev.unmask.gan.ImageFolderData;
import dev.unmask.gan.TrainedGan;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;

/**
 * Turns a trained run's discriminator into a detector model folder ({@code dev.unmask.api.detector}) of kind
 * {@value #KIND}: {@code detector.properties}, the run's {@code checkpoint.properties} and
 * {@code discriminator.params}, and a {@code MODEL_CARD.md}. A discriminator is trained to tell its own
 * generator's images from the training images, and nothing else: the folder's scope says so.
 *
 * <p>Calibration: when real images are given (normally the run's training folder) the discriminator scores up to
 * {@code count} of them and as many fresh samples of the generator (8-bit quantised like written samples, latents
 * from the seed), and {@link PlattScaling} maps its fake score {@code -logit} to a probability; the folder records
 * a and b and the in-sample accuracy and ROC AUC (measured on the calibration images themselves: optimistic).
 * Without real images the folder is marked uncalibrated ({@code p = sigmoid(-logit)}, what the discriminator
 * itself outputs).
 */
public final class DiscriminatorExport {
    /** The detector kind. */
    public static final String KIND = "gan-discriminator";
    /** The model card's file name. */
    public static final String MODEL_CARD = "MODEL_CARD.md";
    /** Decision threshold written to the descriptor. */
    public static final double THRESHOLD = 0.5;

    private DiscriminatorExport() {
    }

    /**
     * What was exported.
     *
     * @param folder the model folder
     * @param name the detector's name
     * @param calibrated whether Platt scaling was fitted
     * @param calibration the mapping written (identity when uncalibrated)
     * @param realCount real images used for calibration (0 when uncalibrated)
     * @param fakeCount generated images used for calibration
     * @param accuracy in-sample accuracy at the threshold (NaN when uncalibrated)
     * @param auc in-sample ROC AUC of the fake score (NaN when uncalibrated)
     */
    public record Result(Path folder, String name, boolean calibrated, PlattScaling calibration, int realCount,
            int fakeCount, double accuracy, double auc) {
    }

    /**
     * Exports the discriminator of {@code runOrCheckpoint} into {@code out} (created; must not already hold a
     * detector).
     *
     * @param realDir real images to calibrate on, or null for an uncalibrated folder
     * @param count most images per class used for calibration
     */
    public static Result export(Path runOrCheckpoint, Path out, Path realDir, int count, long seed) throws IOException {
        if (count < 2) {
            throw new IllegalArgumentException("calibration needs at least 2 images per class, got " + count);
        }
        if (Files.exists(out.resolve(DetectorDescriptor.FILE_NAME))) {
            throw new IOException(out + " already holds a detector (" + DetectorDescriptor.FILE_NAME + "); choose another folder");
        }
        try (TrainedGan gan = TrainedGan.open(runOrCheckpoint,
                realDir != null ? TrainedGan.Parts.BOTH : TrainedGan.Parts.DISCRIMINATOR)) {
            GanConfig c = gan.config();
            String name = String.format(Locale.ROOT, "gan-discriminator-%012x", gan.runId());
            PlattScaling calibration = PlattScaling.IDENTITY;
            int nReal = 0;
            int nFake = 0;
            double accuracy = Double.NaN;
            double auc = Double.NaN;
            if (realDir != null) {
                ImageFolderData real = ImageFolderData.load(realDir, c.size());
                nReal = Math.min(count, real.count());
                nFake = nReal;
                if (nReal < 2) {
                    throw new IOException(realDir + ": calibration needs at least 2 decodable images, found " + real.count());
                }
                double[] scores = new double[nReal + nFake];
                boolean[] fake = new boolean[nReal + nFake];
                int[] idx = new int[nReal];
                Arrays.setAll(idx, i -> i);
                float[] realLogits = gan.logits(real.batch(idx, null), nReal);
                for (int i = 0; i < nReal; i++) {
                    scores[i] = -realLogits[i];
                }
                float[] px = gan.generate(GanSampler.latents(new Random(seed), nFake * c.latentDim(), 0), nFake);
                for (int i = 0; i < px.length; i++) {
                    px[i] = GanImages.toByte(px[i]) / 127.5f - 1f;
                }
                float[] fakeLogits = gan.logits(px, nFake);
                for (int i = 0; i < nFake; i++) {
                    scores[nReal + i] = -fakeLogits[i];
                    fake[nReal + i] = true;
                }
                calibration = PlattScaling.fit(scores, fake);
                int right = 0;
                for (int i = 0; i < scores.length; i++) {
                    right += (calibration.probability(scores[i]) >= THRESHOLD) == fake[i] ? 1 : 0;
                }
                accuracy = (double) right / scores.length;
                auc = auc(scores, fake);
            }
            Files.createDirectories(out);
            Files.copy(gan.checkpoint().resolve(GanCheckpoint.STATE), out.resolve(GanCheckpoint.STATE),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.copy(gan.checkpoint().resolve(GanCheckpoint.DISCRIMINATOR), out.resolve(GanCheckpoint.DISCRIMINATOR),
                    StandardCopyOption.REPLACE_EXISTING);
            Result r = new Result(out, name, realDir != null, calibration, nReal, nFake, accuracy, auc);
            String scope = String.format(Locale.ROOT, "Specific to the generator of GAN run %012x at checkpoint step %d "
                    + "(%dx%d px): it learned to tell that generator's images from its training images and says nothing "
                    + "about other generators, other runs or later checkpoints of this one.", gan.runId(), gan.step(),
                    c.size(), c.size());
            writeDescriptor(out, r, gan, scope);
            Files.writeString(out.resolve(MODEL_CARD), ModelCard.text(r, gan, scope, realDir, seed), StandardCharsets.UTF_8);
            return r;
        }
    }

    private static void writeDescriptor(Path out, Result r, TrainedGan gan, String scope) throws IOException {
        Properties p = new Properties();
        p.setProperty("kind", KIND);
        p.setProperty("name", r.name());
        p.setProperty("version", "step-" + gan.step());
        p.setProperty("threshold", Double.toString(THRESHOLD));
        p.setProperty("input.size", Integer.toString(gan.config().size()));
        p.setProperty("scope", scope);
        p.setProperty("weights", GanCheckpoint.DISCRIMINATOR);
        p.setProperty("run.id", String.format(Locale.ROOT, "%012x", gan.runId()));
        p.setProperty("run.step", Integer.toString(gan.step()));
        p.setProperty("calibration", r.calibrated() ? "platt" : "none");
        p.setProperty("calibration.a", Double.toString(r.calibration().a()));
        p.setProperty("calibration.b", Double.toString(r.calibration().b()));
        if (r.calibrated()) {
            p.setProperty("calibration.real", Integer.toString(r.realCount()));
            p.setProperty("calibration.fake", Integer.toString(r.fakeCount()));
            p.setProperty("calibration.accuracy", String.format(Locale.ROOT, "%.4f", r.accuracy()));
            p.setProperty("calibration.auc", String.format(Locale.ROOT, "%.4f", r.auc()));
        }
        p.setProperty("created.by", "Unmask " + Version.get());
        try (Writer w = Files.newBufferedWriter(out.resolve(DetectorDescriptor.FILE_NAME), StandardCharsets.UTF_8)) {
            p.store(w, "Unmask detector model: a GAN discriminator (see " + MODEL_CARD + ")");
        }
    }

    /** ROC AUC of {@code scores} for the positive class: the Mann-Whitney statistic, ties counted half. */
    static double auc(double[] scores, boolean[] positive) {
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < scores.length; i++) {
            if (!positive[i]) {
                continue;
            }
            for (int j = 0; j < scores.length; j++) {
                if (positive[j]) {
                    continue;
                }
                pairs++;
                if (scores[i] > scores[j]) {
                    wins += 1;
                } else if (scores[i] == scores[j]) {
                    wins += 0.5;
                }
            }
        }
        return pairs == 0 ? Double.NaN : wins / pairs;
    }
}
