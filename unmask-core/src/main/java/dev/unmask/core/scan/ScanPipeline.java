package dev.unmask.core.scan;

import dev.unmask.api.Analyzer;
import dev.unmask.api.AnalyzerResult;
import dev.unmask.api.Artifact;
import dev.unmask.api.MediaException;
import dev.unmask.api.MediaKind;
import dev.unmask.core.imaging.Codecs;
import dev.unmask.core.imaging.Scaling;
import dev.unmask.core.media.FormatDetection;
import dev.unmask.core.media.LoadedMedia;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Runs analyzers over files in parallel and hands results to a listener in input order.
 *
 * <p>Memory is bounded three ways: the central guard refuses files over the limits before decoding; at most
 * {@code 2 × threads} files are in flight (read, analysed, or waiting to be emitted in order); and a pixel
 * budget semaphore keeps the decoded pixels of concurrently analysed images under
 * {@link ScanSettings#pixelBudget()}. A failure in one file or one analyzer becomes data in that file's result;
 * the batch always goes on.
 */
public final class ScanPipeline {
    private final AnalyzerSet analyzers;
    private final ScanSettings settings;
    private final VerdictFusion fusion;
    private final FormatDetection formats;
    private final Semaphore pixels;
    private final int budgetUnits;

    /** A pipeline over initialised analyzers. */
    public ScanPipeline(AnalyzerSet analyzers, ScanSettings settings, VerdictFusion fusion) {
        this.analyzers = analyzers;
        this.settings = settings;
        this.fusion = fusion;
        this.formats = new FormatDetection();
        this.budgetUnits = (int) Math.max(1, Math.min(Integer.MAX_VALUE, settings.pixelBudget() / 1_000_000L));
        this.pixels = new Semaphore(budgetUnits, true);
    }

    /** The fusion in use. */
    public VerdictFusion fusion() {
        return fusion;
    }

    /**
     * Scans the files, calling the listener for each in input order.
     *
     * @throws Exception only when the listener throws (e.g. the output disk is full)
     */
    public void scan(List<ScanInput> files, ScanListener listener) throws Exception {
        listener.started(files.size());
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "unmask-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            int window = settings.threads() * 2;
            List<Future<FileResult>> inFlight = new ArrayList<>();
            int next = 0;
            int emitted = 0;
            while (emitted < files.size()) {
                while (next < files.size() && next - emitted < window) {
                    final int index = next++;
                    final ScanInput in = files.get(index);
                    inFlight.add(pool.submit(() -> analyse(index, in, listener)));
                }
                Future<FileResult> head = inFlight.remove(0);
                FileResult r;
                try {
                    r = head.get();
                } catch (ExecutionException e) {
                    // analyse() catches everything; this is a defect, still reported as data
                    r = errorResult(emitted, files.get(emitted).path(), null, new FileError("internal_error",
                            "unexpected failure: " + e.getCause()));
                }
                listener.result(r);
                emitted++;
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Analyses one file; never throws. */
    public FileResult analyse(int index, ScanInput input) {
        return analyse(index, input, null);
    }

    private FileResult analyse(int index, ScanInput input, ScanListener progress) {
        LoadedMedia media;
        try {
            media = LoadedMedia.read(input.path(), formats, settings.limits());
        } catch (MediaException e) {
            return errorResult(index, input.path(), null, new FileError(e.code(), e.getMessage()));
        }
        if (progress != null) {
            media.reportProgressTo((done, total, unit) -> progress.progress(index, input.path(), done, total, unit));
        }
        return analyse(index, media, input.foundInFolder());
    }

    /**
     * Analyses media already in memory; never throws.
     *
     * @param foundInFolder whether an unknown format is skipped (true) rather than an error (false); see {@link ScanInput}
     */
    public FileResult analyse(int index, LoadedMedia media, boolean foundInFolder) {
        if (media.sizeBytes() == 0) {
            return errorResult(index, media.path(), media, new FileError(MediaException.EMPTY, "the file is empty (0 bytes)"));
        }
        if (media.type().kind() == MediaKind.OTHER) {
            if (foundInFolder || settings.skipUnsupported()) {
                return finish(index, media, 0, 0, List.of(), null, null);
            }
            return errorResult(index, media.path(), media, new FileError(MediaException.UNSUPPORTED_FORMAT,
                    "the leading bytes match no supported format " + hexHead(media.bytes())
                            + " (supported: JPEG, PNG, WebP, GIF, BMP, TIFF); the file name's extension is not trusted"));
        }
        int units = 0;
        FileError error = null;
        int w = 0;
        int h = 0;
        Artifact preview = null;
        try {
            var structure = media.checkStructure();
            if (!media.type().isImage()) {
                // containers checked by a ContainerGuard (video) report their display size
                w = structure.width();
                h = structure.height();
            } else {
                long px = media.declaredPixels();
                units = (int) Math.min(budgetUnits, Math.max(1, (px + 999_999) / 1_000_000));
                pixels.acquire(units);
                BufferedImage img = media.image();
                w = img.getWidth();
                h = img.getHeight();
                preview = settings.previews() ? preview(img) : null;
            }
        } catch (MediaException e) {
            error = new FileError(e.code(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = new FileError("interrupted", "the scan was interrupted");
        }
        try {
            List<AnalyzerRun> runs = new ArrayList<>();
            for (Analyzer a : analyzers.analyzers()) {
                if (!a.supports(media.type())) {
                    continue;
                }
                if (error != null && (a.needsPixels() || error.code().equals(MediaException.METADATA_TOO_LARGE))) {
                    runs.add(new AnalyzerRun(a.info(), AnalyzerResult.failed("not run: " + error.message()), 0));
                    continue;
                }
                runs.add(run(a, media));
            }
            return finish(index, media, w, h, runs, error, preview);
        } finally {
            if (units > 0) {
                pixels.release(units);
            }
        }
    }

    private static AnalyzerRun run(Analyzer a, LoadedMedia media) {
        long t0 = System.nanoTime();
        AnalyzerResult r;
        try {
            r = a.analyze(media);
            if (r == null) {
                r = AnalyzerResult.failed("analyzer returned no result (defect in " + a.info().id() + ")");
            }
        } catch (MediaException e) {
            r = AnalyzerResult.failed(e.getMessage());
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            r = AnalyzerResult.failed("analyzer failed: " + e);
        }
        return new AnalyzerRun(a.info(), r, (System.nanoTime() - t0) / 1e6);
    }

    private FileResult finish(int index, LoadedMedia media, int w, int h, List<AnalyzerRun> runs, FileError error,
                              Artifact preview) {
        return new FileResult(index, media.path().toString(), media.sha256(), media.sizeBytes(), media.type().id(),
                media.type().mime(), w, h, runs, fusion.fuse(runs, error), error, preview);
    }

    /** The report preview of a decoded image; never fails the file. */
    private static Artifact preview(BufferedImage img) {
        try {
            BufferedImage small = Scaling.boxDown(img, Scaling.PREVIEW_SIDE);
            return new Artifact("preview", "The image as decoded (reduced).", Artifact.Kind.IMAGE, "image/jpeg",
                    Codecs.jpeg(small, 85), small.getWidth(), small.getHeight());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private FileResult errorResult(int index, Path path, LoadedMedia media, FileError error) {
        return new FileResult(index, path.toString(), media == null ? null : media.sha256(),
                media == null ? -1 : media.sizeBytes(), media == null ? "unknown" : media.type().id(),
                media == null ? "application/octet-stream" : media.type().mime(), 0, 0, List.of(),
                fusion.fuse(List.of(), error), error, null);
    }

    private static String hexHead(byte[] b) {
        StringBuilder s = new StringBuilder("(starts with");
        for (int i = 0; i < Math.min(8, b.length); i++) {
            s.append(String.format(" %02X", b[i] & 0xff));
        }
        return s.append(')').toString();
    }

    /** Counts of results by label, for summaries. */
    public static Map<String, Integer> countByLabel(List<FileResult> results) {
        Map<String, Integer> m = new TreeMap<>();
        for (Label l : Label.values()) {
            m.put(l.json(), 0);
        }
        results.forEach(r -> m.merge(r.verdict().label().json(), 1, Integer::sum));
        return m;
    }
}
