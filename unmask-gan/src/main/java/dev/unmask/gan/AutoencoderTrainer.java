package dev.unmask.gan;

import dev.unmask.torch.DjlRuntime;
import dev.unmask.torch.Adam;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * Trains an {@link AutoencoderNetwork} on random patches of real images with the L1 reconstruction loss and Adam, then
 * reconstructs whole images through it. Deterministic for a given {@link AutoencoderConfig#seed()} and image list.
 */
public final class AutoencoderTrainer implements AutoCloseable {
    private final AutoencoderConfig config;
    private final List<BufferedImage> images;
    private final Engine engine;
    private final NDManager manager;
    private final Block network;
    private final Adam adam;
    private final ParameterStore store;
    private final Random random;
    private final List<Double> losses = new ArrayList<>();

    /**
     * Prepares training on {@code images} (8-bit RGB; each at least {@link AutoencoderConfig#patch()} on both sides).
     *
     * @throws IllegalArgumentException when no image is large enough
     */
    public AutoencoderTrainer(AutoencoderConfig config, List<BufferedImage> images) {
        this.config = config;
        this.images = images.stream().filter(i -> i.getWidth() >= config.patch() && i.getHeight() >= config.patch()).toList();
        if (this.images.isEmpty()) {
            throw new IllegalArgumentException("no image is at least " + config.patch() + " px on both sides");
        }
        this.engine = DjlRuntime.engine(config.seed());
        this.manager = engine.newBaseManager();
        this.network = AutoencoderNetwork.build(config.channels());
        network.setInitializer(new XavierInitializer(), ai.djl.nn.Parameter.Type.WEIGHT);
        network.initialize(manager, DataType.FLOAT32, new Shape(config.batch(), 3, config.patch(), config.patch()));
        this.adam = new Adam(network, config.learningRate(), 0.9, 0.999);
        this.store = new ParameterStore(manager, false);
        this.random = new Random(config.seed());
    }

    /** Images usable for training (large enough for one patch). */
    public int imageCount() {
        return images.size();
    }

    /** Runs every training step, calling {@code afterStep} with the number of steps done. */
    public void train(IntConsumer afterStep) {
        for (int s = 0; s < config.steps(); s++) {
            losses.add(step());
            afterStep.accept(s + 1);
        }
    }

    /** One Adam step on a batch of random patches; returns the batch's mean absolute error (pixel scale 0-1). */
    public double step() {
        int b = config.batch();
        int p = config.patch();
        float[] batch = new float[b * 3 * p * p];
        for (int i = 0; i < b; i++) {
            BufferedImage img = images.get(random.nextInt(images.size()));
            int x = random.nextInt(img.getWidth() - p + 1);
            int y = random.nextInt(img.getHeight() - p + 1);
            toChw(img, x, y, p, p, batch, i * 3 * p * p);
        }
        try (NDManager sm = manager.newSubManager()) {
            NDArray in = sm.create(batch, new Shape(b, 3, p, p));
            adam.zeroGradients();
            double loss;
            try (GradientCollector gc = engine.newGradientCollector()) {
                NDArray out = network.forward(store, new NDList(in), true).singletonOrThrow();
                NDArray l = out.sub(in).abs().mean();
                gc.backward(l);
                loss = l.getFloat();
            }
            adam.update();
            return loss;
        }
    }

    /** Mean absolute error of every step so far, in order. */
    public List<Double> losses() {
        return List.copyOf(losses);
    }

    /**
     * Reconstructs {@code img} through the network: the image is first centre-cropped to at most
     * {@link AutoencoderConfig#maxSide()} on each side and to a multiple of 4.
     */
    public BufferedImage reconstruct(BufferedImage img) {
        int w = Math.min(config.maxSide(), img.getWidth()) / 4 * 4;
        int h = Math.min(config.maxSide(), img.getHeight()) / 4 * 4;
        if (w < 4 || h < 4) {
            throw new IllegalArgumentException("image too small to reconstruct: " + img.getWidth() + "x" + img.getHeight());
        }
        int x0 = (img.getWidth() - w) / 2;
        int y0 = (img.getHeight() - h) / 2;
        float[] chw = new float[3 * w * h];
        toChw(img, x0, y0, w, h, chw, 0);
        float[] out;
        try (NDManager sm = manager.newSubManager()) {
            NDArray in = sm.create(chw, new Shape(1, 3, h, w));
            out = network.forward(store, new NDList(in), false).singletonOrThrow().toFloatArray();
        }
        BufferedImage r = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int plane = w * h;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                r.setRGB(x, y, (to8(out[i]) << 16) | (to8(out[plane + i]) << 8) | to8(out[2 * plane + i]));
            }
        }
        return r;
    }

    private static int to8(float v) {
        return Math.max(0, Math.min(255, Math.round(v * 255f)));
    }

    private static void toChw(BufferedImage img, int x0, int y0, int w, int h, float[] dst, int off) {
        int plane = w * h;
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            img.getRGB(x0, y0 + y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int rgb = row[x];
                int i = off + y * w + x;
                dst[i] = ((rgb >> 16) & 255) / 255f;
                dst[plane + i] = ((rgb >> 8) & 255) / 255f;
                dst[2 * plane + i] = (rgb & 255) / 255f;
            }
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
