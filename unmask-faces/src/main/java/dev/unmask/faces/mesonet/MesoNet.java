package dev.unmask.faces.mesonet;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.unmask.core.imaging.Planes;
import dev.unmask.core.imaging.Scaling;
import dev.unmask.faces.FaceScorer;
import dev.unmask.onnx.OnnxSessions;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * MesoNet (Afchar et al., WIFS 2018): the {@link MesoNetArchitecture} with the published Keras weights, read with
 * jHDF from the class path, run by one of two {@link Backend}s on the same weight arrays: ONNX Runtime on a graph
 * built from the layers at load time ({@link MesoNetOnnxGraph}, the default, several times faster) or the pure-Java
 * layers (the reference implementation, checked against PyTorch). {@value #BACKEND_PROPERTY} chooses the default
 * for {@link #load(Weights)}. The network's sigmoid output is the probability that the face is
 * real (the reference code's class order: {@code df} = 0, {@code real} = 1); {@link #probabilityFake} returns
 * {@code 1 - output}.
 *
 * <p>Input: the crop resized to 256&times;256 (bilinear), RGB scaled to [0, 1] as the reference pipeline's
 * {@code rescale=1/255}. Stateless after loading and thread-safe; {@link #close()} frees the ONNX Runtime session.
 * About 74 million multiply-adds per face for
 * Meso-4, 57 million for MesoInception-4.
 */
public final class MesoNet implements FaceScorer {
    /** The published weight files. */
    public enum Weights {
        /** Meso-4 trained on the Deepfake (face swap) set. */
        MESO4_DF("meso4", MesoNetArchitecture.MESO4, "Meso4_DF.h5", "MesoNet Meso-4 (Deepfake weights)"),
        /** Meso-4 trained on Face2Face (reenactment). */
        MESO4_F2F("meso4-f2f", MesoNetArchitecture.MESO4, "Meso4_F2F.h5", "MesoNet Meso-4 (Face2Face weights)"),
        /** MesoInception-4 trained on the Deepfake set. */
        MESO_INCEPTION_DF("mesoinception", MesoNetArchitecture.MESO_INCEPTION4, "MesoInception_DF.h5",
                "MesoNet MesoInception-4 (Deepfake weights)"),
        /** MesoInception-4 trained on Face2Face. */
        MESO_INCEPTION_F2F("mesoinception-f2f", MesoNetArchitecture.MESO_INCEPTION4, "MesoInception_F2F.h5",
                "MesoNet MesoInception-4 (Face2Face weights)");

        private final String id;
        private final MesoNetArchitecture architecture;
        private final String file;
        private final String displayName;

        Weights(String id, MesoNetArchitecture architecture, String file, String displayName) {
            this.id = id;
            this.architecture = architecture;
            this.file = file;
            this.displayName = displayName;
        }

        /** The scorer id, e.g. {@code meso4}. */
        public String id() {
            return id;
        }

        /** The architecture the file belongs to. */
        public MesoNetArchitecture architecture() {
            return architecture;
        }

        /** Class-path resource of the HDF5 file. */
        public String resource() {
            return "/dev/unmask/faces/mesonet/" + file;
        }

        /** The weights with scorer id {@code id}, case-insensitive. */
        public static Weights byId(String id) {
            for (Weights w : values()) {
                if (w.id.equalsIgnoreCase(id.trim())) {
                    return w;
                }
            }
            throw new IllegalArgumentException("unknown MesoNet weights '" + id + "'");
        }
    }

    /**
     * One direct input buffer per thread, shared by all networks (ONNX Runtime reads a direct buffer in place; a heap
     * array would be copied into a new direct buffer on every call, and those are freed only by garbage collection).
     */
    private static final ThreadLocal<FloatBuffer> INPUT_BUFFER = ThreadLocal.withInitial(() -> ByteBuffer
            .allocateDirect(4 * 3 * MesoNetArchitecture.INPUT_SIZE * MesoNetArchitecture.INPUT_SIZE)
            .order(ByteOrder.nativeOrder()).asFloatBuffer());

    /** System property naming the default backend: {@code onnx} (the default) or {@code java}. */
    public static final String BACKEND_PROPERTY = "unmask.mesonet.backend";

    /** What runs the network. Both compute the same function of the same weights (outputs agree within 1e-5). */
    public enum Backend {
        /** ONNX Runtime on a graph built in memory from the loaded layers; intra-op threads from unmask.onnx.threads. */
        ONNX_RUNTIME("onnx"),
        /** The pure-Java layers: the reference implementation. */
        JAVA("java");

        private final String id;

        Backend(String id) {
            this.id = id;
        }

        /** The value of {@value MesoNet#BACKEND_PROPERTY} that selects this backend. */
        public String id() {
            return id;
        }

        /**
         * The backend {@value MesoNet#BACKEND_PROPERTY} names, {@link #ONNX_RUNTIME} when it is unset.
         *
         * @throws IllegalArgumentException when the property names no backend
         */
        public static Backend configured() {
            String v = System.getProperty(BACKEND_PROPERTY, ONNX_RUNTIME.id).trim();
            for (Backend b : values()) {
                if (b.id.equalsIgnoreCase(v)) {
                    return b;
                }
            }
            throw new IllegalArgumentException(BACKEND_PROPERTY + " must be 'onnx' or 'java', was '" + v + "'");
        }
    }

    private final Weights weights;
    private final List<Layer> layers;
    private final String kerasVersion;
    private final Backend backend;
    /** The ONNX Runtime session ({@link Backend#ONNX_RUNTIME} only, else null) and its environment. */
    private final OrtSession session;
    private final OrtEnvironment environment;
    private volatile boolean closed;

    private MesoNet(Weights weights, List<Layer> layers, String kerasVersion, Backend backend) {
        this.weights = weights;
        this.layers = layers;
        this.kerasVersion = kerasVersion;
        this.backend = backend;
        if (backend == Backend.ONNX_RUNTIME) {
            byte[] graph = MesoNetOnnxGraph.build(layers);
            try {
                this.environment = OnnxSessions.environment();
                this.session = OnnxSessions.open(graph, OnnxSessions.threads());
            } catch (OrtException e) {
                throw new IllegalStateException("ONNX Runtime cannot load the graph built for " + weights.displayName
                        + ": " + e.getMessage(), e);
            }
        } else {
            this.environment = null;
            this.session = null;
        }
    }

    /**
     * Loads the network with published weights from the class path, on the backend {@value #BACKEND_PROPERTY}
     * names (ONNX Runtime by default).
     *
     * @throws UncheckedIOException when the resource is missing or does not fit the architecture (a broken build)
     */
    public static MesoNet load(Weights weights) {
        return load(weights, Backend.configured());
    }

    /**
     * Loads the network with published weights from the class path, run by {@code backend}.
     *
     * @throws UncheckedIOException when the resource is missing or does not fit the architecture (a broken build)
     * @throws IllegalStateException when ONNX Runtime cannot load the graph (a broken installation)
     */
    public static MesoNet load(Weights weights, Backend backend) {
        try (InputStream in = MesoNet.class.getResourceAsStream(weights.resource())) {
            if (in == null) {
                throw new IOException("resource " + weights.resource() + " is missing from the class path");
            }
            return load(weights, in.readAllBytes(), weights.resource(), backend);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + weights.displayName + ": " + e.getMessage(), e);
        }
    }

    /** As {@link #load(Weights, byte[], String, Backend)} on the configured backend. */
    static MesoNet load(Weights weights, byte[] h5, String source) throws IOException {
        return load(weights, h5, source, Backend.configured());
    }

    /**
     * Builds the network of {@code weights.architecture()} from HDF5 bytes.
     *
     * @throws IOException when the file is not a Keras weights file or its layers do not fit the architecture
     */
    static MesoNet load(Weights weights, byte[] h5, String source, Backend backend) throws IOException {
        KerasWeights w = KerasWeights.read(h5, source);
        return new MesoNet(weights, weights.architecture().build(w), w.kerasVersion(), backend);
    }

    /** The ONNX graph of this network's layers (what the ONNX Runtime backend runs). */
    byte[] onnxGraph() {
        return MesoNetOnnxGraph.build(layers);
    }

    /** Which backend runs this network. */
    public Backend backend() {
        return backend;
    }

    @Override
    public String id() {
        return weights.id;
    }

    @Override
    public String name() {
        return weights.displayName;
    }

    @Override
    public int inputSize() {
        return MesoNetArchitecture.INPUT_SIZE;
    }

    /** Which weights this network carries. */
    public Weights weights() {
        return weights;
    }

    /** The Keras version that wrote the weights. */
    public String kerasVersion() {
        return kerasVersion;
    }

    @Override
    public double probabilityFake(BufferedImage alignedCrop) {
        return 1 - probabilityReal(alignedCrop);
    }

    /** The network's own output: the probability that the face is real. */
    public double probabilityReal(BufferedImage alignedCrop) {
        return forward(toInput(alignedCrop));
    }

    /**
     * Runs the network on a 256&times;256&times;3 channels-last input in [0, 1].
     *
     * @return the sigmoid output (1 = real)
     */
    public double forward(float[] input) {
        return 1 / (1 + Math.exp(-logit(input)));
    }

    /** The last layer's value before the sigmoid (positive = real), for comparisons that must not saturate. */
    public double logit(float[] input) {
        int s = MesoNetArchitecture.INPUT_SIZE;
        if (input.length != s * s * 3) {
            throw new IllegalArgumentException("MesoNet input must be 256x256x3, got " + input.length + " values");
        }
        if (session != null) {
            return onnxLogit(input);
        }
        FeatureMap x = FeatureMap.fromChannelsLast(s, s, 3, input);
        for (Layer l : layers) {
            x = l.forward(x);
        }
        return x.data[0];
    }

    private double onnxLogit(float[] input) {
        if (closed) {
            throw new IllegalStateException(weights.displayName + " is closed");
        }
        int s = MesoNetArchitecture.INPUT_SIZE;
        FloatBuffer buffer = INPUT_BUFFER.get().put(0, input);
        try (OnnxTensor tensor = OnnxTensor.createTensor(environment, buffer, new long[] {1, s, s, 3});
             OrtSession.Result result = session.run(Map.of(MesoNetOnnxGraph.INPUT, tensor))) {
            return ((float[][]) result.get(0).getValue())[0][0];
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on " + weights.displayName + ": " + e.getMessage(), e);
        }
    }

    /** Frees the ONNX Runtime session, once; the network cannot run afterwards. A no-op for the Java backend. */
    @Override
    public synchronized void close() {
        if (!closed && session != null) {
            closed = true;
            try {
                session.close();
            } catch (OrtException e) {
                throw new IllegalStateException("cannot close the ONNX Runtime session of " + weights.displayName, e);
            }
        }
    }

    /** The crop as the network's input: resized to 256&times;256 if needed, RGB in [0, 1], channels-last. */
    public static float[] toInput(BufferedImage crop) {
        int s = MesoNetArchitecture.INPUT_SIZE;
        BufferedImage img = crop.getWidth() == s && crop.getHeight() == s ? Planes.toRgb(crop)
                : Scaling.resize(crop, s, s, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        int[] px = Planes.rgbPixels(img);
        float[] out = new float[s * s * 3];
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            out[3 * i] = ((p >> 16) & 0xff) / 255f;
            out[3 * i + 1] = ((p >> 8) & 0xff) / 255f;
            out[3 * i + 2] = (p & 0xff) / 255f;
        }
        return out;
    }

    /** The Keras-style summary of the loaded network (see {@link MesoNetArchitecture#summary}). */
    List<MesoNetArchitecture.SummaryRow> summary() {
        return MesoNetArchitecture.summary(layers);
    }

    /** Total and non-trainable parameter counts. */
    int[] parameterCounts() {
        int total = 0;
        int fixed = 0;
        for (Layer l : layers) {
            total += l.params();
            fixed += l.nonTrainableParams();
        }
        return new int[] {total, fixed};
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (%s, %s)", weights.displayName, weights.resource(), backend.id);
    }
}
