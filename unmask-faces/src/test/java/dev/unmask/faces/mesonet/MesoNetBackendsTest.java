package dev.unmask.faces.mesonet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.unmask.core.imaging.Codecs;
import dev.unmask.faces.Face;
import dev.unmask.faces.FaceAligner;
import dev.unmask.faces.FaceDetector;
import dev.unmask.testkit.TestData;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import dev.unmask.testkit.ExternalCommands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The ONNX Runtime backend (a graph built from the Keras weights by {@link MesoNetOnnxGraph}) computes what the
 * pure-Java reference layers compute: on aligned face crops of the camera photos (BlazeFace detections, the crops the
 * faces analyzer scores) and on random inputs, for all four weight files, and from several threads at once.
 */
class MesoNetBackendsTest {
    /** Largest allowed difference of the sigmoid outputs (the task's bound). */
    static final double OUTPUT_TOLERANCE = 1e-5;
    /** Largest allowed logit difference: float32 sums in another order (as MesoNetReferenceTest's PyTorch bound). */
    static final double LOGIT_TOLERANCE = 1e-3;
    private static final String PYTHON = ExternalCommands.PYTHON;

    private static final List<float[]> FACES = new ArrayList<>();
    private static final List<float[]> RANDOM = new ArrayList<>();

    @BeforeAll
    static void inputs() throws Exception {
        try (FaceDetector d = FaceDetector.open()) {
            for (String photo : List.of("camera-jpeg/sample1.jpg", "camera-jpeg/sample3.jpg")) {
                BufferedImage img = Codecs.decodeTrusted(Files.readAllBytes(TestData.file(photo)));
                for (Face f : d.detect(img)) {
                    FACES.add(MesoNet.toInput(FaceAligner.crop(img, f, 256, FaceAligner.DEFAULT_MARGIN)));
                }
            }
        }
        Random rnd = new Random(20181211);
        for (int i = 0; i < 3; i++) {
            float[] x = new float[256 * 256 * 3];
            for (int j = 0; j < x.length; j++) {
                x[j] = rnd.nextFloat();
            }
            RANDOM.add(x);
        }
    }

    @AfterAll
    static void release() {
        FACES.clear();
        RANDOM.clear();
    }

    @ParameterizedTest
    @EnumSource(MesoNet.Weights.class)
    void onnxRuntimeEqualsTheJavaLayersOnFacesAndNoise(MesoNet.Weights weights) {
        assertTrue(FACES.size() >= 4, "the camera photos give at least 4 faces, got " + FACES.size());
        MesoNet java = MesoNet.load(weights, MesoNet.Backend.JAVA);
        try (MesoNet onnx = MesoNet.load(weights, MesoNet.Backend.ONNX_RUNTIME)) {
            assertEquals(MesoNet.Backend.ONNX_RUNTIME, onnx.backend());
            double maxOut = 0;
            double maxLogit = 0;
            double minLogit = Double.MAX_VALUE;
            double maxAbsLogit = 0;
            List<float[]> all = new ArrayList<>(FACES);
            all.addAll(RANDOM);
            for (int i = 0; i < all.size(); i++) {
                float[] x = all.get(i);
                double lj = java.logit(x);
                double lo = onnx.logit(x);
                assertEquals(lj, lo, LOGIT_TOLERANCE, weights + " input " + i);
                assertEquals(java.forward(x), onnx.forward(x), OUTPUT_TOLERANCE, weights + " input " + i);
                maxOut = Math.max(maxOut, Math.abs(java.forward(x) - onnx.forward(x)));
                maxLogit = Math.max(maxLogit, Math.abs(lj - lo));
                minLogit = Math.min(minLogit, lj);
                maxAbsLogit = Math.max(maxAbsLogit, Math.abs(lj));
            }
            // the comparison means something only if the logits vary across inputs (not one saturated value)
            assertTrue(maxAbsLogit - minLogit > 0.1 || maxAbsLogit > 0.1, weights + ": logits all near zero");
            System.out.printf("%s ONNX Runtime vs Java over %d inputs: max |output diff| %.1e, max |logit diff| %.1e%n",
                    weights, all.size(), maxOut, maxLogit);
        }
    }

