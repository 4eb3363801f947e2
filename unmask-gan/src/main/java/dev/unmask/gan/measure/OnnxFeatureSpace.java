package dev.unmask.gan.measure;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import dev.unmask.onnx.OnnxSessions;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Features from a user-supplied ONNX model run with ONNX Runtime: for the standard FID, the Inception-v3 network of
 * Heusel et al. 2017 (pool3, 2048 values per image, 299x299 input), which Unmask cannot ship or download.
 *
 * <p>What the model must look like, and how it is read:
 * <ul>
 *   <li>exactly one input, a float tensor of rank 4, either NCHW ({@code [N, 3, H, W]}) or NHWC
 *       ({@code [N, H, W, 3]}), told apart by where the 3 is; a fixed H and W is used as given, a dynamic one
 *       becomes 299;</li>
 *   <li>RGB values in the range the model was exported for ({@link InputRange}): {@code 0-1} for pytorch-fid's
 *       {@code InceptionV3} (it normalises inside), {@code 0-255} for graphs converted from the original TensorFlow
 *       FID network, {@code -1-1}, or {@code imagenet} (mean/std normalised, torchvision);</li>
 *   <li>the feature output: the only output, else the one with 2048 values per image, else the one whose name
 *       contains {@code pool}; the values per image are flattened ({@code [N, 2048, 1, 1]} is fine).</li>
 * </ul>
 * Each image's centre square is resized to H x W with {@link SquareResampler} (bilinear up, area down). The
 * features count as the standard FID set-up ({@link #comparableToPublishedFid()}) when the output has 2048 values
 * and the input is 299x299; whether the weights really are the FID Inception weights only the user can know, and
 * published FIDs also depend on the sample count (usually 50 000) and on the reference set.
 */
public final class OnnxFeatureSpace implements FeatureSpace {
    /** Side used when the model's input size is dynamic. */
    public static final int DEFAULT_SIDE = 299;
    /** Feature length of Inception-v3 pool3. */
    public static final int INCEPTION_POOL3 = 2048;
    /** Images per ONNX Runtime call. */
    static final int BATCH = 16;

    /** The value range a model expects its RGB input in. */
    public enum InputRange {
        /** [0, 1]. */
        UNIT("0-1"),
        /** [-1, 1]. */
        SYMMETRIC("-1-1"),
        /** [0, 255]. */
        BYTE("0-255"),
        /** (x - mean) / std with the ImageNet mean (0.485, 0.456, 0.406) and std (0.229, 0.224, 0.225), x in [0, 1]. */
        IMAGENET("imagenet");

        private final String label;

        InputRange(String label) {
            this.label = label;
        }

        /** The name used on the command line. */
        public String label() {
            return label;
        }

        /** Parses {@link #label()}. */
        public static InputRange parse(String s) {
            for (InputRange r : values()) {
                if (r.label.equalsIgnoreCase(s.trim())) {
                    return r;
                }
            }
            throw new IllegalArgumentException("input range must be one of 0-1, -1-1, 0-255, imagenet; got '" + s + "'");
        }

        float map(float unit, int channel) {
            return switch (this) {
                case UNIT -> unit;
                case SYMMETRIC -> unit * 2 - 1;
                case BYTE -> unit * 255;
                case IMAGENET -> (unit - MEAN[channel]) / STD[channel];
            };
        }
    }

    private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] STD = {0.229f, 0.224f, 0.225f};

    private final Path file;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final String input;
    private final String output;
    private final boolean nchw;
    private final int height;
    private final int width;
    private final InputRange range;
    private final int dimension;

    private OnnxFeatureSpace(Path file, OrtEnvironment env, OrtSession session, String input, String output, boolean nchw,
            int height, int width, InputRange range) throws IOException {
        this.file = file;
        this.env = env;
        this.session = session;
        this.input = input;
        this.output = output;
        this.nchw = nchw;
        this.height = height;
        this.width = width;
        this.range = range;
        this.dimension = run(List.of(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB)))[0].length;
    }

    /**
     * Opens {@code model}, detects its input and feature output and checks that it runs on one image.
     *
     * @param threads intra-op threads (0 = ONNX Runtime's default)
     * @throws IOException when the file is missing, is not an ONNX model, or its inputs and outputs do not fit
     *     the rules above (the message lists what the model has)
     */
    public static OnnxFeatureSpace open(Path model, InputRange range, int threads) throws IOException {
        if (!Files.isRegularFile(model)) {
            throw new IOException("no such ONNX model file: " + model);
        }
        OrtSession session = null;
        try {
            // through OnnxSessions: it switches ONNX Runtime's telemetry off before the first environment exists
            OrtEnvironment env = OnnxSessions.environment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            if (threads > 0) {
                options.setIntraOpNumThreads(threads);
            }
            session = env.createSession(model.toString(), options);
            Map<String, NodeInfo> inputs = session.getInputInfo();
            if (inputs.size() != 1) {
                throw new IOException(model + ": a feature model needs exactly one input, this one has " + describe(inputs));
            }
            NodeInfo in = inputs.values().iterator().next();
            if (!(in.getInfo() instanceof TensorInfo t) || t.type != OnnxJavaType.FLOAT || t.getShape().length != 4) {
                throw new IOException(model + ": input '" + in.getName() + "' must be a float tensor of rank 4, is " + in.getInfo());
            }
            long[] shape = t.getShape();
            boolean nchw;
            int h;
            int w;
            if (shape[1] == 3) {
                nchw = true;
                h = side(shape[2]);
                w = side(shape[3]);
            } else if (shape[3] == 3) {
                nchw = false;
                h = side(shape[1]);
                w = side(shape[2]);
            } else {
                throw new IOException(model + ": input '" + in.getName() + "' " + Arrays.toString(shape)
                        + " is neither [N, 3, H, W] nor [N, H, W, 3]");
            }
            String out = pickOutput(model, session.getOutputInfo());
            return new OnnxFeatureSpace(model, env, session, in.getName(), out, nchw, h, w, range);
        } catch (OrtException e) {
            closeQuietly(session);
            throw new IOException(model + ": ONNX Runtime cannot load or run it: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            closeQuietly(session);
            throw e;
        }
    }

    private static int side(long dim) {
        return dim > 0 ? (int) dim : DEFAULT_SIDE;
    }

    private static String pickOutput(Path model, Map<String, NodeInfo> outputs) throws IOException {
        if (outputs.size() == 1) {
            return outputs.keySet().iterator().next();
        }
        List<String> pool3 = new ArrayList<>();
        List<String> named = new ArrayList<>();
        for (NodeInfo n : outputs.values()) {
            if (n.getInfo() instanceof TensorInfo t && perSample(t.getShape()) == INCEPTION_POOL3) {
                pool3.add(n.getName());
            }
            if (n.getName().toLowerCase(Locale.ROOT).contains("pool")) {
                named.add(n.getName());
            }
        }
        if (pool3.size() == 1) {
            return pool3.get(0);
        }
        if (named.size() == 1) {
            return named.get(0);
        }
        throw new IOException(model + ": cannot tell which output holds the features (want the only output, the one "
                + "with 2048 values per image, or the one named *pool*); outputs: " + describe(outputs));
    }

    private static long perSample(long[] shape) {
        long n = 1;
        for (int i = 1; i < shape.length; i++) {
            if (shape[i] <= 0) {
                return -1;
            }
            n *= shape[i];
        }
        return n;
    }

    private static String describe(Map<String, NodeInfo> nodes) {
        List<String> parts = new ArrayList<>();
        for (NodeInfo n : nodes.values()) {
            parts.add(n.getName() + (n.getInfo() instanceof TensorInfo t ? " " + Arrays.toString(t.getShape()) : ""));
        }
        return parts.size() + " (" + String.join(", ", parts) + ")";
    }

    @Override
    public String name() {
        return comparableToPublishedFid() ? "Inception-v3 pool3 (ONNX)" : "ONNX:" + file.getFileName();
    }

    @Override
    public String description() {
        return "ONNX model " + file + ", input '" + input + "' " + (nchw ? "NCHW" : "NHWC") + " " + width + "x" + height
                + " RGB in " + range.label() + ", output '" + output + "' (" + dimension + " values per image)"
                + (comparableToPublishedFid() ? "; the standard FID set-up if these are the FID Inception-v3 weights"
                        : "; not the Inception-v3 pool3 shape (2048 values at 299x299), so not comparable to published FID");
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public boolean comparableToPublishedFid() {
        return dimension == INCEPTION_POOL3 && height == DEFAULT_SIDE && width == DEFAULT_SIDE;
    }

    /** Name of the input used. */
    public String inputName() {
        return input;
    }

    /** Name of the feature output used. */
    public String outputName() {
        return output;
    }

    /** Whether the input is NCHW (else NHWC). */
    public boolean channelsFirst() {
        return nchw;
    }

    @Override
    public float[][] features(List<BufferedImage> images) throws IOException {
        return run(images);
    }

    private float[][] run(List<BufferedImage> images) throws IOException {
        float[][] out = new float[images.size()][];
        int plane = height * width;
        for (int start = 0; start < images.size(); start += BATCH) {
            int n = Math.min(BATCH, images.size() - start);
            FloatBuffer buf = FloatBuffer.allocate(n * 3 * plane);
            for (int i = 0; i < n; i++) {
                BufferedImage img = images.get(start + i);
                float[][] rgb = height == width ? SquareResampler.rgb(img, width) : stretch(img);
                for (int c = 0; c < 3; c++) {
                    for (int p = 0; p < plane; p++) {
                        int at = nchw ? (i * 3 + c) * plane + p : (i * plane + p) * 3 + c;
                        buf.put(at, range.map(rgb[c][p], c));
                    }
                }
            }
            long[] shape = nchw ? new long[] {n, 3, height, width} : new long[] {n, height, width, 3};
            try (OnnxTensor t = OnnxTensor.createTensor(env, buf, shape);
                    OrtSession.Result r = session.run(Map.of(input, t), Set.of(output))) {
                OnnxValue v = r.get(output).orElseThrow(() -> new IOException(file + ": output '" + output + "' missing"));
                if (!(v instanceof OnnxTensor ot) || ot.getInfo().type != OnnxJavaType.FLOAT) {
                    throw new IOException(file + ": output '" + output + "' is not a float tensor");
                }
                FloatBuffer fb = ot.getFloatBuffer();
                int per = fb.remaining() / n;
                if (per * n != fb.remaining() || per == 0) {
                    throw new IOException(file + ": output '" + output + "' has " + fb.remaining() + " values for " + n + " images");
                }
                for (int i = 0; i < n; i++) {
                    float[] f = new float[per];
                    fb.get(f);
                    out[start + i] = f;
                }
            } catch (OrtException e) {
                throw new IOException(file + ": ONNX Runtime failed: " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** Non-square model inputs: resize the centre square to the larger side, then take the centre H x W window. */
    private float[][] stretch(BufferedImage img) {
        int s = Math.max(height, width);
        float[][] sq = SquareResampler.rgb(img, s);
        float[][] out = new float[3][height * width];
        int oy = (s - height) / 2;
        int ox = (s - width) / 2;
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < height; y++) {
                System.arraycopy(sq[c], (y + oy) * s + ox, out[c], y * width, width);
            }
        }
        return out;
    }

    @Override
    public void close() {
        closeQuietly(session);
    }

    private static void closeQuietly(OrtSession s) {
        if (s != null) {
            try {
                s.close();
            } catch (OrtException e) {
                // closing a session only frees native memory; nothing to report
            }
        }
    }
}
