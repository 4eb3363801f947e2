package dev.unmask.detect.eval;

import dev.unmask.core.imaging.Codecs;
import dev.unmask.core.imaging.Scaling;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * One degradation applied to every real and fake image before scoring, to measure how a detector holds up under
 * the processing images meet on their way to an examiner (the robustness protocol of Wang et al., "CNN-generated
 * images are surprisingly easy to spot... for now", CVPR 2020, section 4.3: JPEG, blur, resizing; plus noise and
 * cropping).
 *
 * <p>Spec syntax: {@code KIND:V1[,V2...]}, one perturbation per value:
 * <ul>
 *   <li>{@code jpeg:Q} re-encode as baseline JPEG at IJG quality Q (1..100);</li>
 *   <li>{@code resize:F} resize both sides by factor F (0.05..4) with bilinear interpolation;</li>
 *   <li>{@code blur:S} Gaussian blur with standard deviation S pixels (0.1..20);</li>
 *   <li>{@code noise:S} add Gaussian noise with standard deviation S as a fraction of full scale (0.001..1), from a
 *       seed fixed per image;</li>
 *   <li>{@code crop:F} keep the centred part whose sides are F (0.05..1) of the original.</li>
 * </ul>
 *
 * @param kind the kind
 * @param value its parameter
 */
public record Perturbation(Kind kind, double value) {
    /** The kinds of degradation, with their accepted parameter range. */
    public enum Kind {
        /** JPEG re-compression at a quality. */
        JPEG(1, 100, "a JPEG quality"),
        /** Resizing by a factor. */
        RESIZE(0.05, 4, "a scale factor"),
        /** Gaussian blur of a standard deviation in pixels. */
        BLUR(0.1, 20, "a standard deviation in pixels"),
        /** Additive Gaussian noise of a standard deviation as a fraction of full scale. */
        NOISE(0.001, 1, "a standard deviation as a fraction of full scale"),
        /** A centred crop keeping a fraction of each side. */
        CROP(0.05, 1, "the fraction of each side kept");

        final double min;
        final double max;
        final String what;

        Kind(double min, double max, String what) {
            this.min = min;
            this.max = max;
            this.what = what;
        }

        /** The spec name, e.g. {@code jpeg}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Validates the parameter. */
    public Perturbation {
        if (!(value >= kind.min && value <= kind.max) || (kind == Kind.JPEG && value != Math.rint(value))) {
            throw new IllegalArgumentException(kind.id() + " takes " + kind.what + " in " + fmt(kind.min) + ".." + fmt(kind.max)
                    + (kind == Kind.JPEG ? " (an integer)" : "") + ", not " + fmt(value));
        }
    }

    /** The row name, e.g. {@code jpeg:75}. */
    public String name() {
        return kind.id() + ":" + fmt(value);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * Parses {@code --perturb} arguments.
     *
     * @throws IllegalArgumentException naming the faulty spec and what was expected
     */
    public static List<Perturbation> parse(List<String> specs) {
        List<Perturbation> out = new ArrayList<>();
        for (String spec : specs) {
            String s = spec.trim();
            int colon = s.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("perturbation '" + spec + "' must look like KIND:VALUE[,VALUE...], e.g. jpeg:90,75 (kinds: "
                        + kinds() + ")");
            }
            String k = s.substring(0, colon).toLowerCase(Locale.ROOT);
            Kind kind = null;
            for (Kind x : Kind.values()) {
                if (x.id().equals(k)) {
                    kind = x;
                }
            }
            if (kind == null) {
                throw new IllegalArgumentException("unknown perturbation '" + k + "' in '" + spec + "' (kinds: " + kinds() + ")");
            }
            String values = s.substring(colon + 1);
            if (values.isBlank()) {
                throw new IllegalArgumentException("perturbation '" + spec + "' has no value: " + kind.id() + " takes " + kind.what);
            }
            for (String v : values.split(",", -1)) {
                double x;
                try {
                    x = Double.parseDouble(v.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("perturbation '" + spec + "': '" + v + "' is not a number (" + kind.id()
                            + " takes " + kind.what + ")");
                }
                try {
                    out.add(new Perturbation(kind, x));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("perturbation '" + spec + "': " + e.getMessage());
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (Perturbation p : out) {
            if (names.contains(p.name())) {
                throw new IllegalArgumentException("perturbation " + p.name() + " is given twice");
            }
            names.add(p.name());
        }
        return out;
    }

    private static String kinds() {
        List<String> k = new ArrayList<>();
        for (Kind x : Kind.values()) {
            k.add(x.id());
        }
        return String.join(", ", k);
    }

    /**
     * Applies the perturbation to an 8-bit sRGB image and returns a new {@code TYPE_INT_RGB} image.
     *
     * @param seed the noise seed (fixed per image so a run is reproducible)
     */
    public BufferedImage apply(BufferedImage img, long seed) {
        BufferedImage rgb = Scaling.toRgb(img);
        return switch (kind) {
            case JPEG -> Scaling.toRgb(Codecs.decodeTrusted(Codecs.jpeg(rgb, (int) value)));
            case RESIZE -> Scaling.resize(rgb, Math.max(1, (int) Math.round(rgb.getWidth() * value)),
                    Math.max(1, (int) Math.round(rgb.getHeight() * value)), RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            case BLUR -> blur(rgb, value);
            case NOISE -> noise(rgb, value, seed);
            case CROP -> crop(rgb, value);
        };
    }

    /** The training augmentation's blur, so evaluation perturbs exactly as training augments. */
    private static BufferedImage blur(BufferedImage img, double sigma) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] px = dev.unmask.detect.augment.GaussianBlur.apply(img.getRGB(0, 0, w, h, null, 0, w), w, h, sigma);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, w, h, px, 0, w);
        return out;
    }

    private static BufferedImage noise(BufferedImage img, double sigma, long seed) {
        Random rnd = new Random(seed);
        int w = img.getWidth();
        int h = img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        double s = sigma * 255;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = img.getRGB(x, y);
                int r = clamp(((p >> 16) & 0xff) + rnd.nextGaussian() * s);
                int g = clamp(((p >> 8) & 0xff) + rnd.nextGaussian() * s);
                int b = clamp((p & 0xff) + rnd.nextGaussian() * s);
                out.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return out;
    }

    static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    private static BufferedImage crop(BufferedImage img, double f) {
        int w = Math.max(1, (int) Math.round(img.getWidth() * f));
        int h = Math.max(1, (int) Math.round(img.getHeight() * f));
        int x = (img.getWidth() - w) / 2;
        int y = (img.getHeight() - h) / 2;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, w, h, img.getRGB(x, y, w, h, null, 0, w), 0, w);
        return out;
    }
}
