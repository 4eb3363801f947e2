package dev.unmask.gan;

import dev.unmask.api.MediaException;
import dev.unmask.core.media.FormatDetection;
import dev.unmask.core.media.LoadedMedia;
import dev.unmask.core.media.MediaLimits;
import dev.unmask.core.scan.InputFiles;
import dev.unmask.core.scan.ScanInput;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Real images for training, decoded once and kept in memory as 8-bit RGB planes (CHW order), handed out as floats
 * in [-1, 1] (the range of the generator's tanh output). Every file of a folder tree that the core can decode (any
 * format {@code unmask scan} reads; hidden files skipped) is centre-cropped to a square and resized to the
 * configured side; files that cannot be decoded are skipped and listed with their reason in the
 * {@link DatasetManifest}, which also records every file's size and SHA-256. Decoding runs once per run: with a
 * cache file ({@link #load(Path, int, Path, IntConsumer)}) the decoded images are stored next to the run and reused
 * when the folder still holds the same bytes, so resuming does not decode again either.
 */
public final class ImageFolderData {
    /** Largest share of the Java heap the decoded images may take. */
    public static final double MAX_HEAP_SHARE = 0.6;

    private final int size;
    private final byte[][] images;
    private final int skipped;
    private final DatasetManifest manifest;
    private final boolean fromCache;

    private ImageFolderData(int size, byte[][] images, int skipped, DatasetManifest manifest, boolean fromCache) {
        this.size = size;
        this.images = images;
        this.skipped = skipped;
        this.manifest = manifest;
        this.fromCache = fromCache;
    }

    /** Decodes every image under {@code dir} (sorted by path, so the order is reproducible), without a cache. */
    public static ImageFolderData load(Path dir, int size) throws IOException {
        return load(dir, size, null, n -> { });
    }

    /**
     * Loads the images under {@code dir}: from {@code cacheFile} when it exists and its manifest matches the
     * folder's files (same paths, sizes and SHA-256), else by decoding every file and then writing the cache
     * ({@code cacheFile} may be null: no cache).
     *
     * @param filesDone called with the number of files handled so far (from decoding threads)
     * @throws IllegalArgumentException when no file can be used, or the decoded images would not fit the heap
     */
    public static ImageFolderData load(Path dir, int size, Path cacheFile, IntConsumer filesDone) throws IOException {
        List<Path> files = InputFiles.expand(List.of(dir)).stream().map(ScanInput::path).toList();
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no files in " + dir);
        }
        checkMemory(files.size(), size, Runtime.getRuntime().maxMemory());
        if (cacheFile != null && Files.exists(cacheFile)) {
            DecodedImageCache.Contents cached = DecodedImageCache.readIfCurrent(cacheFile, size, dir, files, filesDone);
            if (cached != null) {
                return new ImageFolderData(size, cached.images(), cached.manifest().skipped().size(), cached.manifest(),
                        true);
            }
        }
        FormatDetection formats = new FormatDetection();
        DatasetManifest.Entry[] entries = new DatasetManifest.Entry[files.size()];
        byte[][] decoded = new byte[files.size()][];
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, files.size()).parallel().forEach(i -> {
            Path f = files.get(i);
            String rel = relative(dir, f);
            try {
                LoadedMedia m = LoadedMedia.read(f, formats, MediaLimits.DEFAULT);
                try {
                    if (m.sizeBytes() == 0) {
                        throw new MediaException(MediaException.EMPTY, "the file is empty");
                    }
                    decoded[i] = toPlanes(cropResize(m.image(), size));
                    entries[i] = new DatasetManifest.Entry(rel, m.sizeBytes(), m.sha256(), DatasetManifest.OK);
                } catch (MediaException | RuntimeException e) {
                    entries[i] = new DatasetManifest.Entry(rel, m.sizeBytes(), m.sha256(), skipReason(e));
                }
            } catch (MediaException e) {
                entries[i] = new DatasetManifest.Entry(rel, sizeOrZero(f), "", skipReason(e));
            }
            filesDone.accept(done.incrementAndGet());
        });
        List<byte[]> used = new ArrayList<>();
        for (byte[] d : decoded) {
            if (d != null) {
                used.add(d);
            }
        }
        DatasetManifest manifest = new DatasetManifest(List.of(entries));
        if (used.isEmpty()) {
            DatasetManifest.Entry first = manifest.entries().get(0);
            throw new IllegalArgumentException("no usable image in " + dir + ": " + files.size()
                    + " file(s) found, none could be decoded (first: " + first.path() + ": " + first.status() + ")");
        }
        ImageFolderData data = new ImageFolderData(size, used.toArray(new byte[0][]), manifest.skipped().size(), manifest,
                false);
        if (cacheFile != null) {
            DecodedImageCache.write(cacheFile, size, manifest, data.images);
        }
        return data;
    }

    /**
     * Refuses a data set whose decoded images would take more than {@link #MAX_HEAP_SHARE} of {@code heapBytes}
     * (each image needs 3 x size x size bytes).
     */
    static void checkMemory(long files, int size, long heapBytes) {
        long need = files * (3L * size * size + 16);
        if (need > heapBytes * MAX_HEAP_SHARE) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "%d files would take about %d MB decoded at %d px, more than %.0f%% of the Java heap (%d MB); "
                            + "use a smaller size, fewer images or a larger heap (UNMASK_JAVA_OPTS=-Xmx...)",
                    files, need >> 20, size, MAX_HEAP_SHARE * 100, heapBytes >> 20));
        }
    }

    private static String skipReason(Exception e) {
        String code = e instanceof MediaException me ? me.code() : MediaException.DECODE_FAILED;
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "skipped: " + code + ": " + msg;
    }

    private static long sizeOrZero(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return 0;
        }
    }

    static String relative(Path dir, Path f) {
        StringBuilder sb = new StringBuilder();
        for (Path part : dir.relativize(f)) {
            sb.append(sb.isEmpty() ? "" : "/").append(part);
        }
        return sb.toString();
    }

    /** SHA-256 and size of a file, read in a stream (for checking a cache against the folder). */
    static DatasetManifest.Entry hashOnly(Path dir, Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            long n = 0;
            for (int r; (r = in.read(buf)) > 0; n += r) {
                md.update(buf, 0, r);
            }
            return new DatasetManifest.Entry(relative(dir, f), n, java.util.HexFormat.of().formatHex(md.digest()), "");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Builds the data from images already decoded (the manifest then lists them as {@code image-N}). */
    public static ImageFolderData fromImages(List<BufferedImage> images, int size, int skipped) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("no decodable images (" + skipped + " files skipped)");
        }
        byte[][] planes = new byte[images.size()][];
        List<DatasetManifest.Entry> entries = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            planes[i] = toPlanes(cropResize(images.get(i), size));
            entries.add(new DatasetManifest.Entry("image-" + i, planes[i].length, DatasetManifest.sha256(planes[i]),
                    DatasetManifest.OK));
        }
        return new ImageFolderData(size, planes, skipped, new DatasetManifest(entries), false);
    }

    private static byte[] toPlanes(BufferedImage img) {
        int s = img.getWidth();
        int plane = s * s;
        int[] rgb = img.getRGB(0, 0, s, s, null, 0, s);
        byte[] out = new byte[3 * plane];
        for (int p = 0; p < plane; p++) {
            int c = rgb[p];
            out[p] = (byte) (c >> 16);
            out[plane + p] = (byte) (c >> 8);
            out[2 * plane + p] = (byte) c;
        }
        return out;
    }

    /** Centre square crop, then a bilinear resize (progressive halving first, so big photos do not alias). */
    static BufferedImage cropResize(BufferedImage src, int size) {
        int side = Math.min(src.getWidth(), src.getHeight());
        BufferedImage cur = src.getSubimage((src.getWidth() - side) / 2, (src.getHeight() - side) / 2, side, side);
        int s = side;
        while (s / 2 >= size * 2) {
            s /= 2;
            cur = draw(cur, s);
        }
        return draw(cur, size);
    }

    private static BufferedImage draw(BufferedImage src, int size) {
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, size, size, null);
        g.dispose();
        return out;
    }

    /** Number of images held. */
    public int count() {
        return images.length;
    }

    /** Number of files that could not be decoded. */
    public int skipped() {
        return skipped;
    }

    /** Image side. */
    public int size() {
        return size;
    }

    /** True when the images came from the cache file instead of being decoded. */
    public boolean fromCache() {
        return fromCache;
    }

    /** Every file found, used or skipped, with size and SHA-256. */
    public DatasetManifest manifest() {
        return manifest;
    }

    /**
     * Copies the images at {@code indices} into a new (n, 3, size, size) array of values in [-1, 1], mirroring each
     * left-right when {@code flips} is not null and its next boolean is true (one draw per image, in order).
     */
    public float[] batch(int[] indices, Random flips) {
        int plane = size * size;
        int img = 3 * plane;
        float[] out = new float[indices.length * img];
        for (int b = 0; b < indices.length; b++) {
            byte[] src = images[indices[b]];
            int dst = b * img;
            boolean mirror = flips != null && flips.nextBoolean();
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < size; y++) {
                    int row = c * plane + y * size;
                    for (int x = 0; x < size; x++) {
                        int sx = mirror ? size - 1 - x : x;
                        out[dst + row + x] = (src[row + sx] & 0xff) / 127.5f - 1f;
                    }
                }
            }
        }
        return out;
    }
}
