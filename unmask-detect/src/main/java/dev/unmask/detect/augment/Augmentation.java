package dev.unmask.detect.augment;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which training augmentations run and how strongly: each operation is applied to a training crop with its own
 * probability, its strength drawn uniformly from its range. Validation and inference crops are never augmented.
 * The defaults are on (the most common complaint about learned detectors is that they collapse on re-compressed,
 * blurred or resized images; Wang et al., "CNN-generated images are surprisingly easy to spot... for now",
 * CVPR 2020, showed blur + JPEG augmentation buys that robustness).
 *
 * @param blur probability of a Gaussian blur
 * @param blurSigmaMax blur sigma drawn from [0, blurSigmaMax] pixels
 * @param jpeg probability of a JPEG re-encoding
 * @param jpegQualityMin lowest JPEG quality (IJG scale)
 * @param jpegQualityMax highest JPEG quality
 * @param downscale probability of a down-scaling before the crop
 * @param downscaleMin the scale factor is drawn from [downscaleMin, 1]
 * @param flip probability of a left-right mirror
 * @param noise probability of added Gaussian noise
 * @param noiseSigmaMax noise sigma drawn from [0, noiseSigmaMax] grey levels (of 255)
 */
public record Augmentation(double blur, double blurSigmaMax, double jpeg, int jpegQualityMin, int jpegQualityMax, double downscale,
        double downscaleMin, double flip, double noise, double noiseSigmaMax) {
    /** The operation names, in the order they are applied (the crop is always random in training). */
    public static final String[] OPERATIONS = {"downscale", "blur", "jpeg", "flip", "noise"};

    /** The defaults: blur 0.2 (sigma 0-3), jpeg 0.3 (quality 30-100), downscale 0.2 (0.5-1), flip 0.5, noise 0.2 (sigma 0-3). */
    public static final Augmentation DEFAULT = new Augmentation(0.2, 3.0, 0.3, 30, 100, 0.2, 0.5, 0.5, 0.2, 3.0);

    /** No augmentation: random crops only. */
    public static final Augmentation NONE = new Augmentation(0, 3.0, 0, 30, 100, 0, 0.5, 0, 0, 3.0);

    /** Validates the ranges. */
    public Augmentation {
        for (double p : new double[] {blur, jpeg, downscale, flip, noise}) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("augmentation probabilities must be in [0, 1], got " + p);
            }
        }
        if (!(blurSigmaMax >= 0 && blurSigmaMax <= 10)) {
            throw new IllegalArgumentException("blur sigma must be in [0, 10]: " + blurSigmaMax);
        }
        if (jpegQualityMin < 1 || jpegQualityMax > 100 || jpegQualityMin > jpegQualityMax) {
            throw new IllegalArgumentException("JPEG quality range must lie in 1..100 with min <= max: " + jpegQualityMin + "-" + jpegQualityMax);
        }
        if (!(downscaleMin >= 0.25 && downscaleMin <= 1)) {
            throw new IllegalArgumentException("down-scale factor must be in [0.25, 1]: " + downscaleMin);
        }
        if (!(noiseSigmaMax >= 0 && noiseSigmaMax <= 25)) {
            throw new IllegalArgumentException("noise sigma must be in [0, 25] grey levels: " + noiseSigmaMax);
        }
    }

    /** True when some operation can run. */
    public boolean enabled() {
        return blur > 0 || jpeg > 0 || downscale > 0 || flip > 0 || noise > 0;
    }

    /**
     * Parses {@code --augment}: comma-separated {@code name:probability} or {@code name:probability:lo-hi} entries
     * (names {@code blur}, {@code jpeg}, {@code downscale}, {@code flip}, {@code noise}) changing {@code base};
     * operations not named keep their setting. Example: {@code blur:0.1,jpeg:0.5:50-95,flip:0}.
     *
     * @throws IllegalArgumentException naming the bad entry
     */
    public static Augmentation parse(String spec, Augmentation base) {
        Augmentation a = base;
        if (spec == null || spec.isBlank()) {
            return a;
        }
        for (String entry : spec.split(",")) {
            String e = entry.trim();
            String[] parts = e.split(":");
            if (parts.length < 2 || parts.length > 3) {
                throw new IllegalArgumentException("--augment entry '" + e + "' must be name:probability or name:probability:lo-hi");
            }
            String name = parts[0].trim().toLowerCase(Locale.ROOT);
            double p = number(parts[1], e);
            double lo = Double.NaN;
            double hi = Double.NaN;
            if (parts.length == 3) {
                String[] r = parts[2].split("-");
                if (r.length != 2) {
                    throw new IllegalArgumentException("--augment entry '" + e + "': range must be lo-hi");
                }
                lo = number(r[0], e);
                hi = number(r[1], e);
            }
            boolean ranged = parts.length == 3;
            try {
                a = switch (name) {
                    case "blur" -> new Augmentation(p, ranged ? requireZeroLow(lo, hi, e) : a.blurSigmaMax, a.jpeg, a.jpegQualityMin,
                            a.jpegQualityMax, a.downscale, a.downscaleMin, a.flip, a.noise, a.noiseSigmaMax);
                    case "jpeg" -> new Augmentation(a.blur, a.blurSigmaMax, p, ranged ? integer(lo, e) : a.jpegQualityMin,
                            ranged ? integer(hi, e) : a.jpegQualityMax, a.downscale, a.downscaleMin, a.flip, a.noise, a.noiseSigmaMax);
                    case "downscale" -> new Augmentation(a.blur, a.blurSigmaMax, a.jpeg, a.jpegQualityMin, a.jpegQualityMax, p,
                            ranged ? requireOneHigh(lo, hi, e) : a.downscaleMin, a.flip, a.noise, a.noiseSigmaMax);
                    case "flip" -> {
                        if (ranged) {
                            throw new IllegalArgumentException("--augment entry '" + e + "': flip takes no range");
                        }
                        yield new Augmentation(a.blur, a.blurSigmaMax, a.jpeg, a.jpegQualityMin, a.jpegQualityMax, a.downscale,
                                a.downscaleMin, p, a.noise, a.noiseSigmaMax);
                    }
                    case "noise" -> new Augmentation(a.blur, a.blurSigmaMax, a.jpeg, a.jpegQualityMin, a.jpegQualityMax, a.downscale,
                            a.downscaleMin, a.flip, p, ranged ? requireZeroLow(lo, hi, e) : a.noiseSigmaMax);
                    default -> throw new IllegalArgumentException("--augment: unknown operation '" + name
                            + "' (known: blur, jpeg, downscale, flip, noise)");
                };
            } catch (IllegalArgumentException ex) {
                throw ex.getMessage().startsWith("--augment") ? ex : new IllegalArgumentException("--augment entry '" + e + "': " + ex.getMessage());
            }
        }
        return a;
    }

    private static double number(String s, String entry) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("--augment entry '" + entry + "': '" + s + "' is not a number");
        }
    }

    private static int integer(double v, String entry) {
        if (v != Math.rint(v)) {
            throw new IllegalArgumentException("--augment entry '" + entry + "': JPEG qualities are whole numbers");
        }
        return (int) v;
    }

    private static double requireZeroLow(double lo, double hi, String entry) {
        if (lo != 0) {
            throw new IllegalArgumentException("--augment entry '" + entry + "': this range starts at 0 (write 0-" + hi + ")");
        }
        return hi;
    }

    private static double requireOneHigh(double lo, double hi, String entry) {
        if (hi != 1) {
            throw new IllegalArgumentException("--augment entry '" + entry + "': the down-scale range ends at 1 (write " + lo + "-1)");
        }
        return lo;
    }

    /** A readable one-line summary, e.g. for the model card: {@code blur 0.20 (sigma 0-3), jpeg 0.30 (q 30-100), ...}. */
    public String describe() {
        if (!enabled()) {
            return "none (random crops only)";
        }
        return String.format(Locale.ROOT, "blur %.2f (sigma 0-%s px), jpeg %.2f (quality %d-%d), downscale %.2f (factor %s-1), flip %.2f, noise %.2f (sigma 0-%s grey levels); random crops",
                blur, trim(blurSigmaMax), jpeg, jpegQualityMin, jpegQualityMax, downscale, trim(downscaleMin), flip, noise, trim(noiseSigmaMax));
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** The settings as an ordered map, for {@code config.json}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("blur", blur);
        m.put("blur_sigma_max", blurSigmaMax);
        m.put("jpeg", jpeg);
        m.put("jpeg_quality_min", jpegQualityMin);
        m.put("jpeg_quality_max", jpegQualityMax);
        m.put("downscale", downscale);
        m.put("downscale_min", downscaleMin);
        m.put("flip", flip);
        m.put("noise", noise);
        m.put("noise_sigma_max", noiseSigmaMax);
        return m;
    }

    /** Reads what {@link #toMap} wrote. */
    public static Augmentation fromMap(Map<String, ?> m) {
        return new Augmentation(d(m, "blur"), d(m, "blur_sigma_max"), d(m, "jpeg"), (int) d(m, "jpeg_quality_min"),
                (int) d(m, "jpeg_quality_max"), d(m, "downscale"), d(m, "downscale_min"), d(m, "flip"), d(m, "noise"),
                d(m, "noise_sigma_max"));
    }

    private static double d(Map<String, ?> m, String k) {
        Object v = m.get(k);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("augmentation setting '" + k + "' is missing or not a number");
        }
        return n.doubleValue();
    }
}
