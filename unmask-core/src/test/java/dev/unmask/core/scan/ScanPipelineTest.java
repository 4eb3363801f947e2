package dev.unmask.core.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.api.Analyzer;
import dev.unmask.api.AnalyzerInfo;
import dev.unmask.api.AnalyzerOptions;
import dev.unmask.api.AnalyzerResult;
import dev.unmask.api.Evidence;
import dev.unmask.api.Finding;
import dev.unmask.api.Media;
import dev.unmask.api.MediaType;
import dev.unmask.core.imaging.Codecs;
import dev.unmask.core.imaging.Planes;
import dev.unmask.core.media.MediaLimits;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanPipelineTest {
    /** Reports the mean luma as a finding; used to check results reach the right file. */
    static final class MeanLuma implements Analyzer {
        final AtomicInteger concurrent = new AtomicInteger();
        final AtomicInteger maxConcurrent = new AtomicInteger();

        @Override
        public AnalyzerInfo info() {
            return new AnalyzerInfo("mean", "Mean luma", "1", "test analyzer");
        }

        @Override
        public boolean supports(MediaType type) {
            return type.isImage();
        }

        @Override
        public AnalyzerResult analyze(Media media) throws Exception {
            int c = concurrent.incrementAndGet();
            maxConcurrent.accumulateAndGet(c, Math::max);
            try {
                double m = Planes.luma(media).mean();
                Thread.sleep(5);
                return AnalyzerResult.ok("mean computed", List.of(Finding.info("mean.value").title("mean").value("mean", m).build()));
            } finally {
                concurrent.decrementAndGet();
            }
        }
    }

    /** Throws on every file: the batch must go on. */
    static final class Exploding implements Analyzer {
        @Override
        public AnalyzerInfo info() {
            return new AnalyzerInfo("boom", "Exploding", "1", "test analyzer that always throws");
        }

        @Override
        public boolean supports(MediaType type) {
            return true;
        }

        @Override
        public AnalyzerResult analyze(Media media) {
            throw new IllegalStateException("kaboom");
        }
    }

    /** Reads bytes only; runs even when pixels cannot be decoded. */
    static final class BytesOnly implements Analyzer {
        int threshold;

        @Override
        public AnalyzerInfo info() {
            return new AnalyzerInfo("bytes", "Byte counter", "1", "test analyzer");
        }

        @Override
        public void init(AnalyzerOptions options) {
            threshold = options.getInt("threshold", 10, 0, 1000);
        }

        @Override
        public boolean needsPixels() {
            return false;
        }

        @Override
        public boolean supports(MediaType type) {
            return type.isImage();
        }

        @Override
        public AnalyzerResult analyze(Media media) throws Exception {
            return AnalyzerResult.ok(media.bytes().length + " bytes",
                    List.of(Finding.of("bytes.big", Evidence.MANIPULATED, media.bytes().length > threshold ? 0.1 : 0).title("size").build()));
        }
    }

    private static Path image(Path dir, String name, int grey) throws Exception {
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                img.setRGB(x, y, grey * 0x010101);
            }
        }
        Path p = dir.resolve(name);
        Files.write(p, Codecs.png(img));
        return p;
    }

    private static List<FileResult> scan(AnalyzerSet set, int threads, List<Path> files) throws Exception {
        List<ScanInput> inputs = files.stream().map(ScanInput::named).toList();
        ScanPipeline p = new ScanPipeline(set, new ScanSettings(threads, MediaLimits.DEFAULT, 200_000_000L, false, false), VerdictFusion.defaults());
        List<FileResult> out = new ArrayList<>();
        p.scan(inputs, out::add);
        return out;
    }

    @Test
    void resultsArriveInInputOrderAndTheBatchGoesOnPastBadFiles(@TempDir Path dir) throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            files.add(image(dir, "img" + i + ".png", i * 10));
        }
        Path empty = dir.resolve("empty.png");
        Files.write(empty, new byte[0]);
        files.add(7, empty);
        Path text = dir.resolve("notes.jpg");
        Files.writeString(text, "not an image");
        files.add(3, text);
        MeanLuma mean = new MeanLuma();
        List<FileResult> rs = scan(AnalyzerSet.of(List.of(mean, new Exploding()), Set.of(), Set.of(), Map.of()), 2, files);
        assertEquals(files.size(), rs.size());
        for (int i = 0; i < rs.size(); i++) {
            assertEquals(i, rs.get(i).index());
            assertEquals(files.get(i).toString(), rs.get(i).path());
        }
        assertEquals("unsupported_format", rs.get(3).error().code());
        assertEquals("empty_file", rs.get(8).error().code());
        FileResult ok = rs.get(0);
        assertNull(ok.error());
        assertEquals(0.0, (double) ok.runs().stream().filter(r -> r.info().id().equals("mean")).findFirst().orElseThrow()
                .result().findings().get(0).values().get("mean"), 0.5);
        var boom = ok.runs().stream().filter(r -> r.info().id().equals("boom")).findFirst().orElseThrow();
        assertEquals(AnalyzerResult.Status.FAILED, boom.result().status());
        assertTrue(boom.result().summary().contains("kaboom"));
        assertTrue(mean.maxConcurrent.get() <= 2);
    }

    @Test
    void analyzersThatNeedOnlyBytesRunOnUndecodableFiles(@TempDir Path dir) throws Exception {
        Path p = image(dir, "cut.png", 100);
        byte[] b = Files.readAllBytes(p);
        Files.write(p, java.util.Arrays.copyOf(b, b.length - 12)); // drop IEND
        List<FileResult> rs = scan(AnalyzerSet.of(List.of(new MeanLuma(), new BytesOnly()), Set.of(), Set.of(), Map.of()), 1, List.of(p));
        FileResult r = rs.get(0);
        assertEquals("truncated", r.error().code());
        assertEquals(Label.NOT_APPLICABLE, r.verdict().label());
        var bytes = r.runs().stream().filter(x -> x.info().id().equals("bytes")).findFirst().orElseThrow();
        assertEquals(AnalyzerResult.Status.OK, bytes.result().status());
        var mean = r.runs().stream().filter(x -> x.info().id().equals("mean")).findFirst().orElseThrow();
        assertEquals(AnalyzerResult.Status.FAILED, mean.result().status());
        assertTrue(mean.result().summary().startsWith("not run"));
    }

    @Test
    void optionsAreValidatedBeforeAnyFileIsRead() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> AnalyzerSet.of(List.of(new BytesOnly()), Set.of(), Set.of(), Map.of("bytes.threshold", "-1")));
        assertTrue(e.getMessage().contains("bytes.threshold"));
        e = assertThrows(IllegalArgumentException.class,
                () -> AnalyzerSet.of(List.of(new BytesOnly()), Set.of(), Set.of(), Map.of("bytes.treshold", "5")));
        assertTrue(e.getMessage().contains("treshold"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> AnalyzerSet.of(List.of(new BytesOnly()), Set.of("nope"), Set.of(), Map.of()));
        assertTrue(e.getMessage().contains("unknown analyzer 'nope'"));
        AnalyzerSet ok = AnalyzerSet.of(List.of(new BytesOnly(), new MeanLuma()), Set.of(), Set.of("mean"), Map.of("bytes.threshold", "5"));
        assertEquals(1, ok.analyzers().size());
    }

    /** Reports three steps of progress on every file through the media's progress sink. */
    static final class Stepping implements Analyzer {
        @Override
        public AnalyzerInfo info() {
            return new AnalyzerInfo("steps", "Stepping", "1", "test analyzer reporting progress");
        }

        @Override
        public boolean supports(MediaType type) {
            return type.isImage();
        }

        @Override
        public AnalyzerResult analyze(Media media) {
            for (int i = 1; i <= 3; i++) {
                dev.unmask.core.media.MediaProgress.of(media).update(i, 3, "frames");
            }
            return AnalyzerResult.ok("stepped", List.of());
        }
    }

    @Test
    void progressInsideAFileReachesTheListenerWithItsIndexAndPath(@TempDir Path dir) throws Exception {
        List<Path> files = List.of(image(dir, "a.png", 10), image(dir, "b.png", 20));
        List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
        ScanPipeline p = new ScanPipeline(AnalyzerSet.of(List.of(new Stepping()), Set.of(), Set.of(), Map.of()),
                new ScanSettings(2, MediaLimits.DEFAULT, 200_000_000L, false, false), VerdictFusion.defaults());
        p.scan(files.stream().map(ScanInput::named).toList(), new ScanListener() {
            @Override
            public void result(FileResult r) {
                // not needed here
            }

            @Override
            public void progress(int index, Path path, long done, long total, String unit) {
                events.add(index + " " + path.getFileName() + " " + done + "/" + total + " " + unit);
            }
        });
        assertEquals(6, events.size());
        assertTrue(events.containsAll(List.of("0 a.png 1/3 frames", "0 a.png 3/3 frames", "1 b.png 2/3 frames")), events.toString());
        // a file analysed outside a scan has no listener: reports go nowhere
        p.analyse(0, ScanInput.named(files.get(0)));
    }

    @Test
    void pixelBudgetFollowsTheHeap() {
        assertEquals(16_000_000L, ScanSettings.pixelBudgetFor(64L << 20), "small heaps still allow one ordinary photo");
        assertEquals((4L << 30) / ScanSettings.BYTES_PER_PIXEL_IN_FLIGHT, ScanSettings.pixelBudgetFor(4L << 30));
        assertEquals(400_000_000L, ScanSettings.pixelBudgetFor(64L << 30));
    }

    @Test
    void pixelBudgetSerialisesLargeImages(@TempDir Path dir) throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            BufferedImage img = new BufferedImage(1200, 1000, BufferedImage.TYPE_INT_RGB);
            Path p = dir.resolve("big" + i + ".png");
            Files.write(p, Codecs.png(img));
            files.add(p);
        }
        MeanLuma mean = new MeanLuma();
        AnalyzerSet set = AnalyzerSet.of(List.of(mean), Set.of(), Set.of(), Map.of());
        // budget of 1.5 MP: only one 1.2 MP image may be decoded at a time, even with 2 threads
        ScanPipeline p = new ScanPipeline(set, new ScanSettings(2, MediaLimits.DEFAULT, 1_500_000L, false, false), VerdictFusion.defaults());
        List<FileResult> out = new ArrayList<>();
        p.scan(files.stream().map(ScanInput::named).toList(), out::add);
        assertEquals(6, out.size());
        assertEquals(1, mean.maxConcurrent.get());
    }
}
