package dev.unmask.gan;

import dev.unmask.torch.DjlRuntime;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import org.junit.jupiter.api.Test;

class SpectralNormBlockTest {
    static final int IN = 12;
    static final int OUT = 7;

    @Test
    void theNormalisedWeightHasSpectralNormOneAndTheVectorIsSavedWithTheWeights() throws Exception {
        try (NDManager m = DjlRuntime.engine(3).newBaseManager()) {
            SpectralNormBlock block = SpectralNormBlock.linear(OUT);
            block.setInitializer(new NormalInitializer(0.3f), Parameter.Type.WEIGHT);
            block.initialize(m, DataType.FLOAT32, new Shape(IN, IN));
            ParameterStore store = new ParameterStore(m, false);
            NDArray identity = m.eye(IN);
            for (int i = 0; i < 60; i++) {
                block.forward(store, new NDList(identity), true);
            }
            // x W^T / sigma with x = I and zero bias gives W^T / sigma
            float[] normalised = block.forward(store, new NDList(identity), false).singletonOrThrow().toFloatArray();
            float[] raw = block.getParameters().get("weight").getArray().toFloatArray();
            double sigmaRaw = largestSingularValue(raw, OUT, IN);
            assertTrue(Math.abs(sigmaRaw - 1) > 0.2, "the raw weight is not already normalised: " + sigmaRaw);
            assertEquals(1.0, largestSingularValue(transpose(normalised, IN, OUT), OUT, IN), 1e-3);

            ByteArrayOutputStream saved = new ByteArrayOutputStream();
            block.saveParameters(new DataOutputStream(saved));
            SpectralNormBlock copy = SpectralNormBlock.linear(OUT);
            copy.initialize(m, DataType.FLOAT32, new Shape(IN, IN));
            copy.loadParameters(m, new DataInputStream(new ByteArrayInputStream(saved.toByteArray())));
            assertArrayEquals(block.powerIterationVector().toFloatArray(), copy.powerIterationVector().toFloatArray());
            assertArrayEquals(normalised, copy.forward(store, new NDList(identity), false).singletonOrThrow().toFloatArray());
        }
    }

    @Test
    void convolutionKeepsTheStridedShape() {
        try (NDManager m = DjlRuntime.engine(3).newBaseManager()) {
            SpectralNormBlock conv = SpectralNormBlock.conv(16, 4, 2, 1);
            conv.initialize(m, DataType.FLOAT32, new Shape(2, 3, 32, 32));
            assertEquals(new Shape(2, 16, 16, 16), conv.getOutputShapes(new Shape[] {new Shape(2, 3, 32, 32)})[0]);
            NDArray y = conv.forward(new ParameterStore(m, false), new NDList(m.ones(new Shape(2, 3, 32, 32))), true)
                    .singletonOrThrow();
            assertEquals(new Shape(2, 16, 16, 16), y.getShape());
        }
    }

    /** Power iteration in doubles on a row-major rows x cols matrix. */
    static double largestSingularValue(float[] a, int rows, int cols) {
        double[] v = new double[cols];
        java.util.Arrays.fill(v, 1);
        double sigma = 0;
        for (int it = 0; it < 500; it++) {
            double[] u = new double[rows];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    u[r] += a[r * cols + c] * v[c];
                }
            }
            double[] w = new double[cols];
            for (int c = 0; c < cols; c++) {
                for (int r = 0; r < rows; r++) {
                    w[c] += a[r * cols + c] * u[r];
                }
            }
            double n = Math.sqrt(java.util.Arrays.stream(w).map(x -> x * x).sum());
            sigma = Math.sqrt(n);
            for (int c = 0; c < cols; c++) {
                v[c] = w[c] / n;
            }
        }
        return sigma;
    }

    private static float[] transpose(float[] a, int rows, int cols) {
        float[] t = new float[a.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = a[r * cols + c];
            }
        }
        return t;
    }
}
