package dev.unmask.faces.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.cli.UnmaskCommand;
import dev.unmask.testkit.TestData;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SelfBlendCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        CommandLine cl = UnmaskCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] all = Stream.concat(Stream.of("faces", "self-blend", "--no-progress"), Stream.of(args)).toArray(String[]::new);
        return new Run(cl.execute(all), out.toString(), err.toString());
    }

    private static List<Path> files(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.sorted().toList();
        }
    }

    @Test
    void writesBalancedPairsOfRealCropsAndSelfBlendedFakesAndSkipsUndecodableFiles() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data/sub"));
        Files.copy(TestData.file("photos/astronaut.png"), data.resolve("astronaut.png"));
        Files.write(data.resolve("notes.png"), "not an image".getBytes());
        Path out = dir.resolve("out");
        Run r = run("--data", dir.resolve("data").toString(), "--out", out.toString(), "--per-face", "2", "--size", "64", "--seed", "7");
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.err().contains("skipped " + data.resolve("notes.png") + ": cannot decode it as an image"), r.err());
        assertTrue(r.out().startsWith("1 faces in 1 images (1 files skipped): 2 real crops in "), r.out());
        List<Path> real = files(out.resolve("real"));
        List<Path> fake = files(out.resolve("fake"));
        List<String> names = List.of("sub_astronaut-face00-v00.png", "sub_astronaut-face00-v01.png");
        assertEquals(names, real.stream().map(p -> p.getFileName().toString()).toList());
        assertEquals(names, fake.stream().map(p -> p.getFileName().toString()).toList(), "one fake per real crop, same name");
        for (int i = 0; i < 2; i++) {
            BufferedImage crop = ImageIO.read(real.get(i).toFile());
            BufferedImage sbi = ImageIO.read(fake.get(i).toFile());
            assertEquals(64, crop.getWidth());
            assertEquals(64, sbi.getHeight());
            assertFalse(java.util.Arrays.equals(Files.readAllBytes(real.get(i)), Files.readAllBytes(fake.get(i))));
            assertEquals(crop.getRGB(0, 0), sbi.getRGB(0, 0), "a corner lies outside the blend mask, so the fake equals its own real there");
        }
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(real.get(0)), Files.readAllBytes(real.get(1))),
                "the second pair's crop window is moved");
        assertTrue(Files.readString(out.resolve("README.txt")).contains("training data"));
        Path again = dir.resolve("again");
        assertEquals(0, run("--data", dir.resolve("data").toString(), "--out", again.toString(), "--per-face", "2", "--size", "64", "--seed", "7").code());
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(fake.get(1)), Files.readAllBytes(again.resolve("fake").resolve(fake.get(1).getFileName()))),
                "same seed, same fakes");
    }

    @Test
    void anImageWithoutFacesGivesAClearMessageAndExitTwo() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.copy(TestData.file("photos/coffee.png"), data.resolve("coffee.png"));
        Run r = run("--data", data.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, r.code(), r.err() + r.out());
        assertTrue(r.err().contains("no face found in any of the 1 decodable images under " + data), r.err());
        Run bad = run("--data", dir.resolve("missing").toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--data must be a folder"), bad.err());
    }
}
