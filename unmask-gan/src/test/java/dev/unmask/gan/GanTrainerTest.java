package dev.unmask.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GanTrainerTest {
    @TempDir
    static Path tmp;
    static ImageFolderData data;

    @BeforeAll
    static void makeData() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("shapes"));
        Shapes.write(dir, 64, 48, 42L);
        Files.writeString(dir.resolve("notes.txt"), "not an image");
        data = ImageFolderData.load(dir, 32);
    }

    static GanConfig tiny(int steps) {
        return GanConfig.defaults().withShape(16, steps, 16).withSeed(7L, 16, GanConfig.Loss.NON_SATURATING)
                .withEvery(2, 0);
    }

    @Test
    void loadsDecodableImagesAndSkipsOthers() {
        assertEquals(64, data.count());
        assertEquals(1, data.skipped());
        float[] b = data.batch(new int[] {0, 1}, null);
        assertEquals(2 * 3 * 32 * 32, b.length);
        for (float v : b) {
            assertTrue(v >= -1f && v <= 1f);
        }
    }

    @Test
    void configIsValidatedAndRoundTrips() {
        assertThrows(IllegalArgumentException.class, () -> GanConfig.defaults().withSize(48));
        assertThrows(IllegalArgumentException.class, () -> GanConfig.defaults().withShape(1, 10, 8));
        GanConfig c = tiny(5).withSeed(3L, 32, GanConfig.Loss.HINGE);
        assertEquals(c, GanConfig.fromProperties(c.toProperties()));
    }

    @Test
    void trainsWithFiniteLossesAndWritesGridsAndCheckpoints() throws IOException {
        Path run = tmp.resolve("run1");
        List<StepStats> log = new ArrayList<>();
        try (GanTrainer t = new GanTrainer(tiny(4), data)) {
            new GanRun(t, run).run(log::add);
            assertEquals(4, t.stepsDone());
        }
        assertEquals(4, log.size());
        for (StepStats s : log) {
            assertTrue(Double.isFinite(s.dLoss()) && s.dLoss() > 0, s.toString());
            assertTrue(Double.isFinite(s.gLoss()) && s.gLoss() > 0, s.toString());
            assertTrue(s.dAccReal() >= 0 && s.dAccReal() <= 1 && s.dAccFake() >= 0 && s.dAccFake() <= 1);
        }
        BufferedImage grid = ImageIO.read(GanRun.gridFile(run, 4).toFile());
        assertEquals(SampleGrid.side(8, 32), grid.getWidth());
        assertEquals(8 * 32 + 9 * SampleGrid.PAD, grid.getHeight());
        assertTrue(Files.exists(GanRun.gridFile(run, 2)));
        assertTrue(Files.exists(run.resolve("checkpoint").resolve(GanCheckpoint.GENERATOR)));
        assertEquals(4, GanCheckpoint.config(run.resolve("checkpoint")).steps());
    }

    @Test
    void resumesAtTheSavedStepWithTheSavedWeights() throws IOException {
        Path ck = tmp.resolve("ck");
        float[] z = new float[2 * 16];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) Math.sin(i);
        }
        float[] before;
        try (GanTrainer t = new GanTrainer(tiny(6), data)) {
            for (int i = 0; i < 3; i++) {
                t.step();
            }
            GanCheckpoint.save(t, ck);
            before = t.generate(z, 2);
        }
        try (GanTrainer t = GanCheckpoint.resume(ck, data)) {
            assertEquals(3, t.stepsDone());
            float[] after = t.generate(z, 2);
            assertEquals(before.length, after.length);
            for (int i = 0; i < before.length; i++) {
                assertEquals(before[i], after[i], 1e-6f, "pixel " + i);
            }
            StepStats s = t.step();
            assertEquals(4, s.step());
            assertTrue(Double.isFinite(s.dLoss()) && Double.isFinite(s.gLoss()));
            t.train(x -> { });
            assertEquals(6, t.stepsDone());
        }
    }

    @Test
    void discriminatorLearnsToTellRealFromEarlyFakes() {
        List<StepStats> log = new ArrayList<>();
        try (GanTrainer t = new GanTrainer(tiny(30), data)) {
            t.train(log::add);
            double heldOut = t.discriminatorAccuracy(64);
            // accuracy measured in each step before that step's D update: the first is D untrained (chance)
            double first = accuracy(log.subList(0, 2));
            double last = accuracy(log.subList(log.size() - 5, log.size()));
            String msg = "D accuracy first " + first + " last " + last + " held-out " + heldOut + ", skipped G updates "
                    + t.skippedGeneratorUpdates();
            System.out.println(msg);
            assertTrue(last > 0.75 && last > first + 0.15, msg);
            assertTrue(heldOut > 0.7, msg);
        }
    }

    private static double accuracy(List<StepStats> steps) {
        return steps.stream().mapToDouble(s -> (s.dAccReal() + s.dAccFake()) / 2).average().orElseThrow();
    }
}
