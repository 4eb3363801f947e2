package dev.unmask.detect.eval;

import dev.unmask.api.MediaException;
import dev.unmask.api.detector.Detector;
import dev.unmask.api.detector.DetectorDescriptor;
import dev.unmask.api.detector.DetectorException;
import dev.unmask.core.media.FormatDetection;
import dev.unmask.core.media.LoadedMedia;
import dev.unmask.core.media.MediaLimits;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Scores labelled real and fake images with one detector, clean and under each {@link Perturbation}, and computes
 * {@link DetectionMetrics} per condition. Images are decoded through the core's guards; a file that is not an image,
 * cannot be decoded, or that the detector fails on is listed as skipped with the reason and left out of every
 * condition, so each row is measured on the same images.
 */
public final class DetectorEvaluation {
    /** The name of the unperturbed row. */
    public static final String CLEAN = "none";

    /** Why a file was left out. */
    public enum SkipKind {
        /** Not an image (a README beside the images); does not make the run fail. */
        NOT_AN_IMAGE,
        /** Unreadable, undecodable, or refused by a guard. */
        UNREADABLE,
        /** The detector failed on it or returned no probability. */
        DETECTOR_FAILED
    }

    /**
     * A file left out.
     *
     * @param path the file
     * @param kind why, as a category
     * @param reason why, in words
     */
    public record Skipped(Path path, SkipKind kind, String reason) {}

    /**
     * One image's probabilities.
     *
     * @param path the file
     * @param fake whether it is labelled fake
     * @param scores the probability clean (index 0) and under each perturbation in order
     */
    public record ImageScores(Path path, boolean fake, double[] scores) {}

    /**
     * One condition's figures.
     *
     * @param name {@value #CLEAN} or the perturbation's name, e.g. {@code jpeg:75}
     * @param metrics the figures
     */
    public record Row(String name, DetectionMetrics metrics) {}

    /**
     * The outcome of a run.
     *
     * @param model the detector's descriptor
     * @param rows the clean row first, then one per perturbation
     * @param images every scored image, reals first, in file-name order
     * @param skipped the files left out
     */
    public record Result(DetectorDescriptor model, List<Row> rows, List<ImageScores> images, List<Skipped> skipped) {
        /** Files that should have been scored but could not be (not counting non-images). */
        public long failures() {
            return skipped.stream().filter(s -> s.kind() != SkipKind.NOT_AN_IMAGE).count();
        }

        /** The probabilities of the real (label 0) or fake images under condition {@code row}. */
        public double[] scores(int row, boolean fake) {
            return images.stream().filter(s -> s.fake() == fake).mapToDouble(s -> s.scores()[row]).toArray();
        }

        /** The operating points of every row, in row order. */
        public List<ScoreCurves> curves() {
            List<ScoreCurves> c = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                c.add(ScoreCurves.of(scores(i, false), scores(i, true)));
            }
            return c;
        }
    }

    private final Detector detector;
    private final List<Perturbation> perturbations;
    private final MediaLimits limits;
    private final int threads;

    /**
     * @param detector the detector to evaluate
     * @param perturbations the perturbations, each giving a row
     * @param limits the guard limits for decoding
     * @param threads images scored in parallel
     */
    public DetectorEvaluation(Detector detector, List<Perturbation> perturbations, MediaLimits limits, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.detector = detector;
        this.perturbations = List.copyOf(perturbations);
        this.limits = limits;
        this.threads = threads;
    }

    /**
     * Scores every image and computes the figures.
     *
     * @param reals real image files
     * @param fakes fake image files
     * @param onImage called after each image (from worker threads), for progress
     * @throws IllegalArgumentException when, after skipping, there is no real or no fake image left
     */
    public Result run(List<Path> reals, List<Path> fakes, Runnable onImage) throws InterruptedException {
        List<Path> all = new ArrayList<>(reals);
        all.addAll(fakes);
        List<Object> outcomes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "unmask-eval");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Object>> futures = new ArrayList<>();
            FormatDetection formats = new FormatDetection();
            for (int i = 0; i < all.size(); i++) {
                Path p = all.get(i);
                boolean fake = i >= reals.size();
                futures.add(pool.submit(() -> {
                    try {
                        return score(p, fake, formats);
                    } finally {
                        onImage.run();
                    }
                }));
            }
            for (Future<Object> f : futures) {
                try {
                    outcomes.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("evaluation failed: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        List<ImageScores> images = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Object o : outcomes) {
            if (o instanceof ImageScores s) {
                images.add(s);
            } else {
                skipped.add((Skipped) o);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int c = 0; c <= perturbations.size(); c++) {
            int cond = c;
            double[] r = images.stream().filter(s -> !s.fake()).mapToDouble(s -> s.scores()[cond]).toArray();
            double[] f = images.stream().filter(ImageScores::fake).mapToDouble(s -> s.scores()[cond]).toArray();
            if (r.length == 0 || f.length == 0) {
                throw new IllegalArgumentException("no " + (r.length == 0 ? "real" : "fake") + " image could be scored ("
                        + skipped.size() + " file(s) skipped)");
            }
            rows.add(new Row(c == 0 ? CLEAN : perturbations.get(c - 1).name(),
                    DetectionMetrics.of(r, f, detector.descriptor().threshold())));
        }
        return new Result(detector.descriptor(), rows, images, skipped);
    }

    private Object score(Path p, boolean fake, FormatDetection formats) {
        LoadedMedia m;
        BufferedImage img;
        try {
            m = LoadedMedia.read(p, formats, limits);
            if (!m.type().isImage()) {
                return new Skipped(p, SkipKind.NOT_AN_IMAGE, "not an image (" + m.type().id() + ")");
            }
            img = m.image();
        } catch (MediaException e) {
            return new Skipped(p, SkipKind.UNREADABLE, e.code() + ": " + e.getMessage());
        } catch (RuntimeException | OutOfMemoryError e) {
            return new Skipped(p, SkipKind.UNREADABLE, "decode_failed: " + e);
        }
        long seed = HexFormat.fromHexDigitsToLong(m.sha256().substring(0, 16));
        double[] scores = new double[perturbations.size() + 1];
        try {
            for (int c = 0; c < scores.length; c++) {
                BufferedImage in = c == 0 ? img : perturbations.get(c - 1).apply(img, seed + c);
                double s = detector.probabilityFake(in);
                if (!(s >= 0 && s <= 1)) {
                    return new Skipped(p, SkipKind.DETECTOR_FAILED, "the detector returned " + s + ", not a probability"
                            + (c == 0 ? "" : " (under " + perturbations.get(c - 1).name() + ")"));
                }
                scores[c] = s;
            }
        } catch (DetectorException | RuntimeException e) {
            return new Skipped(p, SkipKind.DETECTOR_FAILED, "the detector failed: " + e.getMessage());
        }
        return new ImageScores(p, fake, scores);
    }
}
