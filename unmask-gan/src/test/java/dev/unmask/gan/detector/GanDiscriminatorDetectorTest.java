package dev.unmask.gan.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.api.detector.Detector;
import dev.unmask.api.detector.DetectorDescriptor;
import dev.unmask.api.detector.DetectorException;
import dev.unmask.api.detector.Detectors;
import dev.unmask.cli.UnmaskCommand;
import dev.unmask.gan.ImageFolderData;
import dev.unmask.gan.TinyRun;
import dev.unmask.gan.TrainedGan;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class GanDiscriminatorDetectorTest {
    @Test
    void exportedCalibratedDiscriminatorScoresItsGeneratorsSamplesAboveTheTrainingImages() throws Exception {
        Path model = TinyRun.scratch("detectors").resolve("calibrated");
        String[] r = cli("gan", "export-detector", TinyRun.run().toString(), "--out", model.toString(), "--real",
                TinyRun.data().toString(), "--count", "64");
        assertEquals("0", r[0], r[1] + r[2]);
        assertTrue(r[1].contains("calibration: Platt"), r[1]);
        for (String f : new String[] {"detector.properties", "checkpoint.properties", "discriminator.params", "MODEL_CARD.md"}) {
            assertTrue(Files.isRegularFile(model.resolve(f)), f);
        }
        assertTrue(Files.readString(model.resolve("MODEL_CARD.md")).contains("Platt scaling fitted on 64 real images"));
        Path samples = TinyRun.scratch("detector-samples");
        String[] s = cli("gan", "sample", "--model", TinyRun.run().toString(), "--count", "32", "--seed", "99", "--out",
                samples.toString(), "--no-progress");
        assertEquals("0", s[0], s[1] + s[2]);
        assertTrue(Detectors.installedKinds().contains("gan-discriminator"));
        try (Detector d = Detectors.open(model)) {
            DetectorDescriptor desc = d.descriptor();
            assertEquals("gan-discriminator", desc.kind());
            assertEquals(0.5, desc.threshold());
            assertEquals(32, desc.intProperty("input.size", 0));
            assertTrue(desc.scope().contains("says nothing about other generators"), desc.scope());
            assertEquals("platt", desc.property("calibration", ""));
            double fake = meanProbability(d, samples);
            double real = meanProbability(d, TinyRun.data());
            assertTrue(fake > 0.5 && real < 0.5 && fake > real + 0.4, "mean P(fake) on samples " + fake + ", on training images " + real);
        }
    }

    @Test
    void uncalibratedExportOutputsTheDiscriminatorsOwnSigmoid() throws Exception {
        Path model = TinyRun.scratch("detectors").resolve("raw");
        String[] r = cli("gan", "export-detector", TinyRun.run().toString(), "--out", model.toString());
        assertEquals("0", r[0], r[1] + r[2]);
        assertTrue(r[1].contains("calibration: none"), r[1]);
        assertTrue(Files.readString(model.resolve("MODEL_CARD.md")).contains("**Uncalibrated.**"));
        BufferedImage img = ImageIO.read(Files.list(TinyRun.data()).sorted().findFirst().orElseThrow().toFile());
        float logit;
        try (TrainedGan gan = TrainedGan.open(TinyRun.run(), TrainedGan.Parts.DISCRIMINATOR)) {
            logit = gan.logits(ImageFolderData.fromImages(List.of(img), 32, 0).batch(new int[] {0}, null), 1)[0];
        }
        try (Detector d = Detectors.open(model)) {
            assertEquals("none", d.descriptor().property("calibration", ""));
            assertEquals(1 / (1 + Math.exp(logit)), d.probabilityFake(img), 1e-6);
        }
        String[] again = cli("gan", "export-detector", TinyRun.run().toString(), "--out", model.toString());
        assertEquals("4", again[0]);
        assertTrue(again[2].contains("already holds a detector"), again[2]);
    }

    @Test
    void aFolderWhoseSizeDisagreesWithItsRunIsRefused() throws Exception {
        Path model = TinyRun.scratch("detectors").resolve("tampered");
        assertEquals("0", cli("gan", "export-detector", TinyRun.run().toString(), "--out", model.toString())[0]);
        Path props = model.resolve(DetectorDescriptor.FILE_NAME);
        Files.writeString(props, Files.readString(props).replace("input.size=32", "input.size=64"));
        DetectorException e = assertThrows(DetectorException.class, () -> Detectors.open(model));
        assertTrue(e.getMessage().contains("input.size 64 does not match the run's size 32"), e.getMessage());
        Files.delete(model.resolve("discriminator.params"));
        Files.writeString(props, Files.readString(props).replace("input.size=64", "input.size=32"));
        DetectorException missing = assertThrows(DetectorException.class, () -> Detectors.open(model));
        assertTrue(missing.getMessage().contains("discriminator.params"), missing.getMessage());
    }

    private static double meanProbability(Detector d, Path dir) throws Exception {
        List<Double> p = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                double v = d.probabilityFake(ImageIO.read(f.toFile()));
                assertTrue(v >= 0 && v <= 1, "probability " + v);
                p.add(v);
            }
        }
        return p.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static String[] cli(String... args) {
        CommandLine cl = UnmaskCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new String[] {Integer.toString(exit), out.toString(), err.toString()};
    }
}
