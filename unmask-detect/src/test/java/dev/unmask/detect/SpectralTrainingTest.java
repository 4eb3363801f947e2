package dev.unmask.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.api.detector.Detector;
import dev.unmask.api.detector.DetectorException;
import dev.unmask.api.detector.Detectors;
import dev.unmask.detect.augment.Augmentation;
import dev.unmask.detect.model.ModelFolder;
import dev.unmask.detect.model.SpectralDetector;
import dev.unmask.detect.spectral.SpectralTrainer;
import dev.unmask.detect.train.Checkpoints;
import dev.unmask.detect.train.TrainConfig;
import dev.unmask.detect.train.TrainingException;
import dev.unmask.detect.train.TrainingRun;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spectral architecture end to end on generated data: learning, resume, the model folder and its loader. */
class SpectralTrainingTest {
    @TempDir
    static Path dir;
    static Path real;
    static Path fake;
    static TrainingRun.Result trained;
    static Path model;

    @BeforeAll
    static void train() throws Exception {
        real = dir.resolve("real");
        fake = dir.resolve("fake");
        TestImages.write(real, fake, 36, 64, 96, 21);
        model = dir.resolve("spectral");
        trained = TrainingFixture.train(config(3), model, false);
    }

    static TrainConfig config(int epochs) {
        return TrainingFixture.config(Architecture.SPECTRAL, real, fake, 64, epochs, 16, 1e-3, Augmentation.DEFAULT);
    }

    @Test
    void separatesUpSampledImagesOnItsHeldOutSplit() {
        assertTrue(trained.validation().auc() > 0.9, "validation AUC " + trained.validation().auc());
        assertEquals(3, trained.history().size());
        assertTrue(trained.history().get(2).validationAuc() > 0.9, "last epoch AUC on centre crops");
    }

    @Test
    void resumedRunEndsWithTheSameWeightsAsAnUninterruptedOne() throws Exception {
        Path part = dir.resolve("resumed");
        TrainingFixture.train(config(2), part, false);
        assertTrue(Files.isDirectory(Checkpoints.dir(part, 2)));
        TrainingRun.Result resumed = TrainingFixture.train(config(3), part, true);
        assertArrayEquals(Files.readAllBytes(model.resolve(SpectralTrainer.WEIGHTS)), Files.readAllBytes(part.resolve(SpectralTrainer.WEIGHTS)));
        assertArrayEquals(Files.readAllBytes(model.resolve(ModelFolder.CALIBRATION)), Files.readAllBytes(part.resolve(ModelFolder.CALIBRATION)));
        assertEquals(trained.history().size(), resumed.history().size());
        assertEquals(trained.threshold(), resumed.threshold());
        TrainingException done = assertThrows(TrainingException.class, () -> TrainingFixture.train(config(3), part, true));
        assertTrue(done.getMessage().contains("already trained 3 epochs"), done.getMessage());
    }

    @Test
    void modelFolderOpensAndGivesProbabilities() throws Exception {
        for (String f : new String[] {"detector.properties", "config.json", "calibration.json", "manifest.csv", "skipped.csv", "history.csv",
                "MODEL_CARD.md", "report.html", SpectralTrainer.WEIGHTS}) {
            assertTrue(Files.isRegularFile(model.resolve(f)), f);
        }
        try (Detector d = Detectors.open(model)) {
            assertInstanceOf(SpectralDetector.class, d);
            assertEquals("spectral", d.descriptor().kind());
            assertEquals(0.05, Double.parseDouble(d.descriptor().property("threshold.fpr", "")), 1e-12);
            assertEquals(trained.threshold().threshold(), d.descriptor().threshold(), 1e-12);
            assertEquals(64, d.descriptor().intProperty("input.size", 0));
            Random r = new Random(5);
            double realMean = 0;
            double fakeMean = 0;
            for (int i = 0; i < 10; i++) {
                double pr = d.probabilityFake(TestImages.scene(80, 72, r));
                double pf = d.probabilityFake(TestImages.upsample(TestImages.scene(40, 36, r), i % 2 == 0));
                assertTrue(pr >= 0 && pr <= 1 && pf >= 0 && pf <= 1);
                realMean += pr / 10;
                fakeMean += pf / 10;
            }
            assertTrue(fakeMean > realMean + 0.3, "fresh fakes " + fakeMean + " vs fresh reals " + realMean);
            DetectorException small = assertThrows(DetectorException.class,
                    () -> d.probabilityFake(new BufferedImage(40, 100, BufferedImage.TYPE_INT_RGB)));
            assertTrue(small.getMessage().contains("40x100, smaller than the detector's 64-pixel input"), small.getMessage());
        }
    }
}
