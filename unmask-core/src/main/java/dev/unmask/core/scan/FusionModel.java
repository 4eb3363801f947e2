package dev.unmask.core.scan;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A fitted verdict fusion: per direction (synthetic, manipulated) a logistic regression over per-analyzer evidence,
 * {@code p = σ(b + Σ_a β_a · x_a)}, where {@code x_a = Σ −ln(1 − w·s)} sums the analyzer's findings in that direction
 * (score {@code s}, hand-set weight {@code w} from {@code fusion.properties}, {@code w·s} capped at
 * {@value #MAX_CONTRIBUTION}). With every {@code β_a} equal to a common scale {@code k} this is a monotone function
 * of the hand-set noisy-OR score {@code S = 1 − Π(1 − w·s) = 1 − exp(−Σ x)}: the hand-set fusion is the special case
 * {@link #prior}, whose intercept and scale put its thresholds 0.6/0.3 at probabilities {@code decide}/
 * {@code inconclusive}. {@code unmask detector fit-fusion} fits the {@code β_a} on labelled images (logistic
 * regression with an L2 penalty pulling each coefficient towards the prior; Hastie, Tibshirani &amp; Friedman, The
 * Elements of Statistical Learning, 2nd ed., 4.4) and writes them in this format; an analyzer the fit never saw
 * keeps the prior scale. Immutable.
 *
 * @param directions the fitted directions by name ({@code synthetic}, {@code manipulated})
 * @param decide probability at which a direction decides the label
 * @param inconclusive probability from which the verdict is inconclusive
 * @param description where the model comes from, one line (for reports)
 */
public record FusionModel(Map<String, Direction> directions, double decide, double inconclusive, String description) {
    /** The fused directions, in order. */
    public static final List<String> DIRECTIONS = List.of("synthetic", "manipulated");
    /** Largest {@code w·s} used in {@code −ln(1 − w·s)}, so a conclusive finding gives a finite feature (6.9). */
    public static final double MAX_CONTRIBUTION = 0.999;
    /** The class-path resource holding the shipped fitted model, beside {@code fusion.properties}. */
    public static final String RESOURCE = "fusion-model.properties";

    /**
     * One direction's logistic regression.
     *
     * @param intercept {@code b}
     * @param coefficients {@code β_a} by analyzer id
     * @param otherCoefficient {@code β} for analyzers not listed (the prior scale)
     * @param fitted whether the coefficients were fitted on data (false: the prior)
     */
    public record Direction(double intercept, Map<String, Double> coefficients, double otherCoefficient, boolean fitted) {
        /** Validates and freezes. */
        public Direction {
            coefficients = java.util.Collections.unmodifiableMap(new TreeMap<>(coefficients));
            coefficients.forEach((k, v) -> {
                if (!(v >= 0) || Double.isInfinite(v)) {
                    throw new IllegalArgumentException("fusion coefficient for " + k + " must be finite and >= 0, was " + v);
                }
            });
            if (!Double.isFinite(intercept) || !(otherCoefficient >= 0) || Double.isInfinite(otherCoefficient)) {
                throw new IllegalArgumentException("fusion intercept and default coefficient must be finite");
            }
        }

        /** {@code β} for an analyzer. */
        public double coefficient(String analyzer) {
            return coefficients.getOrDefault(analyzer, otherCoefficient);
        }

        /** The probability for a log-evidence sum per analyzer. */
        public double probability(Map<String, Double> evidence) {
            double z = intercept;
            for (var e : evidence.entrySet()) {
                z += coefficient(e.getKey()) * e.getValue();
            }
            return 1 / (1 + Math.exp(-z));
        }
    }

    /** Validates and freezes. */
    public FusionModel {
        if (!(0 < inconclusive && inconclusive < decide && decide < 1)) {
            throw new IllegalArgumentException("fusion model thresholds must satisfy 0 < inconclusive < decide < 1");
        }
        for (String d : DIRECTIONS) {
            if (!directions.containsKey(d)) {
                throw new IllegalArgumentException("fusion model lacks the " + d + " direction");
            }
        }
        Map<String, Direction> ordered = new LinkedHashMap<>();
        for (String d : DIRECTIONS) {
            ordered.put(d, directions.get(d));
        }
        directions = java.util.Collections.unmodifiableMap(ordered);
    }

    /** The log-evidence of one finding: {@code −ln(1 − w·s)}, with {@code w·s} capped. */
    public static double evidence(double contribution) {
        return -Math.log1p(-Math.min(MAX_CONTRIBUTION, contribution));
    }

    /**
     * The prior scale {@code k}: the hand-set thresholds {@code handDecide}/{@code handInconclusive} on the noisy-OR
     * score map to probabilities {@code decide}/{@code 1 − decide} symmetrically around 0.5.
     */
    public static double priorScale(double handDecide, double handInconclusive, double decide) {
        double lDecide = -Math.log1p(-handDecide);
        double lInconclusive = -Math.log1p(-handInconclusive);
        return Math.log(decide / (1 - decide)) / ((lDecide - lInconclusive) / 2);
    }

    /** The prior intercept {@code −k · L_mid}, with {@code L_mid} the log-evidence midway between the hand thresholds. */
    public static double priorIntercept(double handDecide, double handInconclusive, double scale) {
        double lDecide = -Math.log1p(-handDecide);
        double lInconclusive = -Math.log1p(-handInconclusive);
        return -scale * (lDecide + lInconclusive) / 2;
    }

    /**
     * The hand-set fusion as a model: every coefficient {@code k}, thresholds {@code decide} and {@code 1 − decide}.
     * It gives the same labels as the hand-set noisy-OR thresholds {@code handDecide}/{@code handInconclusive}.
     */
    public static FusionModel prior(double handDecide, double handInconclusive, double decide) {
        double k = priorScale(handDecide, handInconclusive, decide);
        double b = priorIntercept(handDecide, handInconclusive, k);
        Map<String, Direction> d = new LinkedHashMap<>();
        for (String name : DIRECTIONS) {
            d.put(name, new Direction(b, Map.of(), k, false));
        }
        return new FusionModel(d, decide, 1 - decide, "prior (the hand-set fusion weights)");
    }

    /** Reads the shipped model ({@value #RESOURCE} beside this class), or null when none ships. */
    static FusionModel shipped() {
        try (InputStream in = FusionModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            return parse(p, RESOURCE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Reads a model file written by {@link #write}. */
    public static FusionModel read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        try {
            return parse(p, file.toString());
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static FusionModel parse(Properties p, String where) {
        Map<String, Direction> dirs = new LinkedHashMap<>();
        for (String d : DIRECTIONS) {
            Map<String, Double> coef = new TreeMap<>();
            String prefix = d + ".coefficient.";
            for (String k : p.stringPropertyNames()) {
                if (k.startsWith(prefix) && !k.equals(prefix + "other")) {
                    coef.put(k.substring(prefix.length()), num(p, k, where));
                }
            }
            dirs.put(d, new Direction(num(p, d + ".intercept", where), coef, num(p, prefix + "other", where),
                    Boolean.parseBoolean(p.getProperty(d + ".fitted", "false").trim())));
        }
        return new FusionModel(dirs, num(p, "threshold.decide", where), num(p, "threshold.inconclusive", where),
                p.getProperty("description", where).trim());
    }

    private static double num(Properties p, String key, String where) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException(where + " lacks " + key);
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": " + key + " is not a number: " + v);
        }
    }

    /**
     * The model as properties text, keys in a fixed order and no time stamp, so the same fit writes the same bytes.
     *
     * @param header comment lines (without '#') placed first: how it was fitted, on what
     * @param extra further keys (the data manifest, fit settings), written after the header in the given order
     */
    public String write(List<String> header, Map<String, String> extra) {
        StringBuilder sb = new StringBuilder();
        header.forEach(h -> sb.append("# ").append(h).append('\n'));
        sb.append("description=").append(description).append('\n');
        extra.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        sb.append(String.format(Locale.ROOT, "threshold.decide=%s%nthreshold.inconclusive=%s%n", num(decide), num(inconclusive)));
        for (var e : directions.entrySet()) {
            Direction d = e.getValue();
            sb.append(e.getKey()).append(".fitted=").append(d.fitted()).append('\n');
            sb.append(e.getKey()).append(".intercept=").append(num(d.intercept())).append('\n');
            sb.append(e.getKey()).append(".coefficient.other=").append(num(d.otherCoefficient())).append('\n');
            d.coefficients().forEach((a, c) -> sb.append(e.getKey()).append(".coefficient.").append(a).append('=').append(num(c)).append('\n'));
        }
        return sb.toString();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }
}
