package dev.unmask.detect.train;

import java.util.Locale;

/**
 * One epoch's numbers.
 *
 * @param epoch 1-based
 * @param trainLoss mean binary cross-entropy on the augmented training crops
 * @param trainAccuracy accuracy at logit 0 on the training crops
 * @param validationLoss binary cross-entropy of the raw logits on the validation centre crops
 * @param validationAccuracy accuracy at logit 0 on the validation centre crops
 * @param validationAuc area under the ROC curve on the validation centre crops
 * @param imagesPerSecond training throughput
 * @param seconds wall time of the epoch (training and validation)
 */
public record EpochStats(int epoch, double trainLoss, double trainAccuracy, double validationLoss, double validationAccuracy,
        double validationAuc, double imagesPerSecond, double seconds) {
    /** CSV header matching {@link #csv()}. */
    public static final String CSV_HEADER = "epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,validation_auc,images_per_second,seconds";

    /** One CSV line. */
    public String csv() {
        return String.format(Locale.ROOT, "%d,%.6f,%.6f,%.6f,%.6f,%.6f,%.2f,%.2f", epoch, trainLoss, trainAccuracy, validationLoss,
                validationAccuracy, validationAuc, imagesPerSecond, seconds);
    }

    /** Parses a line written by {@link #csv()}. */
    public static EpochStats parse(String line) {
        String[] f = line.split(",");
        if (f.length != 8) {
            throw new IllegalArgumentException("not an epoch line: " + line);
        }
        return new EpochStats(Integer.parseInt(f[0]), d(f[1]), d(f[2]), d(f[3]), d(f[4]), d(f[5]), d(f[6]), d(f[7]));
    }

    private static double d(String s) {
        return Double.parseDouble(s);
    }
}
