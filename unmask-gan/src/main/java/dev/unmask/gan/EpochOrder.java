package dev.unmask.gan;

import java.util.Random;

/**
 * The order in which training images are visited: epoch e is a permutation of all images shuffled (Fisher-Yates)
 * by a {@link Random} seeded from the run's seed and e, and step s takes the images at positions
 * {@code s * batch ... s * batch + batch - 1} of the concatenated epochs. The order is a pure function of
 * (seed, step): nothing needs saving to resume it.
 */
final class EpochOrder {
    private final int count;
    private final long seed;
    private long cachedEpoch = -1;
    private int[] cached;

    EpochOrder(int count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("no images to order");
        }
        this.count = count;
        this.seed = seed;
    }

    /** Image indices of step {@code step} with {@code batch} images per step. */
    int[] indices(long step, int batch) {
        int[] out = new int[batch];
        long start = step * batch;
        for (int i = 0; i < batch; i++) {
            long position = start + i;
            out[i] = permutation(position / count)[(int) (position % count)];
        }
        return out;
    }

    private int[] permutation(long epoch) {
        if (epoch != cachedEpoch) {
            Random r = new Random(GanTrainer.streamSeed(seed, GanTrainer.ORDER_STREAM, epoch));
            int[] p = new int[count];
            for (int i = 0; i < count; i++) {
                p[i] = i;
            }
            for (int i = count - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = p[i];
                p[i] = p[j];
                p[j] = t;
            }
            cached = p;
            cachedEpoch = epoch;
        }
        return cached;
    }
}
