package dev.unmask.detect.train;

import dev.unmask.detect.eval.DetectionMetrics;
import dev.unmask.detect.eval.ScoreCurves;

/**
 * The ROC curve of scores against 0/1 targets (positive = fake) and its area, with tied scores taken together
 * (the area then counts a tie as half a correct ordering: the Mann-Whitney U statistic divided by the number of
 * pairs). Used for the per-epoch validation AUC and the training report; the points and the area are those of
 * {@code unmask detector eval} ({@link ScoreCurves}, {@link DetectionMetrics#auc}).
 *
 * @param fpr false-positive rate at each point, from 0 to 1
 * @param tpr true-positive rate at each point
 * @param auc area under the curve
 */
public record RocCurve(double[] fpr, double[] tpr, double auc) {
    /** The curve of {@code scores}; needs at least one target of each class. */
    public static RocCurve of(double[] scores, int[] targets) {
        int pos = 0;
        for (int t : targets) {
            pos += t;
        }
        int neg = scores.length - pos;
        if (pos == 0 || neg == 0) {
            throw new IllegalArgumentException("ROC needs both classes (" + pos + " fake, " + neg + " real)");
        }
        double[] fake = new double[pos];
        double[] real = new double[neg];
        int f = 0;
        int r = 0;
        for (int i = 0; i < scores.length; i++) {
            if (targets[i] == 1) {
                fake[f++] = scores[i];
            } else {
                real[r++] = scores[i];
            }
        }
        ScoreCurves c = ScoreCurves.of(real, fake);
        return new RocCurve(c.rocFpr(), c.rocTpr(), DetectionMetrics.auc(real, fake));
    }
}
