package dev.unmask.detect.calibrate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Isotonic calibration (Zadrozny and Elkan, "Transforming Classifier Scores into Accurate Multiclass Probability
 * Estimates", KDD 2002): the non-decreasing step function of the score that best fits the 0/1 targets in least
 * squares, found by pool-adjacent-violators (Ayer et al., Ann. Math. Statist. 26, 1955) over the scores sorted
 * ascending (equal scores pooled first). Each block is represented by its mean score and its fraction of fakes;
 * between block means the probability is interpolated linearly, and beyond the outermost blocks it stays flat, so
 * the map is continuous and monotone. Probabilities are kept within {@code [1/(n+2), (n+1)/(n+2)]} for n fitted
 * scores: a small validation set cannot make any image certainly real or certainly fake.
 *
 * @param scores block mean scores, strictly increasing
 * @param probabilities the calibrated probability at each block mean, non-decreasing
 * @param floor the smallest probability returned
 */
public record IsotonicCalibration(double[] scores, double[] probabilities, double floor) implements Calibration {
    /** Checks the knots. */
    public IsotonicCalibration {
        if (scores.length == 0 || scores.length != probabilities.length) {
            throw new IllegalArgumentException("isotonic calibration needs as many probabilities as scores, at least one");
        }
        for (int i = 1; i < scores.length; i++) {
            if (!(scores[i] > scores[i - 1]) || probabilities[i] < probabilities[i - 1]) {
                throw new IllegalArgumentException("isotonic knots must be increasing in score and non-decreasing in probability");
            }
        }
        if (!(floor >= 0 && floor < 0.5)) {
            throw new IllegalArgumentException("probability floor must be in [0, 0.5): " + floor);
        }
        scores = scores.clone();
        probabilities = probabilities.clone();
    }

    @Override
    public double probability(double logit) {
        double p;
        int n = scores.length;
        if (Double.isNaN(logit)) {
            throw new IllegalArgumentException("score is NaN");
        }
        if (logit <= scores[0]) {
            p = probabilities[0];
        } else if (logit >= scores[n - 1]) {
            p = probabilities[n - 1];
        } else {
            int i = Arrays.binarySearch(scores, logit);
            if (i >= 0) {
                p = probabilities[i];
            } else {
                int hi = -i - 1;
                int lo = hi - 1;
                double t = (logit - scores[lo]) / (scores[hi] - scores[lo]);
                p = probabilities[lo] + t * (probabilities[hi] - probabilities[lo]);
            }
        }
        return Math.min(1 - floor, Math.max(floor, p));
    }

    @Override
    public CalibrationMethod method() {
        return CalibrationMethod.ISOTONIC;
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", method().id());
        m.put("floor", floor);
        m.put("scores", scores);
        m.put("probabilities", probabilities);
        return m;
    }

    static IsotonicCalibration fromMap(Map<String, ?> m) {
        return new IsotonicCalibration(array(m.get("scores")), array(m.get("probabilities")), ((Number) m.get("floor")).doubleValue());
    }

    private static double[] array(Object o) {
        if (!(o instanceof List<?> l)) {
            throw new IllegalArgumentException("isotonic calibration: knots missing");
        }
        return l.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }

    /** Fits the step function to scores and 0/1 targets. */
    public static IsotonicCalibration fit(double[] z, int[] y) {
        int n = z.length;
        if (n == 0 || n != y.length) {
            throw new IllegalArgumentException("need as many targets as scores, and at least one");
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(z[a], z[b]));
        // blocks: sum of scores, sum of targets, count
        List<double[]> blocks = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int i = order[k];
            double[] last = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
            if (last != null && last[0] / last[2] == z[i]) {
                last[0] += z[i];
                last[1] += y[i];
                last[2] += 1;
            } else {
                blocks.add(new double[] {z[i], y[i], 1});
            }
            while (blocks.size() > 1) {
                double[] b = blocks.get(blocks.size() - 1);
                double[] a = blocks.get(blocks.size() - 2);
                if (a[1] / a[2] < b[1] / b[2]) {
                    break;
                }
                a[0] += b[0];
                a[1] += b[1];
                a[2] += b[2];
                blocks.remove(blocks.size() - 1);
            }
        }
        double[] s = new double[blocks.size()];
        double[] p = new double[blocks.size()];
        for (int i = 0; i < s.length; i++) {
            double[] b = blocks.get(i);
            s[i] = b[0] / b[2];
            p[i] = b[1] / b[2];
        }
        // pooled mean scores of adjacent blocks can coincide only if their scores were equal, which were pooled first;
        // guard anyway so the knots stay strictly increasing
        for (int i = 1; i < s.length; i++) {
            if (!(s[i] > s[i - 1])) {
                s[i] = Math.nextUp(s[i - 1]);
            }
        }
        return new IsotonicCalibration(s, p, 1.0 / (n + 2));
    }
}
