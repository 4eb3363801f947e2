package dev.unmask.detect.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The ROC curve of scores against 0/1 targets (positive = fake) and its area, with tied scores taken together
 * (the area then counts a tie as half a correct ordering: the Mann-Whitney U statistic divided by the number of
 * pairs). Used for the per-epoch validation AUC and the training report.
 *
 * @param fpr false-positive rate at each point, from 0 to 1
 * @param tpr true-positive rate at each point
 * @param auc area under the curve
 */
public record RocCurve(double[] fpr, double[] tpr, double auc) {
    /** The curve of {@code scores}; needs at least one target of each class. */
    public static RocCurve of(double[] scores, int[] targets) {
        int n = scores.length;
        int pos = 0;
        for (int t : targets) {
            pos += t;
        }
        int neg = n - pos;
        if (pos == 0 || neg == 0) {
            throw new IllegalArgumentException("ROC needs both classes (" + pos + " fake, " + neg + " real)");
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        List<double[]> pts = new ArrayList<>();
        pts.add(new double[] {0, 0});
        int tp = 0;
        int fp = 0;
        double area = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            int dtp = 0;
            int dfp = 0;
            while (j < n && scores[order[j]] == scores[order[i]]) {
                if (targets[order[j]] == 1) {
                    dtp++;
                } else {
                    dfp++;
                }
                j++;
            }
            area += dfp * (tp + dtp / 2.0);
            tp += dtp;
            fp += dfp;
            pts.add(new double[] {(double) fp / neg, (double) tp / pos});
            i = j;
        }
        double[] f = new double[pts.size()];
        double[] t = new double[pts.size()];
        for (int k = 0; k < f.length; k++) {
            f[k] = pts.get(k)[0];
            t[k] = pts.get(k)[1];
        }
        return new RocCurve(f, t, area / ((double) pos * neg));
    }
}
