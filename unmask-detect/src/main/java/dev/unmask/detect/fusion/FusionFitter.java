package dev.unmask.detect.fusion;

import dev.unmask.core.scan.FusionModel;
import dev.unmask.detect.eval.DetectionMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * Fits a {@link FusionModel} on labelled images: per direction a one-vs-rest logistic regression ({@link LogisticFit})
 * whose features are the per-analyzer log-evidence of {@link dev.unmask.core.scan.VerdictFusion#evidence}: positives
 * are the images labelled with that direction (fake = synthetic, manipulated), negatives every other image. The
 * classes are weighted to equal total weight. The prior (and starting point) is the hand-set fusion
 * ({@link FusionModel#prior}). Coefficients and intercept are fitted together (both pulled towards the prior), so the
 * coefficients measure how much each analyzer's evidence shifts the odds; the model then keeps the prior's intercept
 * unless asked otherwise, because the share of fakes in a validation set, and how many of its fakes show nothing,
 * say little about casework: what an image without any finding means stays a documented policy. Coefficients are
 * non-negative, so evidence for a direction never counts against it. A direction without positive images keeps the
 * prior. Deterministic; the cross-validation folds use a fixed seed.
 */
public final class FusionFitter {
    /** The labels of a validation image. */
    public enum Truth {
        /** A real, unedited capture. */
        REAL,
        /** Generated (or a stand-in for generated images: up-sampled copies). */
        SYNTHETIC,
        /** Edited after capture (spliced, cloned). */
        MANIPULATED
    }

    /**
     * One validation image.
     *
     * @param name its file, for messages
     * @param truth its label
     * @param evidence per direction, per analyzer, the log-evidence
     */
    public record Sample(String name, Truth truth, Map<String, Map<String, Double>> evidence) {}

    /**
     * Fit settings.
     *
     * @param lambda L2 penalty towards the prior
     * @param fitIntercept whether the model keeps the fitted intercepts (else the prior's)
     * @param decide probability threshold that decides a label
     * @param inconclusive probability threshold from which a verdict is inconclusive
     * @param folds cross-validation folds for the reported held-out AUC (0: none)
     * @param seed seed of the fold assignment
     */
    public record Settings(double lambda, boolean fitIntercept, double decide, double inconclusive, int folds, long seed) {
        /** Validates. */
        public Settings {
            if (!(lambda > 0 && lambda < 1e6)) {
                throw new IllegalArgumentException("--l2 must be a positive number, not " + lambda);
            }
            if (!(0 < inconclusive && inconclusive < decide && decide < 1)) {
                throw new IllegalArgumentException("thresholds must satisfy 0 < inconclusive < decide < 1 (got " + inconclusive + ", " + decide + ")");
            }
            if (folds < 0 || folds == 1 || folds > 20) {
                throw new IllegalArgumentException("--folds must be 0 or 2..20, not " + folds);
            }
        }
    }

    /**
     * How one direction's fit went.
     *
     * @param direction the direction
     * @param positives images labelled with it
     * @param negatives the other images
     * @param analyzers the analyzers, in coefficient order
     * @param fired per analyzer: positives and negatives with non-zero evidence
     * @param prior the prior coefficient
     * @param fittedIntercept the intercept fitted together with the coefficients
     * @param intercept the intercept the model uses
     * @param coefficients fitted coefficients (the prior when not fitted)
     * @param aucHand training-set AUC of the hand-set (prior) probabilities
     * @param aucFitted training-set AUC of the fitted probabilities
     * @param aucHeldOut cross-validated AUC of the fitted probabilities (NaN when not computed)
     * @param fitted whether the direction was fitted
     */
    public record DirectionReport(String direction, int positives, int negatives, List<String> analyzers, List<int[]> fired, double prior,
                                  double fittedIntercept, double intercept, double[] coefficients, double aucHand, double aucFitted, double aucHeldOut,
                                  boolean fitted) {}

    /**
     * The fit.
     *
     * @param model the fitted model
     * @param directions per direction, how it went
     */
    public record Result(FusionModel model, List<DirectionReport> directions) {}

    private FusionFitter() {}

    /**
     * Fits the model.
     *
     * @param samples the validation images (at least one real)
     * @param handDecide the hand-set decision threshold on the noisy-OR score (fusion.properties)
     * @param handInconclusive the hand-set inconclusive threshold
     */
    public static Result fit(List<Sample> samples, double handDecide, double handInconclusive, Settings s, String description) {
        FusionModel prior = FusionModel.prior(handDecide, handInconclusive, s.decide());
        Map<String, FusionModel.Direction> dirs = new LinkedHashMap<>();
        List<DirectionReport> reports = new ArrayList<>();
        for (String d : FusionModel.DIRECTIONS) {
            Truth positive = d.equals("synthetic") ? Truth.SYNTHETIC : Truth.MANIPULATED;
            FusionModel.Direction p = prior.directions().get(d);
            List<String> analyzers = new ArrayList<>(new TreeSet<>(samples.stream().flatMap(x -> x.evidence().get(d).keySet().stream()).toList()));
            double[][] x = new double[samples.size()][analyzers.size()];
            int[] y = new int[samples.size()];
            int pos = 0;
            for (int i = 0; i < samples.size(); i++) {
                Map<String, Double> ev = samples.get(i).evidence().get(d);
                for (int j = 0; j < analyzers.size(); j++) {
                    x[i][j] = ev.getOrDefault(analyzers.get(j), 0.0);
                }
                y[i] = samples.get(i).truth() == positive ? 1 : 0;
                pos += y[i];
            }
            int neg = samples.size() - pos;
            List<int[]> fired = new ArrayList<>();
            for (int j = 0; j < analyzers.size(); j++) {
                int fp = 0;
                int fn = 0;
                for (int i = 0; i < x.length; i++) {
                    if (x[i][j] > 0) {
                        if (y[i] == 1) {
                            fp++;
                        } else {
                            fn++;
                        }
                    }
                }
                fired.add(new int[] {fp, fn});
            }
            double[] priorBeta = new double[analyzers.size()];
            java.util.Arrays.fill(priorBeta, p.otherCoefficient());
            if (pos == 0 || neg == 0) {
                dirs.put(d, p);
                reports.add(new DirectionReport(d, pos, neg, analyzers, fired, p.otherCoefficient(), p.intercept(), p.intercept(), priorBeta,
                        Double.NaN, Double.NaN, Double.NaN, false));
                continue;
            }
            double[] w = weights(y);
            LogisticFit.Result r = LogisticFit.fit(x, y, w, priorBeta, p.intercept(), true, s.lambda());
            Map<String, Double> coef = new LinkedHashMap<>();
            for (int j = 0; j < analyzers.size(); j++) {
                coef.put(analyzers.get(j), r.coefficients()[j]);
            }
            double b = s.fitIntercept() ? r.intercept() : p.intercept();
            dirs.put(d, new FusionModel.Direction(b, coef, p.otherCoefficient(), true));
            double aucHand = auc(x, y, priorBeta, p.intercept());
            double aucFit = auc(x, y, r.coefficients(), b);
            double held = s.folds() >= 2 ? heldOutAuc(x, y, priorBeta, p.intercept(), s) : Double.NaN;
            reports.add(new DirectionReport(d, pos, neg, analyzers, fired, p.otherCoefficient(), r.intercept(), b, r.coefficients(), aucHand,
                    aucFit, held, true));
        }
        return new Result(new FusionModel(dirs, s.decide(), s.inconclusive(), description), reports);
    }

    /** Class weights: each class totals half of the sample count. */
    static double[] weights(int[] y) {
        int pos = 0;
        for (int v : y) {
            pos += v;
        }
        int neg = y.length - pos;
        double[] w = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            w[i] = y.length / (2.0 * (y[i] == 1 ? pos : neg));
        }
        return w;
    }

    private static double auc(double[][] x, int[] y, double[] beta, double b) {
        List<Double> real = new ArrayList<>();
        List<Double> fake = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            double z = b;
            for (int j = 0; j < beta.length; j++) {
                z += beta[j] * x[i][j];
            }
            (y[i] == 1 ? fake : real).add(LogisticFit.sigmoid(z));
        }
        if (real.isEmpty() || fake.isEmpty()) {
            return Double.NaN;
        }
        return DetectionMetrics.of(real.stream().mapToDouble(v -> v).toArray(), fake.stream().mapToDouble(v -> v).toArray(), 0.5).auc();
    }

    /** Stratified k-fold: each image scored by a model fitted without its fold; AUC over the pooled held-out scores. */
    private static double heldOutAuc(double[][] x, int[] y, double[] prior, double b0, Settings s) {
        int n = x.length;
        int[] fold = new int[n];
        Random rnd = new Random(s.seed());
        for (int cls = 0; cls <= 1; cls++) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (y[i] == cls) {
                    idx.add(i);
                }
            }
            java.util.Collections.shuffle(idx, rnd);
            for (int k = 0; k < idx.size(); k++) {
                fold[idx.get(k)] = k % s.folds();
            }
        }
        double[] score = new double[n];
        for (int f = 0; f < s.folds(); f++) {
            List<Integer> train = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (fold[i] != f) {
                    train.add(i);
                }
            }
            double[][] tx = new double[train.size()][];
            int[] ty = new int[train.size()];
            for (int k = 0; k < train.size(); k++) {
                tx[k] = x[train.get(k)];
                ty[k] = y[train.get(k)];
            }
            boolean both = java.util.Arrays.stream(ty).anyMatch(v -> v == 1) && java.util.Arrays.stream(ty).anyMatch(v -> v == 0);
            LogisticFit.Result r = both ? LogisticFit.fit(tx, ty, weights(ty), prior, b0, true, s.lambda())
                    : new LogisticFit.Result(prior, b0, 0, true);
            for (int i = 0; i < n; i++) {
                if (fold[i] == f) {
                    double z = r.intercept();
                    for (int j = 0; j < prior.length; j++) {
                        z += r.coefficients()[j] * x[i][j];
                    }
                    score[i] = LogisticFit.sigmoid(z);
                }
            }
        }
        List<Double> real = new ArrayList<>();
        List<Double> fake = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            (y[i] == 1 ? fake : real).add(score[i]);
        }
        return DetectionMetrics.of(real.stream().mapToDouble(v -> v).toArray(), fake.stream().mapToDouble(v -> v).toArray(), 0.5).auc();
    }
}
