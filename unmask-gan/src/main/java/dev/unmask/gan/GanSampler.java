package dev.unmask.gan;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.IntConsumer;

/**
 * Draws images from a trained generator ({@link GanCheckpoint}) and writes them as PNGs or JPEGs
 * ({@link SampleEncoding}) labelled as generated:
 * <ol>
 *   <li>always an XMP packet (PNG iTXt {@code XML:com.adobe.xmp}, JPEG APP1) declaring IPTC
 *       {@code Iptc4xmpExt:DigitalSourceType = trainedAlgorithmicMedia} and {@code xmp:CreatorTool} /
 *       {@code tiff:Software = "Unmask <version>"};</li>
 *   <li>Unmask's invisible watermark carrying a 48-bit run id derived from the checkpoint ({@link #runId}), when
 *       both sides are at least {@code UnmaskWatermark.MIN_SIDE} (128) px. The GAN's sizes (32, 64) are below it,
 *       so the watermark is skipped and the file's entry says so, unless the caller asks for a nearest-neighbour
 *       enlargement ({@link SampleEncoding#scale()}) that reaches 128 px; images are never enlarged silently;</li>
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
     * @param checkpointDir folder written by {@link GanCheckpoint#save} (or a run folder holding it)
     * @param truncation 0 (or infinity) for plain N(0, 1) latents, else a threshold >= {@link #MIN_TRUNCATION}
     */
    public static SampleResult sample(Path checkpointDir, int count, Path outDir, long seed, double truncation,
            SampleLabels labels) throws IOException {
        return sample(checkpointDir, count, outDir, seed, truncation, labels, SampleEncoding.png(), done -> { });
    }

    /**
     * Writes {@code count} labelled images {@code sample-00000.<ext>}, ... into {@code outDir} (created if needed),
     * calling {@code progress} with the number written so far after each batch.
     *
     * @param runOrCheckpoint a run folder or its checkpoint folder ({@link TrainedGan#checkpointDir})
     * @param truncation 0 (or infinity) for plain N(0, 1) latents, else a threshold >= {@link #MIN_TRUNCATION}
     */
    public static SampleResult sample(Path runOrCheckpoint, int count, Path outDir, long seed, double truncation,
            SampleLabels labels, SampleEncoding encoding, IntConsumer progress) throws IOException {
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("count must be in [1, " + MAX_COUNT + "], got " + count);
        }
        checkTruncation(truncation);
        try (TrainedGan gan = TrainedGan.open(runOrCheckpoint, false)) {
            GanConfig config = gan.config();
            SampleLabeller labeller = new SampleLabeller(labels, gan.runId());
            Files.createDirectories(outDir);
            Random rng = new Random(seed);
            List<SampleResult.SampledFile> files = new ArrayList<>();
            for (int start = 0; start < count; start += BATCH) {
                int n = Math.min(BATCH, count - start);
                float[] px = gan.generate(latents(rng, n * config.latentDim(), truncation), n);
                for (int i = 0; i < n; i++) {
                    BufferedImage img = GanImages.toImage(px, i, config.size());
                    Path file = outDir.resolve(String.format(Locale.ROOT, "sample-%05d.%s", start + i,
                            encoding.format().extension()));
                    files.add(labeller.write(img, file, encoding));
                }
                progress.accept(start + n);
            }
            return new SampleResult(gan.step(), gan.runId(), files);
        }
    }

    /** Rejects a truncation that is negative, NaN or positive but below {@link #MIN_TRUNCATION}. */
    public static void checkTruncation(double truncation) {
        if (Double.isNaN(truncation) || truncation < 0 || (truncation > 0 && truncation < MIN_TRUNCATION)) {
            throw new IllegalArgumentException("truncation must be 0 (off) or >= " + MIN_TRUNCATION + ", got "
                    + truncation);
        }
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

    /** {@code n} components from N(0, 1), each re-drawn while |z| exceeds {@code truncation} (when > 0). */
    public static float[] latents(Random rng, int n, double truncation) {
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
}
