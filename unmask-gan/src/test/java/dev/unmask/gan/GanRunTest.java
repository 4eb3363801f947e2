package dev.unmask.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GanRunTest {
    @TempDir
    static Path tmp;
    static ImageFolderData data;

    @BeforeAll
    static void makeData() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("shapes"));
        Shapes.write(dir, 24, 40, 9L);
        Files.writeString(dir.resolve("notes.txt"), "not an image");
        byte[] png = Files.readAllBytes(dir.resolve("shape-000.png"));
        Files.write(dir.resolve("truncated.png"), Arrays.copyOf(png, 60));
        data = ImageFolderData.load(dir, 32);
    }

    static GanConfig strong(int steps, int sampleEvery, int checkpointEvery) {
        return ExactResumeTest.small(GanConfig.Architecture.SPECTRAL_NORM, GanConfig.Loss.HINGE, DiffAugment.ALL, steps)
                .withEvery(sampleEvery, checkpointEvery).withOptimizer(1e-4, 4e-4, 0.0, 0.9, true);
    }

    @Test
    void writesGridsMetricsManifestCheckpointAndAReportWithEverySection() throws IOException {
        Path run = tmp.resolve("run");
        try (GanTrainer t = new GanTrainer(strong(4, 2, 2), data)) {
            new GanRun(t, run).run(s -> { });
        }
        for (int step : new int[] {2, 4}) {
            BufferedImage g = ImageIO.read(GanRun.gridFile(run, step).toFile());
            assertEquals(SampleGrid.side(GanRun.GRID_CELLS, 32), g.getWidth());
        }
        List<String> csv = Files.readAllLines(run.resolve("metrics.csv"));
        assertEquals(TrainingMetrics.HEADER, csv.get(0));
        assertEquals(5, csv.size());
        List<TrainingMetrics.Row> rows = TrainingMetrics.read(run);
        for (int i = 0; i < 4; i++) {
            TrainingMetrics.Row r = rows.get(i);
            assertEquals(i + 1, r.step());
            assertTrue(Double.isFinite(r.dLoss()) && Double.isFinite(r.gLoss()), r.toString());
            assertEquals(i < 3 ? 1 : 2, r.epoch(), "24 images, batch 8: step 4 starts epoch 2");
        }
        List<String> jsonl = Files.readAllLines(run.resolve("metrics.jsonl"));
        assertEquals(4, jsonl.size());
        assertTrue(jsonl.get(3).startsWith("{\"step\":4,\"epoch\":2,\"d_loss\":"), jsonl.get(3));

        List<String> manifest = Files.readAllLines(run.resolve(GanRun.MANIFEST));
        assertEquals("path,size,sha256,status", manifest.get(0));
        assertEquals(27, manifest.size(), "24 shapes, a text file and a truncated PNG");
        assertTrue(manifest.stream().anyMatch(l -> l.startsWith("notes.txt,12,") && l.contains("skipped: unsupported_format")),
                String.join("\n", manifest));
        assertTrue(manifest.stream().anyMatch(l -> l.startsWith("truncated.png,60,") && l.contains("skipped: ")));
        assertEquals(data.manifest().sha256(),
                GanCheckpoint.state(run.resolve("checkpoint")).getProperty(GanRun.DATA_SHA256));
        assertEquals(4, GanCheckpoint.step(run.resolve("checkpoint")));

        String html = Files.readString(run.resolve(GanRun.REPORT), StandardCharsets.UTF_8);
        for (String id : List.of("summary", "losses", "accuracy", "grids", "config", "dataset")) {
            assertTrue(html.contains("<section id=\"" + id + "\">"), "section " + id);
        }
        assertTrue(html.contains("Finished: 4 of 4 steps."));
        assertEquals(4, html.split("data:image/png;base64,", -1).length - 1, "2 charts and 2 grids embedded");
        assertTrue(html.contains(data.manifest().sha256()));
        assertTrue(html.contains("<details><summary>All 26 files"));
        assertTrue(html.contains("truncated.png") && html.contains("SPECTRAL_NORM") && html.contains("color,translation,cutout"));
        assertFalse(html.contains("src=\"http"), "self-contained");
    }

    @Test
    void aStopFromTheShutdownHookSavesACheckpointAndTheRunResumesToTheEnd() throws Exception {
        Path run = tmp.resolve("stopped");
        GanConfig c = strong(40, 0, 0);
        AtomicReference<Thread> hook = new AtomicReference<>();
        int at;
        try (GanTrainer t = new GanTrainer(c, data)) {
            GanRun r = new GanRun(t, run);
            assertTrue(r.awaitIdle(Duration.ZERO), "nothing running yet");
            hook.set(r.shutdownHook(Duration.ofMinutes(2)));
            r.run(s -> {
                if (s.step() == 2) {
                    hook.get().start();
                }
            });
            hook.get().join(120_000);
            assertFalse(hook.get().isAlive(), "the hook returns once the checkpoint is saved");
            assertTrue(r.stopped());
            at = t.stepsDone();
            assertTrue(at >= 2 && at < 40, "stopped at " + at);
            assertEquals(at, GanCheckpoint.step(r.checkpointDir()));
        }
        assertTrue(Files.readString(run.resolve(GanRun.REPORT)).contains("Stopped at step " + at + " of 40"));
        assertTrue(Files.exists(GanRun.gridFile(run, at)), "a grid of the last step");
        try (GanTrainer t = GanCheckpoint.resume(run.resolve("checkpoint"), data, c.withSteps(at + 2))) {
            GanRun r = new GanRun(t, run);
            r.run(s -> { });
            assertFalse(r.stopped());
        }
        List<TrainingMetrics.Row> rows = TrainingMetrics.read(run);
        assertEquals(at + 2, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(i + 1, rows.get(i).step());
        }
        assertTrue(rows.get(at + 1).wallSeconds() >= rows.get(at - 1).wallSeconds(), "training time adds up");
    }

    @Test
    void aTimeLimitStopsLikeCtrlC() throws IOException {
        Path run = tmp.resolve("limited");
        List<String> events = new java.util.ArrayList<>();
        try (GanTrainer t = new GanTrainer(strong(10, 0, 0), data)) {
            GanRun r = new GanRun(t, run).withTimeLimit(Duration.ZERO).onEvent(events::add);
            r.run(s -> { });
            assertTrue(r.stopped());
            assertEquals(0, t.stepsDone());
        }
        assertEquals(0, GanCheckpoint.step(run.resolve("checkpoint")));
        assertTrue(events.get(0).startsWith("stopped (time limit of 0s reached): checkpoint saved at step 0 of 10"),
                events.toString());
        assertTrue(Files.readString(run.resolve(GanRun.REPORT)).contains("Stopped at step 0 of 10"));
    }

    @Test
    void resumingFromAnOlderCheckpointDropsTheMetricsWrittenAfterIt() throws IOException {
        Path run = tmp.resolve("older");
        Path older = tmp.resolve("older-checkpoint");
        GanConfig c = strong(4, 0, 2);
        try (GanTrainer t = new GanTrainer(c, data)) {
            new GanRun(t, run).run(s -> {
                if (s.step() == 3) {
                    copy(run.resolve("checkpoint"), older);
                }
            });
        }
        assertEquals(4, TrainingMetrics.read(run).size());
        try (GanTrainer t = GanCheckpoint.resume(older, data)) {
            assertEquals(2, t.stepsDone());
            new GanRun(t, run).run(s -> { });
        }
        List<TrainingMetrics.Row> rows = TrainingMetrics.read(run);
        assertEquals(List.of(1, 2, 3, 4), rows.stream().map(TrainingMetrics.Row::step).toList());
    }

    @Test
    void trainsAt128PixelsWithTheWidthCapped() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("big"));
        Shapes.write(dir, 4, 150, 3L);
        ImageFolderData big = ImageFolderData.load(dir, 128);
        GanConfig c = GanConfig.defaults().withSize(128).withShape(2, 1, 16).withSeed(3L, 16, GanConfig.Loss.HINGE)
                .withModel(GanConfig.Architecture.SPECTRAL_NORM, GanConfig.Loss.HINGE, DiffAugment.ALL);
        try (GanTrainer t = new GanTrainer(c, big)) {
            StepStats s = t.step();
            assertTrue(Double.isFinite(s.dLoss()) && Double.isFinite(s.gLoss()), s.toString());
            assertEquals(2 * 3 * 128 * 128, t.generate(new float[2 * 16], 2).length);
            long widest = t.discriminatorBlock().getParameters().values().stream()
                    .filter(p -> p.getType() == ai.djl.nn.Parameter.Type.WEIGHT && p.getArray().getShape().dimension() == 4)
                    .mapToLong(p -> p.getArray().getShape().get(0)).max().orElseThrow();
            assertEquals(16 * GanNetworks.MAX_CHANNEL_FACTOR, widest);
        }
    }

    @Test
    void theSpectralNormDiscriminatorWithDiffAugmentLearnsToTellRealFromEarlyFakes() {
        GanConfig c = strong(30, 0, 0).withShape(16, 30, 16);
        List<StepStats> log = new java.util.ArrayList<>();
        try (GanTrainer t = new GanTrainer(c, data)) {
            t.train(log::add);
            double heldOut = t.discriminatorAccuracy(64);
            double first = accuracy(log.subList(0, 2));
            double last = accuracy(log.subList(log.size() - 5, log.size()));
            String msg = "SN D accuracy first " + first + " last " + last + " held-out " + heldOut;
            System.out.println(msg);
            // measured 0.52 -> 0.73, held-out 0.82 (deterministic at these settings); chance is 0.5
            assertTrue(last > first + 0.1, msg);
            assertTrue(heldOut > 0.7, msg);
        }
    }

    private static double accuracy(List<StepStats> steps) {
        return steps.stream().mapToDouble(s -> (s.dAccReal() + s.dAccFake()) / 2).average().orElseThrow();
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to);
            try (var s = Files.list(from)) {
                for (Path f : s.toList()) {
                    Files.copy(f, to.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
