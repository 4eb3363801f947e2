package dev.unmask.detect.npr;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;

/** Inference with an NPR network: crops in batches through the network in evaluation mode (batch-norm running statistics). */
public final class NprScoring {
    /** The batch size from which PyTorch takes oneDNN for every convolution, whatever the thread count. */
    static final int ONE_DNN_BATCH = 16;

    private NprScoring() {
    }

    /**
     * The logits of {@code crops}, {@code batch} at a time, each batch in its own sub-manager of {@code manager}.
     *
     * <p>Small batches are padded with copies of their last crop: PyTorch 2.7's CPU convolution takes oneDNN for a
     * 1x1 convolution only with several threads, a batch of 16 or more, or (with several threads) a batch of two or
     * more, and otherwise asks NNPACK, which cannot start on CPUs it does not support and then writes a warning to
     * standard error for every convolution of every call. A lone crop runs as a batch of two; the last, partial batch
     * of a longer list is filled up to 16. The logits are the same (evaluation mode: batch norm uses its running
     * statistics, images do not interact); the copies' logits are dropped.
     */
    public static double[] logits(NDManager manager, Block net, ParameterStore store, List<int[]> crops, int size, int batch) {
        double[] out = new double[crops.size()];
        for (int from = 0; from < crops.size(); from += batch) {
            int to = Math.min(crops.size(), from + batch);
            try (NDManager sm = manager.newSubManager()) {
                NDArray x = NprNetwork.input(sm, padded(crops.subList(from, to), crops.size()), size);
                float[] z = net.forward(store, new NDList(x), false).singletonOrThrow().toFloatArray();
                for (int i = 0; i < to - from; i++) {
                    out[from + i] = z[i];
                }
            }
        }
        return out;
    }

    /** The batch, padded with copies of its last crop as the class comment explains. */
    static List<int[]> padded(List<int[]> part, int total) {
        int want = part.size() == 1 ? 2 : total >= ONE_DNN_BATCH ? ONE_DNN_BATCH : part.size();
        if (part.size() >= want) {
            return part;
        }
        List<int[]> out = new ArrayList<>(part);
        while (out.size() < want) {
            out.add(part.get(part.size() - 1));
        }
        return out;
    }
}
