package dev.unmask.provenance.watermark;

/** Upper tail of the fair-coin binomial distribution, computed in log space. */
final class Binomial {
    private Binomial() {}

    /** P(X >= k) for X ~ Binomial(n, 1/2). */
    static double upperTail(int n, int k) {
        if (k <= 0) {
            return 1;
        }
        if (k > n) {
            return 0;
        }
        double logHalfN = n * Math.log(0.5);
        double sum = 0;
        for (int i = k; i <= n; i++) {
            sum += Math.exp(logChoose(n, i) + logHalfN);
        }
        return Math.min(1, sum);
    }

    private static double logChoose(int n, int k) {
        double s = 0;
        for (int i = 1; i <= k; i++) {
            s += Math.log(n - k + i) - Math.log(i);
        }
        return s;
    }
}
