package dev.unmask.gan.measure;

import dev.unmask.api.MediaException;
import dev.unmask.core.media.FormatDetection;
import dev.unmask.core.media.LoadedMedia;
import dev.unmask.core.media.MediaLimits;
import dev.unmask.gan.GanConfig;
import dev.unmask.gan.GanImages;
import dev.unmask.gan.GanSampler;
import dev.unmask.gan.ImageFolderData;
import dev.unmask.gan.TrainedGan;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * Measures a trained generator against real images: draws {@code count} samples (latents from the seed, 8-bit
 * quantised exactly as written samples are), takes up to {@code count} real images from a folder (sorted by path,
 * centre-cropped and resized to the generator's size the way training images are), maps both to a
 * {@link FeatureSpace} and reports the {@link FrechetDistance} and the {@link KernelDistance} between them.
 */
public final class GanMeasurement {
    /** Images per generator call and per feature-extraction chunk. */
    static final int CHUNK = 64;

    private GanMeasurement() {
    }

    /**
     * Settings of one measurement.
     *
     * @param count generated images, and the most real images used
     * @param seed latent seed (and KID subset seed)
     * @param kidSubsets KID subsets when a set is larger than a subset
     * @param kidSubsetSize KID subset size
     */
    public record Settings(int count, long seed, int kidSubsets, int kidSubsetSize) {
        /** Validates the fields. */
        public Settings {
            if (count < 2 || count > GanSampler.MAX_COUNT) {
                throw new IllegalArgumentException("count must be in [2, " + GanSampler.MAX_COUNT + "], got " + count);
            }
            if (kidSubsets < 1 || kidSubsetSize < 2) {
                throw new IllegalArgumentException("KID needs >= 1 subset of >= 2 images");
            }
        }
    }

    /**
     * The outcome.
     *
     * @param checkpointStep the generator's training step
     * @param runId the checkpoint's run id
     * @param size the generator's image side
     * @param generated generated images measured
     * @param real real images measured
     * @param realSkipped files in the real folder that could not be decoded (among those read)
     * @param space the feature space's name
     * @param spaceDescription what the features are
     * @param dimension feature length
     * @param comparableToPublished whether the Fréchet distance is the standard FID set-up
     * @param frechet the Fréchet distance
     * @param kid the kernel distance
     * @param notes caveats, one sentence each
     */
    public record Result(int checkpointStep, long runId, int size, int generated, int real, int realSkipped, String space,
            String spaceDescription, int dimension, boolean comparableToPublished, FrechetDistance.Result frechet,
            KernelDistance.Result kid, List<String> notes) {
        /** Copies the notes. */
        public Result {
            notes = List.copyOf(notes);
        }
    }

    /**
     * Measures the generator of {@code runOrCheckpoint} against the images in {@code realDir}, calling
     * {@code progress} with the number of images (generated plus real) done so far.
     *
     * @throws IOException when the run cannot be loaded, the folder cannot be read, or it holds fewer than 2
     *     decodable images
     */
    public static Result measure(Path runOrCheckpoint, Path realDir, FeatureSpace space, Settings settings,
            IntConsumer progress) throws IOException {
        if (!Files.isDirectory(realDir)) {
            throw new IOException("no such folder of real images: " + realDir);
        }
        try (TrainedGan gan = TrainedGan.open(runOrCheckpoint, false)) {
            GanConfig c = gan.config();
            int n = settings.count();
            Random rng = new Random(settings.seed());
            float[][] fake = new float[n][];
            for (int start = 0; start < n; start += CHUNK) {
                int b = Math.min(CHUNK, n - start);
                float[] px = gan.generate(GanSampler.latents(rng, b * c.latentDim(), 0), b);
                List<BufferedImage> imgs = new ArrayList<>(b);
                for (int i = 0; i < b; i++) {
                    imgs.add(GanImages.toImage(px, i, c.size()));
                }
                System.arraycopy(space.features(imgs), 0, fake, start, b);
                progress.accept(start + b);
            }
            List<float[]> real = new ArrayList<>();
            int skipped = 0;
            List<Path> files;
            try (Stream<Path> s = Files.walk(realDir)) {
                files = s.filter(Files::isRegularFile).sorted().toList();
            }
            FormatDetection formats = new FormatDetection();
            List<BufferedImage> chunk = new ArrayList<>();
            for (int i = 0; i < files.size() && real.size() + chunk.size() < n; i++) {
                try {
                    chunk.add(LoadedMedia.read(files.get(i), formats, MediaLimits.DEFAULT).image());
                } catch (MediaException | RuntimeException e) {
                    skipped++;
                }
                if (chunk.size() == CHUNK || i == files.size() - 1 || real.size() + chunk.size() == n) {
                    addFeatures(chunk, c.size(), space, real);
                    chunk.clear();
                    progress.accept(n + real.size());
                }
            }
            if (real.size() < 2) {
                throw new IOException(realDir + ": needs at least 2 decodable images, found " + real.size()
                        + " (" + skipped + " files could not be decoded)");
            }
            float[][] realArr = real.toArray(float[][]::new);
            FrechetDistance.Result fd = FrechetDistance.between(FeatureStats.of(fake), FeatureStats.of(realArr));
            KernelDistance.Result kid = KernelDistance.estimate(fake, realArr, settings.kidSubsets(),
                    settings.kidSubsetSize(), settings.seed());
            List<String> notes = new ArrayList<>();
            if (!space.comparableToPublishedFid()) {
                notes.add("Distances in the " + space.name() + " feature space are not comparable to published FID/KID "
                        + "figures (those use Inception-v3 pool3 features); compare them only with each other.");
            }
            notes.add(String.format(Locale.ROOT, "The Fréchet distance depends on the sample count (it is biased upward, "
                    + "more so for small sets); compare values only at equal counts (here %d generated, %d real).", n,
                    realArr.length));
            if (Math.min(n, realArr.length) <= space.dimension()) {
                notes.add(String.format(Locale.ROOT, "Fewer images (%d) than feature dimensions (%d): the covariances are "
                        + "rank-deficient; the distance is exact for these samples but far from its large-sample value.",
                        Math.min(n, realArr.length), space.dimension()));
            }
            if (realArr.length < n) {
                notes.add(String.format(Locale.ROOT, "Only %d real images in %s, fewer than the %d generated.",
                        realArr.length, realDir, n));
            }
            return new Result(gan.step(), gan.runId(), c.size(), n, realArr.length, skipped, space.name(),
                    space.description(), space.dimension(), space.comparableToPublishedFid(), fd, kid, notes);
        }
    }

    /** Crops and resizes like training data ({@link ImageFolderData}), re-quantised to 8 bits, then extracts features. */
    private static void addFeatures(List<BufferedImage> chunk, int size, FeatureSpace space, List<float[]> out)
            throws IOException {
        if (chunk.isEmpty()) {
            return;
        }
        ImageFolderData d = ImageFolderData.fromImages(chunk, size, 0);
        int[] idx = new int[chunk.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        float[] px = d.batch(idx, null);
        List<BufferedImage> imgs = new ArrayList<>(idx.length);
        for (int i = 0; i < idx.length; i++) {
            imgs.add(GanImages.toImage(px, i, size));
        }
        for (float[] f : space.features(imgs)) {
            out.add(f);
        }
    }
}
