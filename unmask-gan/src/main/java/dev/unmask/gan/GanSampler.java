package dev.unmask.gan;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;

/**
 * Draws images from a trained generator ({@link GanCheckpoint}) and writes them as PNGs labelled as generated:
 * <ol>
 *   <li>always an XMP packet (PNG iTXt {@code XML:com.adobe.xmp}) declaring IPTC
 *       {@code Iptc4xmpExt:DigitalSourceType = trainedAlgorithmicMedia} and {@code xmp:CreatorTool} /
 *       {@code tiff:Software = "Unmask <version>"};</li>
 *   <li>Unmask's invisible watermark carrying a 48-bit run id derived from the checkpoint ({@link #runId}), when
 *       both sides are at least {@code UnmaskWatermark.MIN_SIDE} (128) px. The GAN's sizes (32, 64) are below it,
 *       so today the watermark is skipped and the file's entry says so; images are never up-scaled to fit it;</li>
 *   <li>a C2PA manifest ({@code c2pa.created}, digital source type trainedAlgorithmicMedia, claim generator
 *       Unmask) when {@link SampleLabels} carries signing credentials.</li>
 * </ol>
 *
 * <p>Latents: one {@link Random} seeded with {@code seed} draws the components of sample 0, then 1, ..., from
 * N(0, 1). With a truncation {@code t > 0} any component with {@code |z| > t} is re-drawn until it falls inside
 * (the "truncation trick" of Brock, Donahue and Simonyan, "Large Scale GAN Training for High Fidelity Natural
 * Image Synthesis", ICLR 2019: re-sampling, not clamping, so no mass piles up at +-t). {@code t = 0} or infinity
 * disables it. The same checkpoint, seed and truncation give identical pixels, and asking for more samples only
 * appends new ones. The generator runs in inference mode (batch-norm running statistics), so a sample does not
 * depend on the batch it was generated in.
 */
public final class GanSampler {
    /** Smallest truncation accepted (smaller thresholds need too many re-draws per component). */
    public static final double MIN_TRUNCATION = 0.05;
    /** Most samples in one call. */
    public static final int MAX_COUNT = 100_000;
    /** Latent vectors per generator forward pass. */
    static final int BATCH = 64;

    private GanSampler() {
    }

    /**
     * Writes {@code count} labelled PNGs {@code sample-00000.png}, ... into {@code outDir} (created if needed).
     *
     * @param checkpointDir folder written by {@link GanCheckpoint#save}
     * @param truncation 0 (or infinity) for plain N(0, 1) latents, else a threshold >= {@link #MIN_TRUNCATION}
     */
    public static SampleResult sample(Path checkpointDir, int count, Path outDir, long seed, double truncation,
            SampleLabels labels) throws IOException {
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("count must be in [1, " + MAX_COUNT + "], got " + count);
        }
        if (Double.isNaN(truncation) || truncation < 0 || (truncation > 0 && truncation < MIN_TRUNCATION)) {
            throw new IllegalArgumentException("truncation must be 0 (off) or >= " + MIN_TRUNCATION + ", got "
                    + truncation);
        }
        Properties state = properties(checkpointDir);
        GanConfig config = GanConfig.fromProperties(state);
        int step = Integer.parseInt(state.getProperty("step", "0").trim());
        long runId = runId(config, step);
        SampleLabeller labeller = new SampleLabeller(labels, runId);
        Files.createDirectories(outDir);
        Random rng = new Random(seed);
        List<SampleResult.SampledFile> files = new ArrayList<>();
        Engine engine = DjlRuntime.engine(config.seed());
        try (NDManager manager = engine.newBaseManager()) {
            Block generator = loadGenerator(config, manager, checkpointDir);
            ParameterStore store = new ParameterStore(manager, false);
            for (int start = 0; start < count; start += BATCH) {
                int n = Math.min(BATCH, count - start);
                float[] z = latents(rng, n * config.latentDim(), truncation);
                float[] px;
                try (NDManager sm = manager.newSubManager()) {
                    NDArray in = sm.create(z, new Shape(n, config.latentDim()));
                    px = generator.forward(store, new NDList(in), false).singletonOrThrow().toFloatArray();
                }
                for (int i = 0; i < n; i++) {
                    BufferedImage img = toImage(px, i, config.size());
                    Path file = outDir.resolve(String.format(Locale.ROOT, "sample-%05d.png", start + i));
                    files.add(labeller.write(img, file));
                }
            }
        }
        return new SampleResult(step, runId, files);
    }

    /**
     * The run id of a checkpoint: the first 48 bits of SHA-256 over its settings (sorted {@code key=value} lines,
     * UTF-8) followed by {@code step=<step>}. Stable for a checkpoint, different for every step and setting.
     */
    public static long runId(GanConfig config, int step) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(config.toProperties()).forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        sb.append("step=").append(step).append('\n');
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            long id = 0;
            for (int i = 0; i < 6; i++) {
                id = (id << 8) | (h[i] & 0xFF);
            }
            return id;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    static float[] latents(Random rng, int n, double truncation) {
        boolean truncate = truncation > 0 && !Double.isInfinite(truncation);
        float[] z = new float[n];
        for (int i = 0; i < n; i++) {
            double v = rng.nextGaussian();
            while (truncate && Math.abs(v) > truncation) {
                v = rng.nextGaussian();
            }
            z[i] = (float) v;
        }
        return z;
    }

    private static Block loadGenerator(GanConfig config, NDManager manager, Path dir) throws IOException {
        Block g = GanNetworks.generator(config);
        g.initialize(manager, DataType.FLOAT32, new Shape(1, config.latentDim()));
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                Files.newInputStream(dir.resolve(GanCheckpoint.GENERATOR))))) {
            g.loadParameters(manager, in);
        } catch (MalformedModelException e) {
            throw new IOException("checkpoint " + dir + " does not match its configured generator: "
                    + e.getMessage(), e);
        }
        return g;
    }

    private static Properties properties(Path dir) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve(GanCheckpoint.STATE))) {
            p.load(in);
        }
        return p;
    }

    private static BufferedImage toImage(float[] px, int index, int size) {
        int plane = size * size;
        int base = index * 3 * plane;
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int p = 0; p < plane; p++) {
            int r = toByte(px[base + p]);
            int g = toByte(px[base + plane + p]);
            int b = toByte(px[base + 2 * plane + p]);
            img.setRGB(p % size, p / size, (r << 16) | (g << 8) | b);
        }
        return img;
    }

    private static int toByte(float v) {
        return Math.max(0, Math.min(255, Math.round((v + 1f) * 127.5f)));
    }
}
