package dev.unmask.bench;

import dev.unmask.api.Analyzer;
import dev.unmask.core.imaging.Codecs;
import dev.unmask.core.imaging.Planes;
import dev.unmask.core.imaging.Scaling;
import dev.unmask.core.media.FormatDetection;
import dev.unmask.core.media.ImageDecoder;
import dev.unmask.core.media.LoadedMedia;
import dev.unmask.core.media.MediaLimits;
import dev.unmask.core.media.StructureGuard;
import dev.unmask.core.scan.AnalyzerRun;
import dev.unmask.core.scan.AnalyzerSet;
import dev.unmask.core.scan.FileResult;
import dev.unmask.core.scan.ScanPipeline;
import dev.unmask.core.scan.ScanSettings;
import dev.unmask.core.scan.VerdictFusion;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Images per second of the default scan pipeline on 1-megapixel and 12-megapixel JPEGs, and in the same run
 * the time to only decode the same files, printing the ratio pipeline/decode. Also prints the mean time per
 * analyzer. Run with {@code bench/run}.
 *
 * <p>Inputs are made from a real camera photo (testdata/camera-jpeg/sample1.jpg) resized with bicubic
 * interpolation to 1155x866 (1 MP) and 4000x3000 (12 MP) and saved as JPEG quality 90. Each measurement runs
 * warm-up rounds first; decode and pipeline alternate so that machine noise affects both, and both use the same
 * number of threads.
 */
public final class PipelineBenchmark {
    private PipelineBenchmark() {}

    /** Entry point: {@code [testdataDir] [rounds] [threads]}. */
    public static void main(String[] args) throws Exception {
        Path testdata = Path.of(args.length > 0 ? args[0] : "testdata");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        BufferedImage src = Codecs.decodeTrusted(Files.readAllBytes(testdata.resolve("camera-jpeg/sample1.jpg")));
        Path dir = Files.createTempDirectory("unmask-bench");
        System.out.printf(Locale.ROOT, "Unmask pipeline benchmark: Java %s, %d cores, %d worker thread(s), %d rounds%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), threads, rounds);
        for (int[] size : new int[][] {{1155, 866}, {4000, 3000}}) {
            BufferedImage img = Scaling.resize(src, size[0], size[1], RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            int copies = size[0] * size[1] > 5_000_000 ? 4 : 16;
            List<Path> files = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                // vary each copy slightly so no cache can help
                BufferedImage c = Scaling.toRgb(img);
                c.setRGB(i, i, 0xff00ff);
                Path p = dir.resolve(size[0] + "x" + size[1] + "-" + i + ".jpg");
                Files.write(p, Codecs.jpeg(c, 90));
                files.add(p);
            }
            run(String.format(Locale.ROOT, "%.1f MP (%dx%d) JPEG q90", size[0] * size[1] / 1e6, size[0], size[1]), files, rounds, threads);
        }
    }

    private static void run(String name, List<Path> files, int rounds, int threads) throws Exception {
        FormatDetection formats = new FormatDetection();
        ImageDecoder decoder = new ImageDecoder(new StructureGuard(MediaLimits.DEFAULT));
        java.util.concurrent.ExecutorService decodePool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try (AnalyzerSet set = AnalyzerSet.load(Set.of(), Set.of(), Map.of())) {
            ScanPipeline pipeline = new ScanPipeline(set, new ScanSettings(threads, MediaLimits.DEFAULT, 400_000_000L, false, false),
                    VerdictFusion.defaults());
            Map<String, double[]> perAnalyzer = new TreeMap<>();
            double decodeSec = 0;
            double pipeSec = 0;
            int measured = 0;
            for (int r = 0; r < rounds + 1; r++) {
                long t0 = System.nanoTime();
                long checksum = 0;
                // decode on the same number of threads as the pipeline, so the ratio compares like with like
                List<java.util.concurrent.Future<Integer>> decoded = new ArrayList<>();
                for (Path p : files) {
                    decoded.add(decodePool.submit(() -> {
                        LoadedMedia m = LoadedMedia.read(p, formats, MediaLimits.DEFAULT);
                        BufferedImage img = decoder.decode(m.bytes());
                        return Planes.rgbPixels(img)[0];
                    }));
                }
                for (var f : decoded) {
                    checksum += f.get();
                }
                long t1 = System.nanoTime();
                List<FileResult> results = new ArrayList<>();
                pipeline.scan(files.stream().map(dev.unmask.core.scan.ScanInput::named).toList(), results::add);
                long t2 = System.nanoTime();
                if (checksum == 42) {
                    System.out.print("");
                }
                if (r == 0) {
                    continue; // warm-up
                }
                measured++;
                decodeSec += (t1 - t0) / 1e9;
                pipeSec += (t2 - t1) / 1e9;
                for (FileResult fr : results) {
                    if (fr.error() != null) {
                        throw new IllegalStateException("benchmark input failed: " + fr.error());
                    }
                    for (AnalyzerRun run : fr.runs()) {
                        perAnalyzer.computeIfAbsent(run.info().id(), k -> new double[2]);
                        perAnalyzer.get(run.info().id())[0] += run.elapsedMillis();
                        perAnalyzer.get(run.info().id())[1]++;
                    }
                }
            }
            int n = files.size() * measured;
            System.out.printf(Locale.ROOT, "%n%s, %d images x %d rounds%n", name, files.size(), measured);
            System.out.printf(Locale.ROOT, "  decode only : %7.2f images/s (%.0f ms/image)%n", n / decodeSec, decodeSec * 1000 / n);
            System.out.printf(Locale.ROOT, "  full scan   : %7.2f images/s (%.0f ms/image)%n", n / pipeSec, pipeSec * 1000 / n);
            System.out.printf(Locale.ROOT, "  ratio scan/decode time: %.1fx%n", pipeSec / decodeSec);
            System.out.println("  per analyzer (mean ms/image):");
            for (var e : perAnalyzer.entrySet()) {
                System.out.printf(Locale.ROOT, "    %-10s %8.1f%n", e.getKey(), e.getValue()[0] / e.getValue()[1]);
            }
            for (Analyzer a : set.analyzers()) {
                if (!perAnalyzer.containsKey(a.info().id())) {
                    System.out.printf(Locale.ROOT, "    %-10s (not applicable to JPEG)%n", a.info().id());
                }
            }
        } finally {
            decodePool.shutdownNow();
        }
    }
}
