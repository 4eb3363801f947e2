package dev.unmask.detect.npr;

import dev.unmask.torch.DjlRuntime;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.junit.jupiter.api.Test;

class NprNetworkTest {
    @Test
    void aSingleCropScoresAsItDoesInsideABatch() {
        java.util.Random r = new java.util.Random(4);
        java.util.List<int[]> crops = new java.util.ArrayList<>();
        for (int k = 0; k < 19; k++) {
            int[] px = new int[32 * 32];
            for (int i = 0; i < px.length; i++) {
                px[i] = r.nextInt(1 << 24);
            }
            crops.add(px);
        }
        for (boolean residual : new boolean[] {true, false}) {
            try (NDManager m = DjlRuntime.engine().newBaseManager()) {
                Block net = NprNetwork.build(residual);
                net.initialize(m, DataType.FLOAT32, new Shape(2, 3, 32, 32));
                NprNetwork.initialise(net, 5);
                ParameterStore store = new ParameterStore(m, false);
                double[] batch = NprScoring.logits(m, net, store, crops, 32, 16);
                double[] single = NprScoring.logits(m, net, store, crops.subList(1, 2), 32, 16);
                assertEquals(1, single.length);
                assertEquals(batch[1], single[0], 1e-4, "residual " + residual);
                double[] ones = NprScoring.logits(m, net, store, crops, 32, 1);
                assertArrayEquals(batch, ones, 1e-4);
                double[] eights = NprScoring.logits(m, net, store, crops, 32, 8); // 8 + 8 + 3 padded to 16
                assertEquals(19, eights.length);
                assertArrayEquals(batch, eights, 1e-4);
            }
        }
    }

    @Test
    void hasTheReferenceParameterCountAndOneLogitPerImage() {
        try (NDManager m = DjlRuntime.engine().newBaseManager()) {
            Block net = NprNetwork.build();
            net.initialize(m, DataType.FLOAT32, new Shape(2, 3, 32, 32));
            long n = NprNetwork.trainableParameters(net);
            System.out.println("NPR trainable parameters: " + n);
            assertTrue(n > 1_300_000 && n < 1_600_000, "about 1.4M (Tan et al.): " + n);
            assertEquals(NprNetwork.PARAMETERS, n, "the same count as the PyTorch reference layout (bench/npr_torch.py)");
            NprNetwork.initialise(net, 3);
            NDArray out = net.forward(new ParameterStore(m, false), new NDList(m.randomUniform(0, 1, new Shape(3, 3, 48, 64))), false)
                    .singletonOrThrow();
            assertEquals(new Shape(3, 1), out.getShape());
        }
    }

    @Test
    void residualVanishesOnNearestUpSampledImagesAndNotOnOthers() {
        try (NDManager m = DjlRuntime.engine().newBaseManager()) {
            float[] small = new float[2 * 3 * 4];
            for (int i = 0; i < small.length; i++) {
                small[i] = i * 0.37f % 1;
            }
            NDArray up = m.create(small, new Shape(1, 2, 3, 4)).repeat(2, 2).repeat(3, 2);
            assertEquals(0f, NprNetwork.residual(up).abs().max().getFloat(), 0f);
            NDArray noise = m.randomUniform(0, 1, new Shape(1, 2, 6, 8));
            NDArray r = NprNetwork.residual(noise);
            assertTrue(r.abs().max().getFloat() > 0.1f);
            assertEquals(0f, r.get(":, :, 0::2, 0::2").abs().max().getFloat(), 0f, "the kept pixel of each 2x2 block is its own reference");
        }
    }

    @Test
    void initialisationDependsOnlyOnTheSeed() {
        try (NDManager m = DjlRuntime.engine().newBaseManager()) {
            Block a = NprNetwork.build();
            Block b = NprNetwork.build();
            a.initialize(m, DataType.FLOAT32, new Shape(1, 3, 32, 32));
            b.initialize(m, DataType.FLOAT32, new Shape(1, 3, 32, 32));
            NprNetwork.initialise(a, 5);
            NprNetwork.initialise(b, 5);
            var pa = a.getParameters();
            var pb = b.getParameters();
            for (int i = 0; i < pa.size(); i++) {
                Pair<String, Parameter> x = pa.get(i);
                assertArrayEquals(x.getValue().getArray().toFloatArray(), pb.get(i).getValue().getArray().toFloatArray(), x.getKey());
            }
        }
    }
}
