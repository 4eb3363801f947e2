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

    /**
     * The logits of {@code crops}, {@code batch} at a time, each batch in its own sub-manager of {@code manager}.
     *
     * <p>A batch of one crop is run as two copies of it: for a single image PyTorch 2.7's CPU convolution does not
     * take oneDNN for a 1x1 convolution on one thread and asks NNPACK instead, which cannot start on CPUs it does not
     * support and then writes a warning to standard error for every convolution of every call. The logits are the
     * same (evaluation mode: batch norm uses its running statistics, images do not interact).
     */
    public static double[] logits(NDManager manager, Block net, ParameterStore store, List<int[]> crops, int size, int batch) {
        double[] out = new double[crops.size()];
        for (int from = 0; from < crops.size(); from += batch) {
            int to = Math.min(crops.size(), from + batch);
            try (NDManager sm = manager.newSubManager()) {
                List<int[]> part = crops.subList(from, to);
                NDArray x = NprNetwork.input(sm, part.size() == 1 ? List.of(part.get(0), part.get(0)) : part, size);
                float[] z = net.forward(store, new NDList(x), false).singletonOrThrow().toFloatArray();
                for (int i = 0; i < to - from; i++) {
                    out[from + i] = z[i];
                }
            }
        }
        return out;
    }
}
