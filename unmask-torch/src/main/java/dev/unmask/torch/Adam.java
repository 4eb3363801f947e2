package dev.unmask.torch;

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
 * correction folded into the step size) over the trainable parameters of one block. Its moments and step count
 * live here, keyed by parameter name, so checkpoints can save and restore them (DJL's built-in optimiser keeps them
 * private). Updates run outside any gradient collector, where autograd is off and in-place updates are allowed. A
 * step whose gradients are not all finite is skipped and counted.
 */
public final class Adam {
    static final float EPSILON = 1e-8f;
    private static final NDIndex ALL = new NDIndex("...");

    private final Block block;
    private final float learningRate;
    private final float beta1;
    private final float beta2;
    private final Map<String, NDArray[]> moments = new LinkedHashMap<>();
    private int t;
    private int skipped;
    private boolean gradientsExist;

    /** An optimiser for {@code block}'s trainable parameters with the given step size and moment decay rates. */
    public Adam(Block block, double learningRate, double beta1, double beta2) {
        this.block = block;
        this.learningRate = (float) learningRate;
        this.beta1 = (float) beta1;
        this.beta2 = (float) beta2;
    }

    /**
     * Sets every trainable gradient to zero (PyTorch accumulates them). Does nothing before the first backward pass
     * since this object was made or loaded: asking DJL's PyTorch engine for a gradient autograd has not created yet
     * and writing to it left garbage (sometimes NaN) that the next backward pass accumulated into.
     */
    public void zeroGradients() {
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

    /** One step from the current gradients; false (and nothing changed) when some gradient is not finite. */
    public boolean update() {
        gradientsExist = true;
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                try (NDArray g = p.getValue().getArray().getGradient(); NDArray bad = g.isInfinite().logicalOr(g.isNaN());
                        NDArray any = bad.any()) {
                    if (any.getBoolean()) {
                        skipped++;
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
    public int steps() {
        return t;
    }

    /** Steps skipped for non-finite gradients. */
    public int skipped() {
        return skipped;
    }

    /** Writes the step count, the skipped count and every moment array. */
    public void save(DataOutputStream out) throws IOException {
        out.writeInt(t);
        out.writeInt(skipped);
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

    /** Reads what {@link #save} wrote, allocating the moments in {@code manager}; damaged state is an IOException. */
    public void load(NDManager manager, DataInputStream in) throws IOException {
        gradientsExist = false;
        t = in.readInt();
        skipped = in.readInt();
        int n = in.readInt();
        if (t < 0 || n < 0) {
            throw new IOException("damaged optimiser state (step " + t + ", " + n + " moments)");
        }
        moments.values().forEach(a -> {
            a[0].close();
            a[1].close();
        });
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
    }
}
