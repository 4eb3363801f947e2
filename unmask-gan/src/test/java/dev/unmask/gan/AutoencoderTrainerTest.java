package dev.unmask.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.cli.UnmaskCommand;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The up-sampling auto-encoder learns to reconstruct, and its outputs are labelled. */
class AutoencoderTrainerTest {
    private static List<BufferedImage> shapes(Path dir, int n, int side) throws IOException {
        Shapes.write(dir, n, side, 7);
        List<BufferedImage> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                out.add(ImageIO.read(p.toFile()));
            }
        }
        return out;
    }

    private static double meanAbs(BufferedImage a, BufferedImage b, int x0, int y0) {
        double sum = 0;
        int n = 0;
        for (int y = 0; y < b.getHeight(); y++) {
            for (int x = 0; x < b.getWidth(); x++) {
                int p = a.getRGB(x0 + x, y0 + y);
                int q = b.getRGB(x, y);
                for (int sh = 0; sh <= 16; sh += 8) {
                    sum += Math.abs(((p >> sh) & 255) - ((q >> sh) & 255));
                    n++;
                }
            }
        }
        return sum / n / 255.0;
    }

    @Test
    void learnsToReconstructAndKeepsTheSizeOnAMultipleOfFour(@TempDir Path dir) throws IOException {
        List<BufferedImage> imgs = shapes(dir, 12, 50);
        AutoencoderConfig c = new AutoencoderConfig(32, 8, 60, 2e-3, 8, 1024, 3);
        try (AutoencoderTrainer t = new AutoencoderTrainer(c, imgs)) {
            t.train(s -> { });
            List<Double> l = t.losses();
            assertEquals(60, l.size());
            l.forEach(v -> assertTrue(Double.isFinite(v), "loss " + v));
            double first = (l.get(0) + l.get(1) + l.get(2)) / 3;
            double last = (l.get(57) + l.get(58) + l.get(59)) / 3;
            assertTrue(last < first * 0.7, "loss should fall: " + first + " -> " + last);
            BufferedImage r = t.reconstruct(imgs.get(0));
            assertEquals(48, r.getWidth());
            assertEquals(48, r.getHeight());
            double mae = meanAbs(imgs.get(0), r, 1, 1);
            assertTrue(mae < 0.15, "reconstruction should resemble the input, MAE " + mae);
            assertTrue(mae > 0.0005, "reconstruction should not be a copy, MAE " + mae);
        }
    }

    @Test
    void refusesImagesSmallerThanAPatch() {
        AutoencoderConfig c = new AutoencoderConfig(64, 4, 1, 1e-3, 8, 1024, 1);
        BufferedImage tiny = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AutoencoderTrainer(c, List.of(tiny)));
        assertTrue(e.getMessage().contains("64 px"), e.getMessage());
    }

    @Test
    void configNamesTheBadField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AutoencoderConfig(30, 4, 1, 1e-3, 8, 1024, 1));
        assertTrue(e.getMessage().startsWith("patch must be a multiple of 4"), e.getMessage());
    }

    @Test
    void commandWritesLabelledReconstructionsAndGoesOnPastABadFile(@TempDir Path dir) throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Shapes.write(data, 6, 40, 11);
        Files.writeString(data.resolve("broken.png"), "not an image");
        Path out = dir.resolve("out");
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        var cl = UnmaskCommand.commandLine();
        cl.setOut(new PrintWriter(o, true));
        cl.setErr(new PrintWriter(e, true));
        int code = cl.execute("gan", "reconstruct", "--data", data.toString(), "--out", out.toString(), "--steps", "5",
                "--patch", "32", "--batch", "2");
        assertEquals(UnmaskCommand.SOME_FAILED, code, o + "\n" + e);
        assertTrue(e.toString().contains("skipped " + data.resolve("broken.png")), e.toString());
        assertTrue(o.toString().contains("wrote 6 reconstructions"), o.toString());
        try (Stream<Path> s = Files.list(out)) {
            List<Path> files = s.sorted().toList();
            assertEquals(6, files.size());
            String text = new String(Files.readAllBytes(files.get(0)), StandardCharsets.ISO_8859_1);
            assertTrue(text.contains("trainedAlgorithmicMedia"), "XMP label missing");
            assertFalse(text.contains("c2pa"), "reconstructions are not signed");
        }
    }

    @Test
    void commandRefusesImagesSmallerThanAPatchWithAUsageMessage(@TempDir Path dir) throws IOException {
        Path data = Files.createDirectories(dir.resolve("small"));
        Shapes.write(data, 2, 24, 5);
        StringWriter e = new StringWriter();
        var cl = UnmaskCommand.commandLine();
        cl.setErr(new PrintWriter(e, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        int code = cl.execute("gan", "reconstruct", "--data", data.toString(), "--out", dir.resolve("out").toString(),
                "--patch", "32");
        assertEquals(UnmaskCommand.USAGE, code, e.toString());
        assertTrue(e.toString().contains("no image is at least 32 px on both sides (lower --patch)"), e.toString());
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
    }

    @Test
    void commandRefusesAMissingFolder(@TempDir Path dir) {
        StringWriter e = new StringWriter();
        var cl = UnmaskCommand.commandLine();
        cl.setErr(new PrintWriter(e, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        int code = cl.execute("gan", "reconstruct", "--data", dir.resolve("nope").toString(), "--out", dir.toString());
        assertEquals(UnmaskCommand.USAGE, code);
        assertTrue(e.toString().contains("is not a folder"), e.toString());
    }
}
