package dev.unmask.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.unmask.torch.DjlRuntime;
import dev.unmask.gan.GanCheckpoint;
import dev.unmask.gan.GanConfig;
import dev.unmask.gan.GanNetworks;
import dev.unmask.gan.GanSampler;
import dev.unmask.gan.GanTrainer;
import dev.unmask.gan.ImageFolderData;
import dev.unmask.gan.SampleEncoding;
import dev.unmask.gan.SampleLabels;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Training and sampling throughput of Unmask's DCGAN ({@link GanNetworks} through {@link GanTrainer}, DJL 0.36 with
 * the PyTorch 2.7.1 CPU engine) at 64x64, batch 64, 64 base channels, latent 100 — the set-up that
 * {@code bench/gan_torch.py} rebuilds layer for layer in plain PyTorch. Run both with {@code bench/gan-vs-pytorch}.
 *
 * <p>Prints {@code key value} lines: the parameter counts (trainable, and batch-norm running statistics
 * separately), training images per second (real images per step x steps per second, after warm-up steps),
 * sampling images per second (generator forward in inference mode, batches of 64) and labelled PNG files per second
 * ({@link GanSampler}: generator, PNG encoding, XMP; no watermark at 64 px, no signing).
 *
 * <p>Arguments: {@code threads warmupSteps steps sampleBatches}. The intra-op thread count goes to DJL through
 * {@code ai.djl.pytorch.num_threads} before the engine loads (one inter-op thread), as torch.set_num_threads does
 * on the Python side.
 */
public final class GanThroughputBenchmark {
    private GanThroughputBenchmark() {
    }

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int sampleBatches = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        GanConfig config = GanConfig.defaults().withSize(64).withShape(64, warmup + steps, 64)
                .withSeed(1L, 100, GanConfig.Loss.NON_SATURATING).withEvery(0, 0);
        Engine engine = DjlRuntime.engine(config.seed());
        System.out.println("java engine " + engine.getEngineName() + " " + engine.getVersion() + ", threads " + threads);
        printParameterCounts(config, engine);

        ImageFolderData data = ImageFolderData.fromImages(shapes(256, 64, 42L), 64, 0);
        try (GanTrainer trainer = new GanTrainer(config, data)) {
            for (int i = 0; i < warmup; i++) {
                trainer.step();
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                trainer.step();
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "java train_images_per_s %.2f (%d steps of %d in %.2f s)%n",
                    steps * config.batch() / s, steps, config.batch(), s);

            Random r = new Random(3);
            float[] z = new float[64 * config.latentDim()];
            for (int i = 0; i < z.length; i++) {
                z[i] = (float) r.nextGaussian();
            }
            trainer.generate(z, 64);
            t0 = System.nanoTime();
            for (int i = 0; i < sampleBatches; i++) {
                trainer.generate(z, 64);
            }
            s = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "java sample_images_per_s %.2f (%d batches of 64 in %.2f s)%n",
                    sampleBatches * 64 / s, sampleBatches, s);

            Path tmp = Files.createTempDirectory("unmask-gan-bench");
            try {
                GanCheckpoint.save(trainer, tmp.resolve("checkpoint"));
                int files = sampleBatches * 64;
                t0 = System.nanoTime();
                GanSampler.sample(tmp.resolve("checkpoint"), files, tmp.resolve("out"), 5L, 0, SampleLabels.unsigned(),
                        SampleEncoding.png(), n -> { });
                s = (System.nanoTime() - t0) / 1e9;
                System.out.printf(Locale.ROOT, "java labelled_png_files_per_s %.2f (%d files in %.2f s, model loading included)%n",
                        files / s, files, s);
            } finally {
                try (var w = Files.walk(tmp)) {
                    w.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private static void printParameterCounts(GanConfig config, Engine engine) {
        try (NDManager m = engine.newBaseManager()) {
            Block g = GanNetworks.generator(config);
            g.initialize(m, DataType.FLOAT32, new Shape(2, config.latentDim()));
            Block d = GanNetworks.discriminator(config);
            d.initialize(m, DataType.FLOAT32, new Shape(2, 3, config.size(), config.size()));
            long[] gc = count(g);
            long[] dc = count(d);
            System.out.println("java params_G " + gc[0] + " running_stats_G " + gc[1]);
            System.out.println("java params_D " + dc[0] + " running_stats_D " + dc[1]);
        }
    }

    /** Trainable parameter values, and values of non-trainable parameters (batch-norm running mean and variance). */
    private static long[] count(Block b) {
        long trainable = 0;
        long other = 0;
        for (Pair<String, Parameter> p : b.getParameters()) {
            long n = p.getValue().getArray().size();
            if (p.getValue().requiresGradient()) {
                trainable += n;
            } else {
                other += n;
            }
        }
        return new long[] {trainable, other};
    }

    /** Coloured discs and squares on light backgrounds (the GAN tests' toy data), drawn with a fixed seed. */
    static List<BufferedImage> shapes(int count, int side, long seed) {
        Random r = new Random(seed);
        List<BufferedImage> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setColor(new Color(200 + r.nextInt(56), 200 + r.nextInt(56), 200 + r.nextInt(56)));
            g.fillRect(0, 0, side, side);
            g.setColor(Color.getHSBColor(r.nextFloat(), 0.8f, 0.5f + r.nextFloat() * 0.5f));
            int s = side / 3 + r.nextInt(side / 3);
            int x = r.nextInt(side - s);
            int y = r.nextInt(side - s);
            if (r.nextBoolean()) {
                g.fillOval(x, y, s, s);
            } else {
                g.fillRect(x, y, s, s);
            }
            g.dispose();
            out.add(img);
        }
        return out;
    }
}
