package dev.unmask.detect.train;

import dev.unmask.detect.calibrate.ReliabilityBins;

/**
 * The finished model's numbers on the validation split, scored exactly as the detector scores (tile-mean logit,
 * then calibration). The calibration and threshold were fitted on these same images, so the calibration error and
 * the false-positive rate are in-sample: they show the fit, not how it generalises (use {@code unmask detector
 * eval} on other data for that).
 *
 * @param reals validation real images
 * @param fakes validation fake images
 * @param auc ROC AUC of the raw scores
 * @param accuracy accuracy at the threshold
 * @param tpr fakes at or above the threshold
 * @param fpr reals at or above the threshold
 * @param ece expected calibration error (10 bins)
 * @param logLoss binary cross-entropy of the calibrated probabilities
 * @param roc the ROC curve of the raw scores
 * @param reliability the calibrated probabilities' reliability bins
 */
public record ValidationSummary(int reals, int fakes, double auc, double accuracy, double tpr, double fpr, double ece, double logLoss,
        RocCurve roc, ReliabilityBins reliability) {
}
