package dev.unmask.core.scan;

import dev.unmask.api.AnalyzerResult;
import dev.unmask.api.Evidence;
import dev.unmask.api.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Combines findings into a {@link Verdict}. Transparent by design: every weight and threshold lives in
 * {@code fusion.properties}; per direction the weighted scores combine by noisy-OR; the label follows fixed
 * thresholds; and the drivers list shows each finding's contribution. A file is called likely authentic only when
 * the authenticity score reaches its threshold and exceeds the strongest contrary score. Thread-safe and immutable.
 *
 * <p>When a fitted {@link FusionModel} is installed ({@code fusion-model.properties} beside
 * {@code fusion.properties}, written by {@code unmask detector fit-fusion}), the synthetic and manipulated scores
 * are that model's probabilities instead, over the same weighted findings, and its probability thresholds decide
 * the label, with "inconclusive" for probabilities inside the band between them; each driver's contribution is then
 * its fitted share on the noisy-OR scale, {@code 1 − (1 − w·s)^(β_a/k)}. The authenticity score stays the hand-set
 * noisy-OR. The hand-set fusion ({@link #handSet}) remains the documented fallback.
 */
public final class VerdictFusion {
    private final Map<String, Double> weights;
    private final double decide;
    private final double inconclusive;
    private final double authenticMin;
    private final FusionModel model;

    /**
     * @param weights weight by finding-code prefix or analyzer id; key {@code default} for the rest
     * @param decide fused score at which synthetic/manipulated is decided
     * @param inconclusive fused score from which the verdict is inconclusive
     * @param authenticMin authenticity score needed to call a quiet file likely authentic
     */
    public VerdictFusion(Map<String, Double> weights, double decide, double inconclusive, double authenticMin) {
        if (!(0 < inconclusive && inconclusive < decide && decide <= 1) || !(authenticMin > 0 && authenticMin <= 1)) {
            throw new IllegalArgumentException("fusion thresholds must satisfy 0 < inconclusive < decide <= 1, 0 < authentic <= 1");
        }
        weights.forEach((k, w) -> {
            if (!(w >= 0 && w <= 1)) {
                throw new IllegalArgumentException("fusion weight " + k + "=" + w + " is not in [0,1]");
            }
        });
        this.weights = new TreeMap<>(weights);
        this.decide = decide;
        this.inconclusive = inconclusive;
        this.authenticMin = authenticMin;
        this.model = null;
    }

    private VerdictFusion(VerdictFusion hand, FusionModel model) {
        this.weights = hand.weights;
        this.decide = hand.decide;
        this.inconclusive = hand.inconclusive;
        this.authenticMin = hand.authenticMin;
        this.model = model;
    }

    /**
     * The fusion shipped with Unmask: the fitted model ({@value FusionModel#RESOURCE}) over the weights of
     * {@code fusion.properties} when one ships, else the hand-set fusion.
     */
    public static VerdictFusion defaults() {
        VerdictFusion hand = handSet();
        FusionModel fitted = FusionModel.shipped();
        return fitted == null ? hand : hand.withModel(fitted);
    }

    /** This fusion's weights and authenticity threshold with {@code m} deciding the synthetic and manipulated labels. */
    public VerdictFusion withModel(FusionModel m) {
        return new VerdictFusion(this, m);
    }

    /** The fitted model in use, or null for the hand-set fusion. */
    public FusionModel model() {
        return model;
    }

    /** The hand-set thresholds on the noisy-OR score: decide, inconclusive (the prior of a fitted model). */
    public double[] handThresholds() {
        return new double[] {decide, inconclusive};
    }

    /** The hand-set fusion of {@code fusion.properties}, without a fitted model. */
    public static VerdictFusion handSet() {
        Properties p = new Properties();
        try (InputStream in = VerdictFusion.class.getResourceAsStream("fusion.properties")) {
            if (in == null) {
                throw new IllegalStateException("fusion.properties missing from the class path");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Double> w = new TreeMap<>();
        for (String k : p.stringPropertyNames()) {
            if (k.startsWith("weight.")) {
                w.put(k.substring("weight.".length()), Double.parseDouble(p.getProperty(k)));
            }
        }
        return new VerdictFusion(w, num(p, "threshold.decide"), num(p, "threshold.inconclusive"), num(p, "threshold.authentic"));
    }

    private static double num(Properties p, String k) {
        String v = p.getProperty(k);
        if (v == null) {
            throw new IllegalStateException("fusion.properties lacks " + k);
        }
        return Double.parseDouble(v);
    }

    /** The weight for a finding code: the longest matching key at a '.' boundary, else {@code default}. */
    public double weight(String code) {
        String k = code;
        while (true) {
            Double w = weights.get(k);
            if (w != null) {
                return w;
            }
            int dot = k.lastIndexOf('.');
            if (dot < 0) {
                return weights.getOrDefault("default", 0.5);
            }
            k = k.substring(0, dot);
        }
    }

    private static double snap(double x) {
        return Math.round(x * 1e9) / 1e9;
    }

    /** The thresholds, for documentation in reports: decide, inconclusive, authentic. */
    public double[] thresholds() {
        return model == null ? new double[] {decide, inconclusive, authenticMin}
                : new double[] {model.decide(), model.inconclusive(), authenticMin};
    }

    /**
     * The fitted model's features for one file: per fused direction ({@code synthetic}, {@code manipulated}), per
     * analyzer that ran, the log-evidence {@code Σ −ln(1 − w·s)} of its findings in that direction (0 when none).
     */
    public Map<String, Map<String, Double>> evidence(List<AnalyzerRun> runs) {
        Map<String, Map<String, Double>> ev = new java.util.LinkedHashMap<>();
        for (String d : FusionModel.DIRECTIONS) {
            ev.put(d, new TreeMap<>());
        }
        for (AnalyzerRun run : runs) {
            if (run.result().status() != AnalyzerResult.Status.OK) {
                continue;
            }
            String id = run.info().id();
            ev.values().forEach(m -> m.put(id, 0.0));
            for (Finding f : run.result().findings()) {
                String d = f.evidence() == dev.unmask.api.Evidence.SYNTHETIC ? "synthetic"
                        : f.evidence() == dev.unmask.api.Evidence.MANIPULATED ? "manipulated" : null;
                if (d != null && f.score() > 0) {
                    ev.get(d).merge(id, FusionModel.evidence(weight(f.code()) * f.score()), Double::sum);
                }
            }
        }
        return ev;
    }

    /**
     * Fuses the runs of one file.
     *
     * @param runs the analyzer runs
     * @param error the file-level error, or null
     */
    public Verdict fuse(List<AnalyzerRun> runs, FileError error) {
        List<String> checked = new ArrayList<>();
        List<Verdict.NotChecked> notChecked = new ArrayList<>();
        List<Verdict.Driver> drivers = new ArrayList<>();
        double[] keep = {1, 1, 1}; // product of (1 - c) per direction: synthetic, manipulated, authentic
        double[] fittedKeep = {1, 1}; // product of (1 - fitted contribution): the contrary evidence on the noisy-OR scale
        double[] logit = model == null ? null : new double[] {model.directions().get("synthetic").intercept(),
            model.directions().get("manipulated").intercept()};
        for (AnalyzerRun run : runs) {
            AnalyzerResult r = run.result();
            String id = run.info().id();
            switch (r.status()) {
                case OK -> checked.add(id);
                case NOT_APPLICABLE -> notChecked.add(new Verdict.NotChecked(id, "not_applicable", r.summary()));
                case FAILED -> notChecked.add(new Verdict.NotChecked(id, "failed", r.summary()));
            }
            if (r.status() != AnalyzerResult.Status.OK) {
                continue;
            }
            for (Finding f : r.findings()) {
                int dir = switch (f.evidence()) {
                    case SYNTHETIC -> 0;
                    case MANIPULATED -> 1;
                    case AUTHENTIC -> 2;
                    case INFO -> -1;
                };
                if (dir < 0 || f.score() <= 0) {
                    continue;
                }
                double w = weight(f.code());
                double c = w * f.score();
                keep[dir] *= 1 - c;
                if (model != null && dir < 2) {
                    FusionModel.Direction d = model.directions().get(FusionModel.DIRECTIONS.get(dir));
                    double x = FusionModel.evidence(c);
                    logit[dir] += d.coefficient(id) * x;
                    double ratio = d.coefficient(id) / d.otherCoefficient();
                    c = ratio == 1 ? c : 1 - Math.exp(-ratio * x);
                    w = Math.min(1, c / f.score());
                    fittedKeep[dir] *= 1 - c;
                }
                drivers.add(new Verdict.Driver(id, f.code(), f.title(), f.evidence().name().toLowerCase(Locale.ROOT),
                        f.score(), w, c));
            }
        }
        drivers.sort(Comparator.comparingDouble(Verdict.Driver::contribution).reversed()
                .thenComparing(Verdict.Driver::code));
        // rounded to 1e-9 so that, e.g., 0.25 x 0.8 compares equal to a 0.2 threshold despite binary fractions
        double syn = snap(model == null ? 1 - keep[0] : 1 / (1 + Math.exp(-logit[0])));
        double man = snap(model == null ? 1 - keep[1] : 1 / (1 + Math.exp(-logit[1])));
        double auth = snap(1 - keep[2]);
        if (model != null && (error != null || checked.isEmpty())) {
            syn = 0; // a file that was not examined has no probability
            man = 0;
        }
        double decide = model == null ? this.decide : model.decide();
        double inconclusive = model == null ? this.inconclusive : model.inconclusive();
        String scoreWord = model == null ? "score" : "probability";
        boolean contrary = model == null ? Math.max(syn, man) > 0
                : drivers.stream().anyMatch(d -> !d.evidence().equals("authentic"));
        if (error != null) {
            String reason = "could not be analysed: " + error.message();
            return new Verdict(Label.NOT_APPLICABLE, 0, syn, man, auth, reason, drivers, checked, notChecked);
        }
        if (checked.isEmpty()) {
            String why = notChecked.isEmpty() ? "skipped: not a supported media format"
                    : "no analyzer could examine this file (" + notChecked.get(0).analyzer() + ": " + notChecked.get(0).reason() + ")";
            return new Verdict(Label.NOT_APPLICABLE, 0, syn, man, auth, why, drivers, checked, notChecked);
        }
        String checks = String.join(", ", checked);
        double top = Math.max(syn, man);
        if (top >= decide) {
            Label l = syn >= man ? Label.SYNTHETIC : Label.MANIPULATED;
            String lead = drivers.isEmpty() ? "" : " Strongest evidence: " + drivers.get(0).title();
            return new Verdict(l, top, syn, man, auth, String.format(Locale.ROOT,
                    "Fused %s %s %.2f reaches the decision threshold %.2f.%s", l == Label.SYNTHETIC ? "synthetic" : "manipulated",
                    scoreWord, top, decide, lead), drivers, checked, notChecked);
        }
        if (top >= inconclusive) {
            return new Verdict(Label.INCONCLUSIVE, top, syn, man, auth, String.format(Locale.ROOT,
                    "Some evidence (synthetic %.2f, manipulated %.2f) but below the decision threshold %.2f; examine the drivers. Checked: %s.",
                    syn, man, decide, checks), drivers, checked, notChecked);
        }
        // authenticity must outweigh the contrary evidence on the same (noisy-OR) scale; with a fitted model that is the
        // noisy-OR of the fitted contributions, which for the prior is the hand-set score itself
        double contraryScore = model == null ? top : snap(Math.max(1 - fittedKeep[0], 1 - fittedKeep[1]));
        if (auth >= authenticMin && auth > contraryScore) {
            String contraryText = contrary
                    ? String.format(Locale.ROOT, "only weak contrary signals (synthetic %.2f, manipulated %.2f)", syn, man)
                    : "no signal of manipulation or synthesis";
            return new Verdict(Label.AUTHENTIC, auth * (1 - top), syn, man, auth, String.format(Locale.ROOT,
                    "Positive authenticity evidence (%.2f) outweighs %s from: %s.", auth, contraryText, checks),
                    drivers, checked, notChecked);
        }
        String quiet = contrary
                ? String.format(Locale.ROOT, "Only weak signals (synthetic %.2f, manipulated %.2f, below %.2f) from: %s",
                        syn, man, inconclusive, checks)
                : "No signal of manipulation or synthesis from: " + checks;
        String vouch = auth >= authenticMin
                ? String.format(Locale.ROOT, "; authenticity evidence (%.2f) does not outweigh them, so the file is not called authentic.", auth)
                : auth > 0
                ? String.format(Locale.ROOT, "; authenticity evidence (%.2f) is below %.2f, so the file is not called authentic.", auth, authenticMin)
                : "; but nothing vouches for the file either (no positive evidence of a capture: camera traces or a valid capture manifest), so it is not called authentic.";
        return new Verdict(Label.INCONCLUSIVE, top, syn, man, auth, quiet + vouch, drivers, checked, notChecked);
    }
}
