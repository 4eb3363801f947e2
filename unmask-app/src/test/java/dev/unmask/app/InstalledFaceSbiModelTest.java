package dev.unmask.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.api.detector.Detector;
import dev.unmask.api.detector.Detectors;
import dev.unmask.api.detector.InstalledModels;
import dev.unmask.cli.UnmaskCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped {@code models/face-sbi} end to end with the real modules: {@code unmask faces self-blend} makes
 * pairs from a photo, and the installed model, opened by name through its {@code rgb} loader, scores the
 * self-blended crops above their own real crops.
 */
class InstalledFaceSbiModelTest {
    @TempDir
    Path dir;

    @Test
    void selfBlendsOfATrainingFaceScoreAboveTheirRealCrops() throws Exception {
        Path model = InstalledModels.find("face-sbi", InstalledFaceSbiModelTest.class).orElseThrow(() -> new AssertionError("models/face-sbi is not installed"));
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.copy(Path.of("..", "testdata", "photos", "astronaut.png"), data.resolve("astronaut.png"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = UnmaskCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("faces", "self-blend", "--no-progress", "--data", data.toString(), "--out", dir.resolve("sbi").toString(),
                "--per-face", "12", "--size", "64", "--seed", "3");
        assertEquals(0, code, err.toString());
        List<Double> real = new ArrayList<>();
        List<Double> fake = new ArrayList<>();
        try (Detector d = Detectors.open(model)) {
            assertEquals("rgb", d.descriptor().kind());
            assertEquals(64, d.descriptor().intProperty("input.size", 0));
            for (String side : new String[] {"real", "fake"}) {
                try (Stream<Path> s = Files.list(dir.resolve("sbi").resolve(side))) {
                    for (Path p : s.sorted().toList()) {
                        (side.equals("real") ? real : fake).add(d.probabilityFake(ImageIO.read(p.toFile())));
                    }
                }
            }
        }
        assertEquals(12, real.size());
        assertEquals(12, fake.size());
        double wins = 0;
        for (double f : fake) {
            for (double r : real) {
                wins += f > r ? 1 : f == r ? 0.5 : 0;
            }
        }
        double auc = wins / (real.size() * fake.size());
        System.out.printf("face-sbi on astronaut pairs: AUC %.3f, real %s, fake %s%n", auc, real, fake);
        assertTrue(auc >= 0.75, "AUC " + auc);
    }
}
