package dev.unmask.detect.fusion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The text summary of a fusion fit: per direction the sample counts, the AUCs, and per analyzer the coefficients. */
final class FitFusionReport {
    private FitFusionReport() {}

    /** Short lines for the model file's header. */
    static List<String> lines(FusionFitter.Result fit) {
        List<String> out = new ArrayList<>();
        for (FusionFitter.DirectionReport d : fit.directions()) {
            if (!d.fitted()) {
                out.add(d.direction() + ": not fitted (" + d.positives() + " positive, " + d.negatives() + " negative images); the prior applies");
                continue;
            }
            out.add(String.format(Locale.ROOT, "%s: %d positive / %d negative images; AUC hand-set %.3f, fitted %.3f (training), %s",
                    d.direction(), d.positives(), d.negatives(), d.aucHand(), d.aucFitted(),
                    Double.isNaN(d.aucHeldOut()) ? "no cross-validation" : String.format(Locale.ROOT, "%.3f held out (cross-validated)", d.aucHeldOut())));
        }
        return out;
    }

    /** The table printed by the command. */
    static String table(FusionFitter.Result fit) {
        StringBuilder sb = new StringBuilder();
        for (String l : lines(fit)) {
            sb.append(l).append(System.lineSeparator());
        }
        for (FusionFitter.DirectionReport d : fit.directions()) {
            sb.append(String.format(Locale.ROOT, "%n%s (intercept %.4f; fitted with the coefficients: %.4f; prior coefficient %.4f)%n",
                    d.direction(), d.intercept(), d.fittedIntercept(), d.prior()));
            sb.append(String.format(Locale.ROOT, "  %-12s %9s %9s %11s%n", "analyzer", "fired+", "fired-", "coefficient"));
            for (int j = 0; j < d.analyzers().size(); j++) {
                int[] f = d.fired().get(j);
                sb.append(String.format(Locale.ROOT, "  %-12s %9d %9d %11.4f%n", d.analyzers().get(j), f[0], f[1], d.coefficients()[j]));
            }
        }
        return sb.toString();
    }
}