    @ParameterizedTest
    @EnumSource(value = MesoNet.Weights.class, names = {"MESO4_DF", "MESO_INCEPTION_DF"})
    void officialOnnxCheckerAcceptsTheGraph(MesoNet.Weights weights, @TempDir Path dir) throws Exception {
        assumeTrue(ExternalCommands.pythonHas("onnx"),
                "python3-onnx is not installed; the check of the MesoNet graph with onnx.checker is skipped");
        Path f = dir.resolve(weights.id() + ".onnx");
        Files.write(f, MesoNet.load(weights, MesoNet.Backend.JAVA).onnxGraph());
        // full_check runs ONNX's shape inference: it must find the declared [N, 1] output
        assertEquals(0, ExternalCommands.run(List.of(PYTHON, "-c", "import onnx, sys; m = onnx.load(sys.argv[1]);"
                + " onnx.checker.check_model(m, full_check=True);"
                + " d = onnx.shape_inference.infer_shapes(m, strict_mode=True).graph.output[0].type.tensor_type.shape.dim;"
                + " sys.exit(0 if [x.dim_value for x in d][1:] == [1] else 3)", f.toString())),
                "onnx.checker refused the graph of " + weights);
    }

    @Test
    void concurrentCallsGiveTheSerialAnswers() throws Exception {
        try (MesoNet net = MesoNet.load(MesoNet.Weights.MESO_INCEPTION_DF, MesoNet.Backend.ONNX_RUNTIME)) {
            List<float[]> inputs = new ArrayList<>(FACES);
            inputs.addAll(RANDOM);
            double[] serial = inputs.stream().mapToDouble(net::logit).toArray();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<double[]>> runs = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int shift = t;
                    runs.add(pool.submit(() -> {
                        double[] out = new double[inputs.size()];
                        for (int k = 0; k < inputs.size(); k++) {
                            int i = (k + shift) % inputs.size(); // threads visit the inputs in different orders
                            out[i] = net.logit(inputs.get(i));
                        }
                        return out;
                    }));
                }
                for (Future<double[]> r : runs) {
                    double[] got = r.get();
                    for (int i = 0; i < serial.length; i++) {
                        assertEquals(serial[i], got[i], 0.0, "input " + i);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void backendIsChosenBySystemPropertyAndDefaultsToOnnxRuntime() {
        String before = System.getProperty(MesoNet.BACKEND_PROPERTY);
        try {
            System.clearProperty(MesoNet.BACKEND_PROPERTY);
            assertEquals(MesoNet.Backend.ONNX_RUNTIME, MesoNet.Backend.configured());
            System.setProperty(MesoNet.BACKEND_PROPERTY, " Java ");
            assertEquals(MesoNet.Backend.JAVA, MesoNet.Backend.configured());
            assertEquals(MesoNet.Backend.JAVA, MesoNet.load(MesoNet.Weights.MESO4_DF).backend());
            System.setProperty(MesoNet.BACKEND_PROPERTY, "cuda");
            assertEquals("unmask.mesonet.backend must be 'onnx' or 'java', was 'cuda'",
                    assertThrows(IllegalArgumentException.class, MesoNet.Backend::configured).getMessage());
        } finally {
            if (before == null) {
                System.clearProperty(MesoNet.BACKEND_PROPERTY);
            } else {
                System.setProperty(MesoNet.BACKEND_PROPERTY, before);
            }
        }
    }

    @Test
    void closedNetworkRefusesToRunAndClosingTwiceIsHarmless() {
        MesoNet net = MesoNet.load(MesoNet.Weights.MESO4_DF, MesoNet.Backend.ONNX_RUNTIME);
        float[] x = RANDOM.get(0);
        net.logit(x);
        net.close();
        net.close();
        assertEquals("MesoNet Meso-4 (Deepfake weights) is closed",
                assertThrows(IllegalStateException.class, () -> net.logit(x)).getMessage());
    }
}
