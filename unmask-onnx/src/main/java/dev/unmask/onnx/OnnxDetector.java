package dev.unmask.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.unmask.api.detector.Detector;
import dev.unmask.api.detector.DetectorDescriptor;
import dev.unmask.api.detector.DetectorException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * A bring-your-own ONNX classifier run as an Unmask detector, fed and read as its {@link OnnxModelCard} says. The
 * card is checked against the network's real input and output shapes when the model loads, so a wrong layout, size
 * or class count is reported then, with the shapes, and not as nonsense probabilities later. Thread-safe.
 */
final class OnnxDetector implements Detector {
    private final DetectorDescriptor descriptor;
    private final OnnxModelCard card;
    private final OrtSession session;
    private final String input;
    private final String output;
    private final int size;
    private final int classes;
    private final long[] inputShape;

    private OnnxDetector(DetectorDescriptor descriptor, OnnxModelCard card, OrtSession session, String input, String output, int size,
                         int classes) {
        this.descriptor = descriptor;
        this.card = card;
        this.session = session;
        this.input = input;
        this.output = output;
        this.size = size;
        this.classes = classes;
        this.inputShape = card.nhwc() ? new long[] {1, size, size, 3} : new long[] {1, 3, size, size};
    }

    /** Loads the network and checks the card against it. */
    static OnnxDetector open(DetectorDescriptor d, OnnxModelCard card) throws DetectorException {
        OrtSession session;
        try {
            session = OnnxSessions.open(card.file());
        } catch (IOException e) {
            throw new DetectorException(d.folder() + ": onnx.file " + card.file().getFileName() + " does not exist (" + card.file() + ")", e);
        } catch (OrtException e) {
            throw new DetectorException(card.file() + ": ONNX Runtime cannot load it: " + e.getMessage(), e);
        }
        try {
            String in = pick("input", card.inputName(), session.getInputInfo(), card.file().toString(), "input.name");
            int size = checkInput(card, card.file().toString(), in, tensor(session.getInputInfo().get(in), "input", card));
            String out = pick("output", card.outputName(), session.getOutputInfo(), card.file().toString(), "output.name");
            int classes = checkOutput(card, card.file().toString(), out, tensor(session.getOutputInfo().get(out), "output", card));
            return new OnnxDetector(d, card, session, in, out, size, classes);
        } catch (DetectorException | RuntimeException e) {
            closeQuietly(session);
            throw e;
        } catch (OrtException e) {
            closeQuietly(session);
            throw new DetectorException(card.file() + ": cannot read the model's inputs and outputs: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(OrtSession s) {
        try {
            s.close();
        } catch (OrtException e) {
            // the load failed already; that message is the one to show
        }
    }

    private static String pick(String what, String wanted, Map<String, NodeInfo> infos, String file, String key) throws DetectorException {
        if (wanted != null) {
            if (!infos.containsKey(wanted)) {
                throw new DetectorException(file + ": the model has no " + what + " '" + wanted + "' (" + key + "); its " + what + "s: "
                        + String.join(", ", infos.keySet()));
            }
            return wanted;
        }
        if (what.equals("input") && infos.size() != 1) {
            throw new DetectorException(file + ": the model has " + infos.size() + " inputs (" + String.join(", ", infos.keySet())
                    + "); name the image input with input.name");
        }
        return infos.keySet().iterator().next();
    }

    private static TensorInfo tensor(NodeInfo info, String what, OnnxModelCard card) throws DetectorException {
        if (!(info.getInfo() instanceof TensorInfo t)) {
            throw new DetectorException(card.file() + ": " + what + " '" + info.getName() + "' is not a tensor (" + info.getInfo() + ")");
        }
        if (t.type != OnnxJavaType.FLOAT) {
            throw new DetectorException(card.file() + ": " + what + " '" + info.getName() + "' holds " + t.type + ", but a detector "
                    + what + " must be 32-bit float");
        }
        return t;
    }

    /** Checks rank, batch, channels and size; returns the side length to feed. */
    static int checkInput(OnnxModelCard card, String file, String name, TensorInfo t) throws DetectorException {
        long[] s = t.getShape();
        String shape = Arrays.toString(s);
        if (s.length != 4) {
            throw new DetectorException(file + ": input '" + name + "' has shape " + shape + " (rank " + s.length
                    + "); an image input must have rank 4 (NCHW or NHWC)");
        }
        if (s[0] != 1 && s[0] != -1) {
            throw new DetectorException(file + ": input '" + name + "' has a fixed batch of " + s[0] + " " + shape
                    + "; Unmask feeds one image at a time (batch 1 or dynamic)");
        }
        int c = card.nhwc() ? 3 : 1;
        int other = card.nhwc() ? 1 : 3;
        if (s[c] != 3 && s[c] != -1) {
            String hint = s[other] == 3 ? "; it looks " + (card.nhwc() ? "NCHW" : "NHWC") + ": set input.layout="
                    + (card.nhwc() ? "NCHW" : "NHWC") : "; a detector input takes 3 colour channels";
            throw new DetectorException(file + ": input '" + name + "' has shape " + shape + ", which has " + s[c] + " channels where input.layout="
                    + (card.nhwc() ? "NHWC" : "NCHW") + " puts them" + hint);
        }
        long h = card.nhwc() ? s[1] : s[2];
        long w = card.nhwc() ? s[2] : s[3];
        if (h != -1 && w != -1 && h != w) {
            throw new DetectorException(file + ": input '" + name + "' takes " + w + "x" + h + " pixels; only square inputs are supported");
        }
        long fixed = h != -1 ? h : w;
        if (card.size() > 0) {
            if (fixed != -1 && fixed != card.size()) {
                throw new DetectorException(file + ": input '" + name + "' takes " + fixed + "x" + fixed + " pixels " + shape
                        + ", but the card says input.size=" + card.size());
            }
            return card.size();
        }
        if (fixed == -1) {
            throw new DetectorException(file + ": input '" + name + "' has no fixed size " + shape + "; set input.size");
        }
        return (int) fixed;
    }

    /** Checks the output's values per image against the semantics and index; returns the class count (-1 unknown). */
    static int checkOutput(OnnxModelCard card, String file, String name, TensorInfo t) throws DetectorException {
        long[] s = t.getShape();
        String shape = Arrays.toString(s);
        if (s.length == 0) {
            return 1;
        }
        if (s[0] != 1 && s[0] != -1) {
            throw new DetectorException(file + ": output '" + name + "' has a fixed batch of " + s[0] + " " + shape);
        }
        long k = 1;
        for (int i = 1; i < s.length; i++) {
            if (s[i] == -1) {
                k = -1;
                break;
            }
            k *= s[i];
        }
        if (k == 1 && card.outputIndex() > 0) {
            throw new DetectorException(file + ": output.index=" + card.outputIndex() + " but output '" + name + "' has one value per image "
                    + shape);
        }
        if (k > 1) {
            if (card.outputIndex() < 0) {
                throw new DetectorException(file + ": output '" + name + "' has " + k + " values per image " + shape
                        + "; set output.index to the class to read (the fake class for *_fake semantics, the real class for *_real)");
            }
            if (card.outputIndex() >= k) {
                throw new DetectorException(file + ": output.index=" + card.outputIndex() + " but output '" + name + "' has only " + k
                        + " classes " + shape);
            }
        }
        return (int) k;
    }

    @Override
    public DetectorDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public double probabilityFake(BufferedImage image) throws DetectorException {
        float[] x = OnnxInput.tensor(image, card, size);
        try {
            OrtEnvironment env = OnnxSessions.environment();
            try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), inputShape);
                 OrtSession.Result r = session.run(Map.of(input, t), Set.of(output))) {
                OnnxValue v = r.get(0);
                if (!(v instanceof OnnxTensor out)) {
                    throw new DetectorException(card.file() + ": output '" + output + "' is not a tensor");
                }
                FloatBuffer fb = out.getFloatBuffer();
                float[] values = new float[fb.remaining()];
                fb.get(values);
                return read(values);
            }
        } catch (OrtException e) {
            throw new DetectorException(card.file() + ": inference failed: " + e.getMessage(), e);
        }
    }

    /** The probability of "fake" from one image's output values, per the card's semantics. */
    double read(float[] values) throws DetectorException {
        if (values.length == 0 || (classes > 0 && values.length != classes)) {
            throw new DetectorException(card.file() + ": output '" + output + "' gave " + values.length + " values, expected " + classes);
        }
        int idx = values.length == 1 ? 0 : card.outputIndex();
        if (idx < 0 || idx >= values.length) {
            throw new DetectorException(card.file() + ": output '" + output + "' gave " + values.length
                    + " values; output.index must name one of them");
        }
        double q;
        if (card.semantics().logit()) {
            if (values.length == 1) {
                q = 1 / (1 + Math.exp(-values[0]));
            } else {
                double max = Double.NEGATIVE_INFINITY;
                for (float v : values) {
                    max = Math.max(max, v);
                }
                double sum = 0;
                for (float v : values) {
                    sum += Math.exp(v - max);
                }
                q = Math.exp(values[idx] - max) / sum;
            }
        } else {
            q = values[idx];
            if (!(q >= -1e-6 && q <= 1 + 1e-6)) {
                throw new DetectorException(card.file() + ": output '" + output + "' gave " + q + ", which is not a probability; "
                        + "if the network outputs logits, set output.semantics=" + (card.semantics().real() ? "logit_real" : "logit_fake"));
            }
            q = Math.max(0, Math.min(1, q));
        }
        if (!Double.isFinite(q)) {
            throw new DetectorException(card.file() + ": output '" + output + "' is not a finite number");
        }
        return card.semantics().real() ? 1 - q : q;
    }

    @Override
    public void close() {
        closeQuietly(session);
    }
}
