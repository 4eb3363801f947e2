package dev.unmask.detect.train;

import dev.unmask.detect.augment.Augmenter;
import dev.unmask.detect.data.ImageCache;
import dev.unmask.detect.data.ImageRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * The training samples of one epoch, in batches: every training image once, in an order shuffled by
 * {@link SampleSeeds#order}, each turned into an augmented random crop with its own stream
 * {@link SampleSeeds#sample}. Crops are made in parallel on the given pool, and the next batch is prepared while
 * the current one is used; neither changes the result. A last batch of a single image is left out (batch
 * normalisation needs two), which drops at most one image per epoch, a different one each epoch.
 */
public final class EpochBatches implements Iterable<EpochBatches.Batch> {
    /**
     * A batch.
     *
     * @param crops packed 0xRRGGBB crops of {@code size x size}
     * @param targets 1 fake, 0 real
     */
    public record Batch(int[][] crops, int[] targets) {
        /** Number of samples. */
        public int size() {
            return targets.length;
        }
    }

    private final List<ImageRecord> order;
    private final ImageCache cache;
    private final Augmenter augmenter;
    private final int size;
    private final long seed;
    private final int epoch;
    private final int batchSize;
    private final ExecutorService pool;

    /** Plans epoch {@code epoch} (1-based) over {@code train}. */
    public EpochBatches(List<ImageRecord> train, ImageCache cache, Augmenter augmenter, int size, long seed, int epoch, int batchSize,
            ExecutorService pool) {
        this.cache = cache;
        this.augmenter = augmenter;
        this.size = size;
        this.seed = seed;
        this.epoch = epoch;
        this.batchSize = batchSize;
        this.pool = pool;
        List<ImageRecord> o = new ArrayList<>(train);
        SplittableRandom r = SampleSeeds.order(seed, epoch);
        for (int i = o.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            ImageRecord t = o.get(i);
            o.set(i, o.get(j));
            o.set(j, t);
        }
        int usable = o.size() % batchSize == 1 && o.size() > 1 ? o.size() - 1 : o.size();
        this.order = List.copyOf(o.subList(0, usable));
    }

    /** The epoch number. */
    public int epoch() {
        return epoch;
    }

    /** Samples in this epoch. */
    public int samples() {
        return order.size();
    }

    /** Number of batches. */
    public int batches() {
        return (order.size() + batchSize - 1) / batchSize;
    }

    /** The images of this epoch in their shuffled order. */
    public List<ImageRecord> order() {
        return order;
    }

    /** Prepares batch {@code b}. */
    public Batch batch(int b) throws IOException {
        int from = b * batchSize;
        int to = Math.min(order.size(), from + batchSize);
        List<Future<int[]>> crops = new ArrayList<>();
        for (int i = from; i < to; i++) {
            final int pos = i;
            crops.add(pool.submit(() -> augmenter.crop(cache.image(order.get(pos)), size, SampleSeeds.sample(seed, epoch, pos))));
        }
        int[][] out = new int[to - from][];
        int[] targets = new int[to - from];
        for (int i = from; i < to; i++) {
            try {
                out[i - from] = crops.get(i - from).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while preparing a batch", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new IOException("preparing " + order.get(i).path() + " failed: " + e.getCause(), e.getCause());
            }
            targets[i - from] = order.get(i).label().target();
        }
        return new Batch(out, targets);
    }

    /** Batches in order, each prepared while the previous one is in use; I/O errors surface as {@link UncheckedIOException}. */
    @Override
    public Iterator<Batch> iterator() {
        return new Iterator<>() {
            private int next;
            private Future<Batch> ahead = prepare(0);

            private Future<Batch> prepare(int b) {
                if (b >= batches()) {
                    return null;
                }
                // its own (virtual) thread: batch() waits for crops on the pool, which must not be blocked by this task
                FutureTask<Batch> task = new FutureTask<>(() -> batch(b));
                Thread.ofVirtual().name("unmask-batch-prefetch").start(task);
                return task;
            }

            @Override
            public boolean hasNext() {
                return next < batches();
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Batch b;
                try {
                    b = ahead.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new UncheckedIOException(new IOException("interrupted", e));
                } catch (ExecutionException e) {
                    throw new UncheckedIOException(e.getCause() instanceof IOException io ? io : new IOException(e.getCause()));
                }
                next++;
                ahead = prepare(next);
                return b;
            }
        };
    }
}
