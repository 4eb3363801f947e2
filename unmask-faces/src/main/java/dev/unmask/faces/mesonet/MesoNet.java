package dev.unmask.faces.mesonet;

import dev.unmask.core.imaging.Planes;
import dev.unmask.core.imaging.Scaling;
import dev.unmask.faces.FaceScorer;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * MesoNet (Afchar et al., WIFS 2018) in pure Java: the {@link MesoNetArchitecture} with the published Keras
 * weights, read with jHDF from the class path. The network's sigmoid output is the probability that the face is
 * real (the reference code's class order: {@code df} = 0, {@code real} = 1); {@link #probabilityFake} returns
 * {@code 1 - output}.
 *
 * <p>Input: the crop resized to 256&times;256 (bilinear), RGB scaled to [0, 1] as the reference pipeline's
 * {@code rescale=1/255}. Stateless after loading and thread-safe. About 74 million multiply-adds per face for
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

    private final Weights weights;
    private final List<Layer> layers;
    private final String kerasVersion;

    private MesoNet(Weights weights, List<Layer> layers, String kerasVersion) {
        this.weights = weights;
        this.layers = layers;
        this.kerasVersion = kerasVersion;
    }

    /**
     * Loads the network with published weights from the class path.
     *
     * @throws UncheckedIOException when the resource is missing or does not fit the architecture (a broken build)
     */
    public static MesoNet load(Weights weights) {
        try (InputStream in = MesoNet.class.getResourceAsStream(weights.resource())) {
            if (in == null) {
                throw new IOException("resource " + weights.resource() + " is missing from the class path");
            }
            return load(weights, in.readAllBytes(), weights.resource());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + weights.displayName + ": " + e.getMessage(), e);
        }
    }

    /**
     * Builds the network of {@code weights.architecture()} from HDF5 bytes.
     *
     * @throws IOException when the file is not a Keras weights file or its layers do not fit the architecture
     */
    static MesoNet load(Weights weights, byte[] h5, String source) throws IOException {
        KerasWeights w = KerasWeights.read(h5, source);
        return new MesoNet(weights, weights.architecture().build(w), w.kerasVersion());
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
        FeatureMap x = FeatureMap.fromChannelsLast(s, s, 3, input);
        for (Layer l : layers) {
            x = l.forward(x);
        }
        return x.data[0];
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
        return String.format(Locale.ROOT, "%s (%s)", weights.displayName, weights.resource());
    }
}
