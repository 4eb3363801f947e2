package dev.unmask.detect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.api.detector.Detector;
import dev.unmask.api.detector.Detectors;
import dev.unmask.cli.UnmaskCommand;
import dev.unmask.detect.TestImages;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrainCommandTest {
    @TempDir
    static Path dir;
    static Path real;
    static Path fake;

    @BeforeAll
    static void data() throws Exception {
        real = dir.resolve("real");
        fake = dir.resolve("fake");
        TestImages.write(real, fake, 24, 40, 64, 5);
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = UnmaskCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of("detector", "train"));
        all.addAll(List.of(args));
        int code = cl.execute(all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void trainsASpectralModelFolderFromTheCommandLine() throws Exception {
        Path model = dir.resolve("m1");
        Run r = run("--real", real.toString(), "--fake", fake.toString(), "--arch", "spectral", "--out", model.toString(), "--size", "32",
                "--epochs", "2", "--val-percent", "30", "--augment", "jpeg:0.5:60-95,blur:0", "--calibration", "isotonic", "--target-fpr", "0.05", "-j", "2");
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().startsWith("data: "), r.out());
        assertTrue(r.out().contains("epoch 2/2  loss "), r.out());
        assertTrue(r.out().contains("model " + model + " (spectral, 17 parameters): validation AUC "), r.out());
        String config = Files.readString(model.resolve("config.json"));
        assertTrue(config.contains("\"jpeg_quality_min\" : 60"), config);
        assertTrue(config.contains("\"calibration\" : \"isotonic\""), config);
        try (Detector d = Detectors.open(model)) {
            assertEquals("m1", d.descriptor().name());
            assertEquals("0.05", d.descriptor().property("threshold.fpr", ""));
            double p = d.probabilityFake(TestImages.scene(48, 40, new java.util.Random(1)));
            assertTrue(p >= 0 && p <= 1);
        }
        Run again = run("--real", real.toString(), "--fake", fake.toString(), "--arch", "spectral", "--out", model.toString());
        assertEquals(2, again.code());
        assertTrue(again.err().contains("already holds a model or a training run; use --resume"), again.err());
        Run changed = run("--resume", model.toString(), "--epochs", "3", "--size", "48");
        assertEquals(2, changed.code());
        assertTrue(changed.err().contains("--size cannot change on --resume"), changed.err());
        Run more = run("--resume", model.toString(), "--epochs", "3", "-q");
        assertEquals(0, more.code(), more.err());
        assertTrue(more.out().startsWith("model "), more.out());
        assertTrue(Files.readString(model.resolve("history.csv")).lines().count() == 4, "header + 3 epochs");
    }

    @Test
    void usageErrorsExitWithTwoAndSaySpecificallyWhat() throws Exception {
        Path out = dir.resolve("never");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path one = Files.createDirectories(dir.resolve("one"));
        Files.copy(fake.resolve("fake-000.png"), one.resolve("a.png"));
        String[][] cases = {
            {"--real folder does not exist: ", "--real", dir.resolve("missing").toString(), "--fake", fake.toString(), "--arch", "spectral",
                "--out", out.toString()},
            {"no usable images in the --fake folder", "--real", real.toString(), "--fake", empty.toString(), "--arch", "spectral", "--out",
                out.toString(), "--size", "32", "--val-percent", "30"},
            {"too few images for a validation split in the --fake folder", "--real", real.toString(), "--fake", one.toString(), "--arch",
                "spectral", "--out", out.toString(), "--size", "32", "--val-percent", "30"},
            {"unknown architecture 'cnn' (known: npr, rgb, spectral)", "--real", real.toString(), "--fake", fake.toString(), "--arch", "cnn", "--out",
                out.toString()},
            {"--size must be an even number in 32..1024 for npr: 33", "--real", real.toString(), "--fake", fake.toString(), "--arch", "npr",
                "--out", out.toString(), "--size", "33"},
            {"--augment: unknown operation 'sharpen'", "--real", real.toString(), "--fake", fake.toString(), "--arch", "npr", "--out",
                out.toString(), "--augment", "sharpen:1"},
            {"--real, --fake, --arch and --out are required", "--real", real.toString()},
            {"has no checkpoint to resume from", "--resume", empty.toString()},
        };
        for (String[] c : cases) {
            String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
            Run r = run(args);
            assertEquals(2, r.code(), String.join(" ", args) + "\n" + r.err());
            assertTrue(r.err().contains(c[0]), "expected '" + c[0] + "' in: " + r.err());
        }
        assertTrue(!Files.exists(out.resolve("detector.properties")));
    }

    @Test
    void detectorCommandListsTrain() {
        CommandLine cl = UnmaskCommand.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        assertEquals(0, cl.execute("detector"));
        assertTrue(out.toString().contains("train"), out.toString());
    }
}
