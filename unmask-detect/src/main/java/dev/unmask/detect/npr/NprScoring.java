package dev.unmask.detect.npr;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.List;

/** Inference with an NPR network: crops in batches through the network in evaluation mode (batch-norm running statistics). */
public final class NprScoring {
    private NprScoring() {
    }

    /** The logits of {@code crops}, {@code batch} at a time, each batch in its own sub-manager of {@code manager}. */
    public static double[] logits(NDManager manager, Block net, ParameterStore store, List<int[]> crops, int size, int batch) {
        double[] out = new double[crops.size()];
        for (int from = 0; from < crops.size(); from += batch) {
            int to = Math.min(crops.size(), from + batch);
            try (NDManager sm = manager.newSubManager()) {
                NDArray x = NprNetwork.input(sm, crops.subList(from, to), size);
                float[] z = net.forward(store, new NDList(x), false).singletonOrThrow().toFloatArray();
                for (int i = 0; i < z.length; i++) {
                    out[from + i] = z[i];
                }
            }
        }
        return out;
    }
}
