package dev.unmask.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One observation by one analyzer, as data. Reports render from the typed {@link #values()}; {@link #title()}
 * and {@link #detail()} are the human explanation.
 *
 * @param code stable machine code, {@code "<analyzer>.<what>"}, e.g. {@code "metadata.generator.a1111"}
 * @param title one short sentence
 * @param detail a longer explanation, including how to interpret the value (may be empty)
 * @param evidence what the score supports
 * @param score strength of support in [0,1]; always 0 for {@link Evidence#INFO}
 * @param values typed values: String, Boolean, Number, {@code double[]}, List or Map of those
 * @param artifacts pictures supporting the finding
 */
public record Finding(String code, String title, String detail, Evidence evidence, double score,
                     Map<String, Object> values, List<Artifact> artifacts) {

    /** Validates and freezes the components. */
    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(title, "title");
        detail = detail == null ? "" : detail;
        Objects.requireNonNull(evidence, "evidence");
        if (Double.isNaN(score) || score < 0 || score > 1) {
            throw new IllegalArgumentException("score must be in [0,1], was " + score + " for " + code);
        }
        if (evidence == Evidence.INFO && score != 0) {
            throw new IllegalArgumentException("INFO findings carry score 0: " + code);
        }
        values.forEach((k, v) -> checkValue(code + "." + k, v));
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        artifacts = List.copyOf(artifacts);
    }

    private static void checkValue(String where, Object v) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof double[]) {
            return;
        }
        if (v instanceof Number n) {
            if (n instanceof Double d && (d.isNaN() || d.isInfinite())) {
                throw new IllegalArgumentException("non-finite number in " + where);
            }
            return;
        }
        if (v instanceof List<?> l) {
            l.forEach(x -> checkValue(where, x));
            return;
        }
        if (v instanceof Map<?, ?> m) {
            m.forEach((k, x) -> checkValue(where + "." + k, x));
            return;
        }
        throw new IllegalArgumentException("unsupported value type " + v.getClass().getName() + " in " + where);
    }

    /** Starts a finding with the given code, evidence direction and score. */
    public static Builder of(String code, Evidence evidence, double score) {
        return new Builder(code, evidence, score);
    }

    /** Starts an informational finding (score 0). */
    public static Builder info(String code) {
        return new Builder(code, Evidence.INFO, 0);
    }

    /** Fluent construction of a {@link Finding}. Not thread-safe. */
    public static final class Builder {
        private final String code;
        private final Evidence evidence;
        private final double score;
        private String title = "";
        private String detail = "";
        private final Map<String, Object> values = new LinkedHashMap<>();
        private final List<Artifact> artifacts = new ArrayList<>();

        private Builder(String code, Evidence evidence, double score) {
            this.code = code;
            this.evidence = evidence;
            this.score = score;
        }

        /** Sets the one-sentence title. */
        public Builder title(String t) {
            this.title = t;
            return this;
        }

        /** Sets the longer explanation. */
        public Builder detail(String d) {
            this.detail = d;
            return this;
        }

        /** Adds a typed value. */
        public Builder value(String key, Object v) {
            values.put(key, v);
            return this;
        }

        /** Adds a picture. */
        public Builder artifact(Artifact a) {
            artifacts.add(a);
            return this;
        }

        /** Builds the finding. */
        public Finding build() {
            return new Finding(code, title, detail, evidence, score, values, artifacts);
        }
    }
}
