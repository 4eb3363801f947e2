package dev.unmask.detect.data;

import dev.unmask.api.MediaException;
import dev.unmask.core.imaging.Planes;
import dev.unmask.core.media.FormatDetection;
import dev.unmask.core.media.LoadedMedia;
import dev.unmask.core.media.MediaLimits;
import dev.unmask.core.scan.InputFiles;
import dev.unmask.core.scan.ScanInput;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Builds a {@link Dataset} from a folder of real and a folder of fake images, both walked recursively (hidden
 * entries skipped, files in path order). Every file goes through the core's format detection from magic bytes,
 * the central guard and decoder, exactly as {@code unmask scan} reads it; a file that cannot be used is listed with
 * its reason and the scan goes on. Images smaller than the crop size on either side are skipped
 * ({@link SkippedFile#TOO_SMALL}) rather than padded or enlarged: padding adds borders only some images have, and
 * enlarging adds interpolation traces, either of which a detector would learn as a shortcut. Exact duplicates are
 * dropped, and files found in both folders are dropped from both. The split comes from {@link HashSplit}.
 */
public final class DatasetScanner {
    /** The fewest images each class needs in each split. */
    public static final int MIN_PER_SPLIT = 2;

    /**
     * @param size the crop side the detector trains on
     * @param validationPercent share of files (by hash bucket) held out for validation, 1..50
     * @param limits the guard limits for reading files
     * @param threads decoding threads
     */
    public record Settings(int size, int validationPercent, MediaLimits limits, int threads) {
        /** Validates the settings. */
        public Settings {
            if (size < 16) {
                throw new IllegalArgumentException("crop size must be at least 16 pixels: " + size);
            }
            if (validationPercent < 1 || validationPercent > 50) {
                throw new IllegalArgumentException("validation percentage must be in 1..50: " + validationPercent);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1: " + threads);
            }
        }
    }

    private DatasetScanner() {
    }

    /**
     * Scans both folders, decoding each file once and offering it to {@code cache}.
     *
     * @throws DatasetException when a folder is missing, a class has no usable image, or a class has fewer than
     *     {@link #MIN_PER_SPLIT} images in a split
     * @throws IOException when a folder cannot be listed
     */
    public static Dataset scan(Path realDir, Path fakeDir, Settings settings, ImageCache cache) throws DatasetException, IOException {
        checkFolder(realDir, "--real");
        checkFolder(fakeDir, "--fake");
        List<SkippedFile> skipped = new ArrayList<>();
        List<ImageRecord> real = scanClass(realDir, Label.REAL, settings, cache, skipped);
        List<ImageRecord> fake = scanClass(fakeDir, Label.FAKE, settings, cache, skipped);
        Set<String> realHashes = new HashSet<>();
        real.forEach(r -> realHashes.add(r.sha256()));
        Set<String> both = new HashSet<>();
        fake.forEach(f -> {
            if (realHashes.contains(f.sha256())) {
                both.add(f.sha256());
            }
        });
        List<ImageRecord> records = new ArrayList<>();
        for (ImageRecord r : concat(real, fake)) {
            if (both.contains(r.sha256())) {
                skipped.add(new SkippedFile(r.path(), r.label(), SkippedFile.IN_BOTH_CLASSES,
                        "the same bytes are in both the real and the fake folder"));
            } else {
                records.add(r);
            }
        }
        Dataset d = new Dataset(realDir, fakeDir, records, skipped);
        checkCounts(d, Label.REAL, realDir, "--real", settings);
        checkCounts(d, Label.FAKE, fakeDir, "--fake", settings);
        return d;
    }

    private static List<ImageRecord> concat(List<ImageRecord> a, List<ImageRecord> b) {
        List<ImageRecord> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static void checkFolder(Path dir, String option) throws DatasetException {
        if (dir == null) {
            throw new DatasetException(option + " is required");
        }
        if (!Files.exists(dir)) {
            throw new DatasetException(option + " folder does not exist: " + dir);
        }
        if (!Files.isDirectory(dir)) {
            throw new DatasetException(option + " must be a folder of images, not a file: " + dir);
        }
    }

    private static void checkCounts(Dataset d, Label label, Path dir, String option, Settings s) throws DatasetException {
        int train = d.count(label, Split.TRAIN);
        int val = d.count(label, Split.VALIDATION);
        long skippedHere = d.skipped().stream().filter(k -> k.label() == label).count();
        if (train + val == 0) {
            throw new DatasetException("no usable images in the " + option + " folder " + dir + " ("
                    + (skippedHere == 0 ? "it holds no files" : skippedHere + " files skipped, first: " + firstReason(d, label)) + ")");
        }
        if (train < MIN_PER_SPLIT || val < MIN_PER_SPLIT) {
            throw new DatasetException("too few images for a validation split in the " + option + " folder " + dir + ": " + train
                    + " training and " + val + " validation images (a file goes to validation when its hash bucket is below --val-percent "
                    + s.validationPercent() + "); each class needs at least " + MIN_PER_SPLIT
                    + " in each split: add images or change --val-percent");
        }
    }

    private static String firstReason(Dataset d, Label label) {
        return d.skipped().stream().filter(k -> k.label() == label).findFirst()
                .map(k -> k.path().getFileName() + ": " + k.message()).orElse("");
    }

    private sealed interface Outcome permits Used, Skipped {
    }

    private record Used(ImageRecord record) implements Outcome {
    }

    private record Skipped(SkippedFile file) implements Outcome {
    }

    private static List<ImageRecord> scanClass(Path root, Label label, Settings s, ImageCache cache, List<SkippedFile> skipped)
            throws IOException {
        List<ScanInput> inputs = InputFiles.expand(List.of(root));
        FormatDetection formats = new FormatDetection();
        ExecutorService pool = Executors.newFixedThreadPool(s.threads(), r -> {
            Thread t = new Thread(r, "unmask-data-scan");
            t.setDaemon(true);
            return t;
        });
        List<Outcome> outcomes = new ArrayList<>();
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (ScanInput in : inputs) {
                futures.add(pool.submit(() -> read(root, in.path(), label, s, formats, cache)));
            }
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + root, e);
        } catch (ExecutionException e) {
            throw new IOException("reading " + root + " failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<ImageRecord> out = new ArrayList<>();
        Map<String, Path> seen = new HashMap<>();
        for (Outcome o : outcomes) {
            if (o instanceof Skipped k) {
                skipped.add(k.file());
            } else if (o instanceof Used u) {
                ImageRecord r = u.record();
                Path first = seen.putIfAbsent(r.sha256(), r.path());
                if (first != null) {
                    skipped.add(new SkippedFile(r.path(), label, SkippedFile.DUPLICATE, "the same bytes as " + first));
                } else {
                    out.add(r);
                }
            }
        }
        return out;
    }

    private static Outcome read(Path root, Path file, Label label, Settings s, FormatDetection formats, ImageCache cache) {
        try {
            LoadedMedia m = LoadedMedia.read(file, formats, s.limits());
            if (!m.type().isImage()) {
                return new Skipped(new SkippedFile(file, label, MediaException.UNSUPPORTED_FORMAT,
                        "not a supported image (" + m.type().id() + ")"));
            }
            BufferedImage img = Planes.toRgb(m.image());
            if (img.getWidth() < s.size() || img.getHeight() < s.size()) {
                return new Skipped(new SkippedFile(file, label, SkippedFile.TOO_SMALL, img.getWidth() + "x" + img.getHeight()
                        + " is smaller than the " + s.size() + "-pixel crop (images are never enlarged or padded)"));
            }
            cache.offer(m.sha256(), img);
            String rel = root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
            return new Used(new ImageRecord(file, rel, label, m.sha256(), m.sizeBytes(), img.getWidth(), img.getHeight(),
                    HashSplit.of(m.sha256(), s.validationPercent())));
        } catch (MediaException e) {
            return new Skipped(new SkippedFile(file, label, e.code(), e.getMessage()));
        } catch (RuntimeException | OutOfMemoryError e) {
            return new Skipped(new SkippedFile(file, label, MediaException.DECODE_FAILED, "decoding failed: " + e));
        }
    }
}
