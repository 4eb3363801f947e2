package dev.unmask.detect;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.detect.augment.Augmentation;
import dev.unmask.detect.train.TrainConfig;
import dev.unmask.detect.train.TrainingRun;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NprTrainingTest {
    @TempDir
    static Path dir;
    static Path real;
    static Path fake;

    @BeforeAll
    static void data() throws Exception {
        real = dir.resolve("real");
        fake = dir.resolve("fake");
        TestImages.write(real, fake, 40, 64, 96, 11);
    }

    @Test
    void learnsUpSamplingTraces() throws Exception {
        TrainConfig c = TrainingFixture.config(Architecture.NPR, real, fake, 32, 6, 16, 1e-3, Augmentation.parse("blur:0,jpeg:0,downscale:0", Augmentation.DEFAULT));
        long t0 = System.nanoTime();
        TrainingRun.Result r = TrainingFixture.train(c, dir.resolve("model"), false);
        System.out.println("seconds " + (System.nanoTime() - t0) / 1e9 + " auc " + r.validation().auc());
        assertTrue(r.validation().auc() > 0.8);
    }
}
