package dev.unmask.bench;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.unmask.detect.Architecture;
import dev.unmask.detect.augment.Augmentation;
import dev.unmask.detect.calibrate.CalibrationMethod;
import dev.unmask.detect.npr.NprNetwork;
import dev.unmask.detect.npr.NprScoring;
import dev.unmask.detect.npr.NprTrainer;
import dev.unmask.torch.DjlRuntime;
import dev.unmask.detect.spectral.AzimuthalSpectrum;
import dev.unmask.detect.spectral.SpectralClassifier;
import dev.unmask.detect.train.TrainConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The Unmask side of {@code bench/detector-vs-pytorch}: images per second of NPR inference (batches of 16) and
 * training (one Adam step per batch) on DJL/PyTorch, and of the spectral detector's features plus classifier in
 * pure Java, on random pixels. Prints {@code RESULT <what> <size> <images/s> [extra]} lines, the same as
 * {@code bench/npr_torch.py}. Usage: {@code DetectorBenchmark THREADS SECONDS SIZES TRAIN_BATCH}; the PyTorch
 * thread count comes from {@code -Dai.djl.pytorch.num_threads}.
 */
public final class DetectorBenchmark {
    private DetectorBenchmark() {
    }

    interface Work {
        void run() throws Exception;
    }

    /**
     * Best images/s over {@value #WINDOWS} windows of {@code seconds / WINDOWS} each (at least one call each), after
     * one warm-up call: the best window is the least disturbed by other load on a shared machine.
     */
    static double rate(Work w, int images, double seconds) throws Exception {
        w.run();
        double best = 0;
        for (int k = 0; k < WINDOWS; k++) {
            long n = 0;
            long t0 = System.nanoTime();
            double t;
            do {
                w.run();
                n += images;
                t = (System.nanoTime() - t0) / 1e9;
            } while (t < seconds / WINDOWS);
            best = Math.max(best, n / t);
        }
        return best;
    }

    static final int WINDOWS = 3;

    static List<int[]> crops(int count, int size, Random r) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int[] c = new int[size * size];
            for (int p = 0; p < c.length; p++) {
                c[p] = r.nextInt(1 << 24);
            }
            out.add(c);
        }
        return out;
    }

    /** Runs the measurements. */
    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        int[] sizes = args.length > 2 ? Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray() : new int[] {128, 256};
        int trainBatch = args.length > 3 ? Integer.parseInt(args[3]) : 32;
        Random r = new Random(1);
        try (NDManager m = DjlRuntime.engine().newBaseManager()) {
            Block net = NprNetwork.build();
            net.initialize(m, DataType.FLOAT32, new Shape(1, 3, 64, 64));
            NprNetwork.initialise(net, 1);
            System.out.println("RESULT npr-parameters 0 0 " + NprNetwork.trainableParameters(net));
            ParameterStore store = new ParameterStore(m, false);
            for (int size : sizes) {
                List<int[]> batch = crops(16, size, r);
                double ips = rate(() -> NprScoring.logits(m, net, store, batch, size, 16), 16, seconds);
                System.out.printf(Locale.ROOT, "RESULT npr-inference %d %.2f%n", size, ips);
            }
        }
        for (int size : sizes) {
            TrainConfig c = new TrainConfig(Architecture.NPR, size, 1, trainBatch, 2e-4, 1, 20, Augmentation.NONE, CalibrationMethod.PLATT, 0.01,
                    TrainConfig.DEFAULT_L2, 1, "bench", ".", ".");
            try (NprTrainer t = new NprTrainer(c)) {
                List<int[]> batch = crops(trainBatch, size, r);
                int[] targets = new int[trainBatch];
                for (int i = 0; i < trainBatch; i++) {
                    targets[i] = i % 2;
                }
                double ips = rate(() -> t.trainStep(batch, targets), trainBatch, seconds);
                System.out.printf(Locale.ROOT, "RESULT npr-training %d %.2f%n", size, ips);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int size : sizes) {
                AzimuthalSpectrum spectrum = new AzimuthalSpectrum(size);
                double[] w = new double[size / 2];
                double[] mean = new double[size / 2];
                double[] scale = new double[size / 2];
                for (int i = 0; i < w.length; i++) {
                    w[i] = r.nextGaussian();
                    scale[i] = 1;
                }
                SpectralClassifier clf = new SpectralClassifier(mean, scale, w, 0);
                List<int[]> batch = crops(64, size, r);
                double ips = rate(() -> {
                    List<Future<Double>> fs = new ArrayList<>();
                    for (int[] crop : batch) {
                        fs.add(pool.submit(() -> clf.logit(spectrum.features(crop))));
                    }
                    for (Future<Double> f : fs) {
                        f.get();
                    }
                }, 64, seconds);
                System.out.printf(Locale.ROOT, "RESULT spectral-inference %d %.2f%n", size, ips);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
