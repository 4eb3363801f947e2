package dev.unmask.onnx;

import dev.unmask.api.detector.DetectorDescriptor;
import dev.unmask.api.detector.DetectorException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How to feed an ONNX classifier and read its answer, from the keys of its {@code detector.properties}
 * ({@code kind=onnx}). Every key but {@code onnx.file} has a default:
 *
 * <pre>
 * onnx.file=model.onnx          the network, relative to the model folder
 * input.name=auto               the input tensor (auto: the model's only input)
 * input.size=224                pixels per side (default: the model's fixed input size)
 * input.layout=NCHW             NCHW or NHWC
 * input.channel.order=RGB       RGB or BGR
 * input.resize=stretch          stretch (whole image to size x size) or center-crop (shorter side to size, centre cut)
 * input.scale=0.00392156862745098   pixel value v (0..255) becomes (v * scale - mean[c]) / std[c]
 * input.mean=0,0,0
 * input.std=1,1,1
 * output.name=auto              the output tensor (auto: the model's first output)
 * output.semantics=prob_fake    prob_fake | prob_real | logit_fake | logit_real
 * output.index=                 for outputs with two or more classes: the class read; logits are soft-maxed first
 * </pre>
 *
 * @param file the ONNX file
 * @param inputName the input name, or null for the only input
 * @param size pixels per side, or 0 for the model's own
 * @param nhwc whether the layout is NHWC (else NCHW)
 * @param bgr whether channels are in BGR order (else RGB)
 * @param centerCrop whether to resize the shorter side and cut the centre (else stretch)
 * @param scale pixel scale
 * @param mean per-channel mean, in the card's channel order
 * @param std per-channel standard deviation, in the card's channel order
 * @param outputName the output name, or null for the first output
 * @param semantics how to read the output
 * @param outputIndex the class index read from a multi-class output, or -1
 */
public record OnnxModelCard(Path file, String inputName, int size, boolean nhwc, boolean bgr, boolean centerCrop, double scale,
                            double[] mean, double[] std, String outputName, Semantics semantics, int outputIndex) {
    /** What the output value means. */
    public enum Semantics {
        /** A probability that the image is fake. */
        PROB_FAKE,
        /** A probability that the image is real. */
        PROB_REAL,
        /** A logit (log-odds) of fake. */
        LOGIT_FAKE,
        /** A logit of real. */
        LOGIT_REAL;

        /** Whether the value is a logit. */
        public boolean logit() {
            return this == LOGIT_FAKE || this == LOGIT_REAL;
        }

        /** Whether the value speaks for "real" (so the probability of fake is its complement). */
        public boolean real() {
            return this == PROB_REAL || this == LOGIT_REAL;
        }
    }

    /** Copies the arrays. */
    public OnnxModelCard {
        mean = mean.clone();
        std = std.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }

    /**
     * Reads and checks the keys.
     *
     * @throws DetectorException naming the file, the key and what it should be
     */
    public static OnnxModelCard read(DetectorDescriptor d) throws DetectorException {
        String where = d.folder().resolve(DetectorDescriptor.FILE_NAME).toString();
        String fileName = d.property("onnx.file", "");
        if (fileName.isEmpty()) {
            throw new DetectorException(where + ": onnx.file is missing (the ONNX network, relative to the model folder)");
        }
        Path file = d.folder().resolve(fileName).normalize();
        String inputName = auto(d.property("input.name", "auto"));
        int size;
        try {
            size = d.intProperty("input.size", 0);
        } catch (NumberFormatException e) {
            throw new DetectorException(where + ": input.size must be a whole number of pixels, not '" + d.property("input.size", "") + "'");
        }
        if (size < 0 || size > 4096) {
            throw new DetectorException(where + ": input.size must be in 1..4096, not " + size);
        }
        boolean nhwc = choice(d, where, "input.layout", "NCHW", "NCHW", "NHWC");
        boolean bgr = choice(d, where, "input.channel.order", "RGB", "RGB", "BGR");
        boolean crop = choice(d, where, "input.resize", "stretch", "stretch", "center-crop");
        double scale = number(d, where, "input.scale", 1 / 255.0);
        double[] mean = triple(d, where, "input.mean", 0);
        double[] std = triple(d, where, "input.std", 1);
        for (double s : std) {
            if (s == 0) {
                throw new DetectorException(where + ": input.std must not contain 0");
            }
        }
        String outputName = auto(d.property("output.name", "auto"));
        String sem = d.property("output.semantics", "prob_fake").toUpperCase(Locale.ROOT);
        Semantics semantics;
        try {
            semantics = Semantics.valueOf(sem);
        } catch (IllegalArgumentException e) {
            throw new DetectorException(where + ": output.semantics must be prob_fake, prob_real, logit_fake or logit_real, not '"
                    + d.property("output.semantics", "") + "'");
        }
        int index;
        try {
            index = d.intProperty("output.index", -1);
        } catch (NumberFormatException e) {
            throw new DetectorException(where + ": output.index must be a whole number, not '" + d.property("output.index", "") + "'");
        }
        if (index < -1) {
            throw new DetectorException(where + ": output.index must be 0 or more, not " + index);
        }
        return new OnnxModelCard(file, inputName, size, nhwc, bgr, crop, scale, mean, std, outputName, semantics, index);
    }

    private static String auto(String v) {
        return v.isEmpty() || v.equalsIgnoreCase("auto") ? null : v;
    }

    /** True for the second choice, false for the first; anything else is an error. */
    private static boolean choice(DetectorDescriptor d, String where, String key, String def, String first, String second)
            throws DetectorException {
        String v = d.property(key, def);
        if (v.equalsIgnoreCase(first)) {
            return false;
        }
        if (v.equalsIgnoreCase(second)) {
            return true;
        }
        throw new DetectorException(where + ": " + key + " must be " + first + " or " + second + ", not '" + v + "'");
    }

    private static double number(DetectorDescriptor d, String where, String key, double def) throws DetectorException {
        String v = d.property(key, "");
        if (v.isEmpty()) {
            return def;
        }
        try {
            double x = Double.parseDouble(v);
            if (Double.isFinite(x) && x != 0) {
                return x;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new DetectorException(where + ": " + key + " must be a non-zero number, not '" + v + "'");
    }

    private static double[] triple(DetectorDescriptor d, String where, String key, double def) throws DetectorException {
        String v = d.property(key, "");
        if (v.isEmpty()) {
            return new double[] {def, def, def};
        }
        String[] parts = v.split(",");
        if (parts.length != 3) {
            throw new DetectorException(where + ": " + key + " must be three comma-separated numbers (one per channel), not '" + v + "'");
        }
        double[] x = new double[3];
        for (int i = 0; i < 3; i++) {
            try {
                x[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new DetectorException(where + ": " + key + " must be three comma-separated numbers, not '" + v + "'");
            }
            if (!Double.isFinite(x[i])) {
                throw new DetectorException(where + ": " + key + " must be finite, not '" + v + "'");
            }
        }
        return x;
    }
}
