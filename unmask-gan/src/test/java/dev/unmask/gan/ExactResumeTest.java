package dev.unmask.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training N steps straight and training k steps, checkpointing, resuming in a new trainer and training to N must
 * give the same weights, batch-norm statistics, spectral-norm vectors and optimiser moments, bit for bit.
 */
class ExactResumeTest {
    @TempDir
    static Path tmp;
    static ImageFolderData data;

    @BeforeAll
    static void makeData() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("shapes"));
        Shapes.write(dir, 20, 40, 5L);
        data = ImageFolderData.load(dir, 32);
    }

    static GanConfig small(GanConfig.Architecture a, GanConfig.Loss l, DiffAugment aug, int steps) {
        return GanConfig.defaults().withShape(8, steps, 16).withSeed(11L, 16, l).withModel(a, l, aug).withEvery(0, 0);
    }

    @Test
    void spectralNormHingeDiffAugmentResumesBitForBit() throws IOException {
        check(small(GanConfig.Architecture.SPECTRAL_NORM, GanConfig.Loss.HINGE, DiffAugment.ALL, 6), 2);
    }

    @Test
    void dcganNonSaturatingWithFlipsResumesBitForBitAcrossAnEpochBoundary() throws IOException {
        // 20 images, batch 8: steps 3 and 4 straddle the first epoch boundary
        check(small(GanConfig.Architecture.DCGAN, GanConfig.Loss.NON_SATURATING, DiffAugment.NONE, 5), 3);
    }

    private void check(GanConfig c, int k) throws IOException {
        String name = c.architecture() + "-" + k;
        Path straight = tmp.resolve(name + "-straight");
        Path split = tmp.resolve(name + "-split");
        List<StepStats> a = new ArrayList<>();
        try (GanTrainer t = new GanTrainer(c, data)) {
            t.train(a::add);
            GanCheckpoint.save(t, straight);
        }
        List<StepStats> b = new ArrayList<>();
        try (GanTrainer t = new GanTrainer(c, data)) {
            for (int i = 0; i < k; i++) {
                b.add(t.step());
            }
            GanCheckpoint.save(t, split);
        }
        try (GanTrainer t = GanCheckpoint.resume(split, data)) {
            assertEquals(k, t.stepsDone());
            t.train(b::add);
            GanCheckpoint.save(t, split);
        }
        for (String f : List.of(GanCheckpoint.GENERATOR, GanCheckpoint.DISCRIMINATOR, GanCheckpoint.OPTIMIZER)) {
            assertArrayEquals(Files.readAllBytes(straight.resolve(f)), Files.readAllBytes(split.resolve(f)),
                    name + ": " + f + " differs after resuming");
        }
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).dLoss(), b.get(i).dLoss(), 0.0, "D loss of step " + (i + 1));
            assertEquals(a.get(i).gLoss(), b.get(i).gLoss(), 0.0, "G loss of step " + (i + 1));
            assertTrue(Double.isFinite(a.get(i).dLoss()) && Double.isFinite(a.get(i).gLoss()));
        }
        // the comparison can fail: another seed gives other weights
        Path other = tmp.resolve(name + "-other");
        try (GanTrainer t = new GanTrainer(c.withSeed(12L, c.latentDim(), c.loss()), data)) {
            t.train(s -> { });
            GanCheckpoint.save(t, other);
        }
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(straight.resolve(GanCheckpoint.GENERATOR)),
                Files.readAllBytes(other.resolve(GanCheckpoint.GENERATOR))));
    }
}
