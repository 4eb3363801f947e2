package dev.unmask.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.api.detector.Detector;
import dev.unmask.api.detector.DetectorDescriptor;
import dev.unmask.api.detector.Detectors;
import dev.unmask.detect.augment.Augmentation;
import dev.unmask.detect.model.ModelFolder;
import dev.unmask.detect.model.NprDetector;
import dev.unmask.detect.npr.NprNetwork;
import dev.unmask.detect.npr.NprTrainer;
import dev.unmask.detect.train.Checkpoints;
import dev.unmask.detect.train.EpochStats;
import dev.unmask.detect.train.TrainConfig;
import dev.unmask.detect.train.TrainingRun;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The NPR architecture end to end on generated data, at a 32-pixel crop to keep the test short. */
class NprTrainingTest {
    static final int EPOCHS = 5;

    @TempDir
    static Path dir;
    static Path real;
    static Path fake;
    static Path model;
    static TrainConfig config;
    static TrainingRun.Result trained;

    @BeforeAll
    static void train() throws Exception {
        real = dir.resolve("real");
        fake = dir.resolve("fake");
        TestImages.write(real, fake, 40, 64, 96, 11);
        config = TrainingFixture.config(Architecture.NPR, real, fake, 32, EPOCHS, 16, 1e-3,
                Augmentation.parse("blur:0.1,jpeg:0.1:70-100,downscale:0", Augmentation.DEFAULT));
        model = dir.resolve("npr");
        trained = TrainingFixture.train(config, model, false);
    }

    @Test
    void learnsUpSamplingTracesOnItsHeldOutSplit() {
        assertTrue(trained.validation().auc() > 0.85, "validation AUC " + trained.validation().auc());
        assertTrue(trained.history().get(EPOCHS - 1).validationAuc() > 0.85, "last epoch, centre crops");
        assertTrue(trained.history().get(EPOCHS - 1).trainLoss() < trained.history().get(0).trainLoss(), "training loss fell");
        assertEquals(NprNetwork.PARAMETERS, trained.parameters());
    }

    @Test
    void resumingFromTheLastButOneCheckpointReproducesTheFinalWeights() throws Exception {
        Path copy = dir.resolve("resumed");
        Path from = Checkpoints.dir(model, EPOCHS - 1);
        Path to = Checkpoints.dir(copy, EPOCHS - 1);
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path f : s.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        TrainingRun.Result resumed = TrainingFixture.train(config, copy, true);
        assertEquals(EPOCHS, resumed.history().size());
        DetectorDescriptor a = DetectorDescriptor.read(model);
        DetectorDescriptor b = DetectorDescriptor.read(copy);
        assertEquals(a.property("npr.optimizer.steps", "a"), b.property("npr.optimizer.steps", "b"));
        assertArrayEquals(Files.readAllBytes(model.resolve(NprTrainer.WEIGHTS)), Files.readAllBytes(copy.resolve(NprTrainer.WEIGHTS)),
                "weights after resume differ from the uninterrupted run");
        EpochStats x = trained.history().get(EPOCHS - 1);
        EpochStats y = resumed.history().get(EPOCHS - 1);
        assertEquals(x.trainLoss(), y.trainLoss(), 0.0);
        assertEquals(x.validationLoss(), y.validationLoss(), 0.0);
        assertEquals(x.validationAuc(), y.validationAuc(), 0.0);
    }

    @Test
    void modelOpensAndItsCalibratedScoresMatchFreshData() throws Exception {
        Random r = new Random(99);
        List<BufferedImage> reals = new ArrayList<>();
        List<BufferedImage> fakes = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            reals.add(TestImages.scene(64 + 2 * r.nextInt(16), 64 + 2 * r.nextInt(16), r));
            fakes.add(TestImages.upsample(TestImages.scene(32 + r.nextInt(8), 32 + r.nextInt(8), r), i % 2 == 0));
        }
        try (Detector d = Detectors.open(model)) {
            assertInstanceOf(NprDetector.class, d);
            double brier = 0;
            int realsAbove = 0;
            int fakesAbove = 0;
            for (int i = 0; i < reals.size(); i++) {
                double pr = d.probabilityFake(reals.get(i));
                double pf = d.probabilityFake(fakes.get(i));
                assertTrue(pr >= 0 && pr <= 1 && pf >= 0 && pf <= 1);
                brier += pr * pr + (1 - pf) * (1 - pf);
                realsAbove += pr >= d.descriptor().threshold() ? 1 : 0;
                fakesAbove += pf >= d.descriptor().threshold() ? 1 : 0;
            }
            brier /= 2 * reals.size();
            assertTrue(brier < 0.15, "Brier score on fresh images " + brier + " (0.25 = always 0.5)");
            assertTrue(realsAbove <= 2, realsAbove + " of 16 fresh reals above the threshold");
            assertTrue(fakesAbove >= 8, fakesAbove + " of 16 fresh fakes above the threshold");

            // concurrent calls give exactly the serial answers
            double[] serial = new double[fakes.size()];
            for (int i = 0; i < serial.length; i++) {
                serial[i] = d.probabilityFake(fakes.get(i));
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Double>> fs = new ArrayList<>();
                for (BufferedImage f : fakes) {
                    fs.add(pool.submit(() -> d.probabilityFake(f)));
                }
                for (int i = 0; i < serial.length; i++) {
                    assertEquals(serial[i], fs.get(i).get(), 0.0);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void modelCardAndDescriptorNameWhatWasTrained() throws Exception {
        String card = Files.readString(model.resolve(ModelFolder.CARD));
        assertTrue(card.contains("| real | "), card);
        assertTrue(card.contains("manifest.csv"));
        assertTrue(card.contains("1,437,761"));
        assertTrue(card.contains("## Known limits"));
        List<String> manifest = Files.readAllLines(model.resolve(ModelFolder.MANIFEST));
        assertEquals(81, manifest.size(), "header + 80 images");
        assertTrue(manifest.get(1).matches("(train|validation),real,[0-9a-f]{64},\\d+,\\d+,\\d+,real-\\d{3}\\.png"), manifest.get(1));
        DetectorDescriptor d = DetectorDescriptor.read(model);
        assertEquals("npr", d.kind());
        assertEquals("32", d.property("input.size", ""));
        assertEquals("platt", d.property("calibration.method", ""));
        String html = Files.readString(model.resolve(ModelFolder.REPORT));
        assertTrue(html.contains("data:image/png;base64,"));
        assertTrue(!html.contains("src=\"http"), "self-contained");
    }
}
