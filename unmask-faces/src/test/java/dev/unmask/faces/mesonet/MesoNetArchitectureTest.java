package dev.unmask.faces.mesonet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Checks the rebuilt networks layer by layer against the published architecture: every layer's type, output shape
 * and parameter count as Keras's {@code model.summary()} lists them for the reference code (DariusAf/MesoNet
 * {@code classifiers.py}, written out below by hand), the totals, and the trainable counts the paper reports
 * (Afchar et al. 2018: 27,977 for Meso-4, 28,615 for MesoInception-4). Loading also checks every weight array's
 * shape against the layer that receives it.
 */
class MesoNetArchitectureTest {
    /** Keras summary of Meso4 (input 256x256x3), one row per layer: type, output shape, parameters. */
    static final String MESO4 = """
            Conv2D (256, 256, 8) 224
            BatchNormalization (256, 256, 8) 32
            MaxPooling2D (128, 128, 8) 0
            Conv2D (128, 128, 8) 1608
            BatchNormalization (128, 128, 8) 32
            MaxPooling2D (64, 64, 8) 0
            Conv2D (64, 64, 16) 3216
            BatchNormalization (64, 64, 16) 64
            MaxPooling2D (32, 32, 16) 0
            Conv2D (32, 32, 16) 6416
            BatchNormalization (32, 32, 16) 64
            MaxPooling2D (8, 8, 16) 0
            Flatten (1024) 0
            Dropout (1024) 0
            Dense (16) 16400
            LeakyReLU (16) 0
            Dropout (16) 0
            Dense (1) 17
            """;

    /**
     * Keras summary of MesoInception4, in creation order: each inception module's convolutions (branch 1: 1x1;
     * branch 2: 1x1, 3x3; branch 3: 1x1, 3x3 dilation 2; branch 4: 1x1, 3x3 dilation 3), then its Concatenate.
     */
    static final String MESO_INCEPTION4 = """
            Conv2D (256, 256, 1) 4
            Conv2D (256, 256, 4) 16
            Conv2D (256, 256, 4) 148
            Conv2D (256, 256, 4) 16
            Conv2D (256, 256, 4) 148
            Conv2D (256, 256, 2) 8
            Conv2D (256, 256, 2) 38
            Concatenate (256, 256, 11) 0
            BatchNormalization (256, 256, 11) 44
            MaxPooling2D (128, 128, 11) 0
            Conv2D (128, 128, 2) 24
            Conv2D (128, 128, 4) 48
            Conv2D (128, 128, 4) 148
            Conv2D (128, 128, 4) 48
            Conv2D (128, 128, 4) 148
            Conv2D (128, 128, 2) 24
            Conv2D (128, 128, 2) 38
            Concatenate (128, 128, 12) 0
            BatchNormalization (128, 128, 12) 48
            MaxPooling2D (64, 64, 12) 0
            Conv2D (64, 64, 16) 4816
            BatchNormalization (64, 64, 16) 64
            MaxPooling2D (32, 32, 16) 0
            Conv2D (32, 32, 16) 6416
            BatchNormalization (32, 32, 16) 64
            MaxPooling2D (8, 8, 16) 0
            Flatten (1024) 0
            Dropout (1024) 0
            Dense (16) 16400
            LeakyReLU (16) 0
            Dropout (16) 0
            Dense (1) 17
            """;

    @ParameterizedTest
    @EnumSource(MesoNet.Weights.class)
    void everyLayerMatchesThePublishedArchitecture(MesoNet.Weights weights) {
        MesoNet net = MesoNet.load(weights);
        String expected = weights.architecture() == MesoNetArchitecture.MESO4 ? MESO4 : MESO_INCEPTION4;
        String actual = net.summary().stream().map(r -> r.type() + " " + r.outputShape() + " " + r.params())
                .collect(Collectors.joining("\n", "", "\n"));
        assertEquals(expected, actual, weights + " layer table");
        int[] counts = net.parameterCounts();
        int sumOfRows = expected.lines().mapToInt(l -> Integer.parseInt(l.substring(l.lastIndexOf(' ') + 1))).sum();
        assertEquals(sumOfRows, counts[0], "total parameters equal the table's sum");
        boolean meso4 = weights.architecture() == MesoNetArchitecture.MESO4;
        assertEquals(meso4 ? 28_073 : 28_725, counts[0], "total parameters");
        assertEquals(meso4 ? 27_977 : 28_615, counts[0] - counts[1], "trainable parameters reported in the paper");
        assertEquals("2.1.5", net.kerasVersion());
    }

    @Test
    void weightsOfTheOtherArchitectureAreRefusedNamingTheLayer() throws IOException {
        byte[] inception = resource(MesoNet.Weights.MESO_INCEPTION_DF);
        IOException e = assertThrows(IOException.class,
                () -> MesoNet.load(MesoNet.Weights.MESO4_DF, inception, "MesoInception_DF.h5"));
        assertTrue(e.getMessage().contains("MesoInception_DF.h5: layer conv2d_1 has weight shapes [(1, 1, 3, 1), (1)]")
                && e.getMessage().contains("expects [(3, 3, 3, 8), (8)]"), e.getMessage());
        byte[] meso4 = resource(MesoNet.Weights.MESO4_DF);
        IOException e2 = assertThrows(IOException.class,
                () -> MesoNet.load(MesoNet.Weights.MESO_INCEPTION_DF, meso4, "Meso4_DF.h5"));
        assertTrue(e2.getMessage().startsWith("Meso4_DF.h5: layer conv2d_5 has weight shapes [(3, 3, 3, 8), (8)]"),
                e2.getMessage());
    }

    @Test
    void aFileThatIsNotHdf5IsRefused() {
        IOException e = assertThrows(IOException.class, () -> MesoNet.load(MesoNet.Weights.MESO4_DF,
                "not an HDF5 file at all".getBytes(java.nio.charset.StandardCharsets.US_ASCII), "broken.h5"));
        assertTrue(e.getMessage().startsWith("broken.h5 is not a readable Keras HDF5 weights file"), e.getMessage());
    }

    @Test
    void layerTablesListEveryWeightedLayerOfTheFiles() {
        // Meso4: 4 conv + 4 batch-norm + 2 dense = 10 weighted layers; MesoInception: 16 conv + 4 + 2 = 22
        for (MesoNet.Weights w : MesoNet.Weights.values()) {
            List<MesoNetArchitecture.SummaryRow> rows = MesoNet.load(w).summary();
            long weighted = rows.stream().filter(r -> r.params() > 0).count();
            assertEquals(w.architecture() == MesoNetArchitecture.MESO4 ? 10 : 22, weighted, w.name());
        }
    }

    private static byte[] resource(MesoNet.Weights w) throws IOException {
        try (InputStream in = MesoNet.class.getResourceAsStream(w.resource())) {
            return in.readAllBytes();
        }
    }
}
