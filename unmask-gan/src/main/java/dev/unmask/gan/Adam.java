package dev.unmask.gan;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam (Kingma and Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015, Algorithm 1 with the bias
 * correction folded into the step size) over the trainable parameters of one block, with its moment estimates
 * and step count held here so that a checkpoint can save and restore them. Parameters are keyed by their name in
 * the block (stable across rebuilds of the same architecture). Updates run outside any gradient collector, where
 * DJL's PyTorch engine has autograd off, so in-place changes to the weights are allowed.
 *
 * <p>Written instead of using DJL's {@code Optimizer.adam()}: that optimiser keeps its moments in private state
 * (not checkpointable), and in this training loop it turned the generator's weights into NaN on the second
 * update.
 */
final class Adam {
    /** Added to the root of the second moment to avoid division by zero (the paper's default). */
    static final float EPSILON = 1e-8f;

    private static final NDIndex ALL = new NDIndex("...");

    private final Block block;
    private final float learningRate;
    private final float beta1;
    private final float beta2;
    private final Map<String, NDArray[]> moments = new LinkedHashMap<>();
    private int t;
    private boolean gradientsExist;

    Adam(Block block, double learningRate, double beta1, double beta2) {
        this.block = block;
        this.learningRate = (float) learningRate;
        this.beta1 = (float) beta1;
        this.beta2 = (float) beta2;
    }

    /**
     * Sets every trainable gradient of the block to zero (PyTorch accumulates them). Does nothing before the first
     * backward pass since this object was made or its weights were replaced: asking DJL's PyTorch engine for a
     * gradient that autograd has not created yet and writing to it left garbage (sometimes NaN) in the gradient
     * buffer that the next backward pass then accumulated into.
     */
    void zeroGradients() {
        if (!gradientsExist) {
            return;
        }
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray w = p.getValue().getArray();
            if (p.getValue().requiresGradient() && w.hasGradient()) {
                try (NDArray g = w.getGradient()) {
                    g.set(ALL, 0f);
                }
            }
        }
    }

    /**
     * One Adam step on every trainable parameter from its current gradient, unless some gradient is not finite:
     * then nothing changes and false is returned (the step is skipped, as mixed-precision trainers do).
     */
    boolean update() {
        gradientsExist = true;
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                try (NDArray g = p.getValue().getArray().getGradient(); NDArray bad = g.isInfinite().logicalOr(g.isNaN());
                        NDArray any = bad.any()) {
                    if (any.getBoolean()) {
                        return false;
                    }
                }
            }
        }
        t++;
        float step = (float) (learningRate * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t)));
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (!p.getValue().requiresGradient()) {
                continue;
            }
            NDArray w = p.getValue().getArray();
            NDArray[] mv = moments.computeIfAbsent(p.getKey(), k -> new NDArray[] {w.zerosLike(), w.zerosLike()});
            try (NDArray g = w.getGradient(); NDArray g1 = g.mul(1 - beta1); NDArray g2 = g.square()) {
                g2.muli(1 - beta2);
                mv[0].muli(beta1).addi(g1);
                mv[1].muli(beta2).addi(g2);
                try (NDArray den = mv[1].sqrt(); NDArray upd = mv[0].mul(step)) {
                    den.addi(EPSILON);
                    upd.divi(den);
                    w.subi(upd);
                }
            }
        }
        return true;
    }

    /** Steps taken. */
    int steps() {
        return t;
    }

    /** Writes the step count and every moment array. */
    void save(DataOutputStream out) throws IOException {
        out.writeInt(t);
        out.writeInt(moments.size());
        for (Map.Entry<String, NDArray[]> e : moments.entrySet()) {
            out.writeUTF(e.getKey());
            for (NDArray a : e.getValue()) {
                byte[] b = a.encode();
                out.writeInt(b.length);
                out.write(b);
            }
        }
    }

    /** Reads what {@link #save} wrote, allocating the moments in {@code manager}. */
    void load(NDManager manager, DataInputStream in) throws IOException, MalformedModelException {
        gradientsExist = false;
        t = in.readInt();
        int n = in.readInt();
        moments.clear();
        for (int i = 0; i < n; i++) {
            String key = in.readUTF();
            NDArray[] mv = new NDArray[2];
            for (int k = 0; k < 2; k++) {
                byte[] b = new byte[in.readInt()];
                in.readFully(b);
                mv[k] = manager.decode(b);
            }
            moments.put(key, mv);
        }
        if (t < 0) {
            throw new MalformedModelException("negative Adam step count " + t);
        }
    }
}
