package dev.unmask.gan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.cli.UnmaskCommand;
import dev.unmask.gan.GanCheckpoint;
import dev.unmask.gan.GanConfig;
import dev.unmask.gan.GanRun;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GanTrainCommandTest {
    @TempDir
    static Path tmp;
    static Path data;
    static Path run;

    record Result(int code, String out, String err) {
    }

    @BeforeAll
    static void shapes() throws IOException {
        data = Files.createDirectories(tmp.resolve("shapes"));
        Random r = new Random(8);
        for (int i = 0; i < 12; i++) {
            BufferedImage img = new BufferedImage(36, 36, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 36, 36);
            g.setColor(Color.getHSBColor(r.nextFloat(), 0.9f, 0.9f));
            g.fillOval(r.nextInt(12), r.nextInt(12), 20, 20);
            g.dispose();
            ImageIO.write(img, i % 2 == 0 ? "png" : "jpg", data.resolve("s" + i + (i % 2 == 0 ? ".png" : ".jpg")).toFile());
        }
        Files.writeString(data.resolve("notes.txt"), "not an image");
        run = tmp.resolve("run");
    }

    static Result execute(String... args) {
        CommandLine cl = UnmaskCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    static String[] train(String... extra) {
        List<String> a = new ArrayList<>(List.of("gan", "train", "--size", "32", "--batch", "4", "--channels", "16",
                "--latent", "16", "--no-progress"));
        a.addAll(List.of(extra));
        return a.toArray(new String[0]);
    }

    @Test
    @Order(1)
    void trainsAShapesFolderAndWritesTheRunFolder() throws IOException {
        Result r = execute(train("--data", data.toString(), "--out", run.toString(), "--steps", "4",
                "--sample-every", "2", "--checkpoint-every", "2", "--log-every", "2", "--seed", "5"));
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("skipped notes.txt: unsupported_format: not an image"), r.err());
        assertTrue(r.out().contains("12 images at 32x32 (1 skipped)"), r.out());
        assertTrue(r.out().contains("Training spectral-norm D, hinge loss, DiffAugment color,translation,cutout, 4 steps of 4 images"), r.out());
        for (String line : List.of("step 2/4 (50%)  epoch 1  ", "step 4/4 (100%)  epoch 2  ")) {
            assertTrue(r.out().contains(line), r.out());
        }
        assertTrue(r.out().matches("(?s).*step 4/4 \\(100%\\)  epoch 2  [0-9.]+ img/s  D [0-9.]+  G -?[0-9.]+  "
                + "D acc real [0-9.]+ fake [0-9.]+  ETA 0s.*"), r.out());
        for (String f : List.of("grids/step-0000002.png", "grids/step-0000004.png", "metrics.csv", "metrics.jsonl",
                "manifest.csv", "report.html", "data-cache.bin", "run.properties", "checkpoint/generator.params")) {
            assertTrue(Files.exists(run.resolve(f)), f);
        }
        GanConfig c = GanCheckpoint.config(run.resolve("checkpoint"));
        assertEquals(GanConfig.Architecture.SPECTRAL_NORM, c.architecture());
        assertEquals(5L, c.seed());
        assertEquals(4, GanCheckpoint.step(run.resolve("checkpoint")));
    }

    @Test
    @Order(2)
    void resumesFromTheRunFolderAndExtendsTheSteps() throws IOException {
        Result r = execute("gan", "train", "--resume", run.toString(), "--steps", "6", "--log-every", "2", "--no-progress");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("Resuming at step 4 of 6"), r.out());
        assertTrue(r.out().contains("step 6/6 (100%)"), r.out());
        assertEquals(6, GanCheckpoint.step(run.resolve("checkpoint")));
        assertEquals(7, Files.readAllLines(run.resolve("metrics.csv")).size());
        assertTrue(Files.readString(run.resolve(GanRun.REPORT)).contains("Finished: 6 of 6 steps."));
    }

    @Test
    @Order(3)
    void usageErrorsExitWithTwoAndSayWhatIsWrong() throws IOException {
        Path onlyText = Files.createDirectories(tmp.resolve("text"));
        Files.writeString(onlyText.resolve("a.txt"), "words");
        List<String[]> cases = List.of(
                train("--data", data.toString(), "--out", run.toString()),
                new String[] {"gan", "train", "--resume", run.toString(), "--size", "64"},
                train("--data", data.toString(), "--out", tmp.resolve("x").toString(), "--arch", "wgan"),
                new String[] {"gan", "train", "--data", data.toString(), "--out", tmp.resolve("x").toString(),
                        "--channels", "24"},
                train("--data", onlyText.toString(), "--out", tmp.resolve("y").toString()),
                train("--data", tmp.resolve("missing").toString(), "--out", tmp.resolve("z").toString()),
                new String[] {"gan", "train"});
        List<String> messages = List.of("already holds a training run; continue it with --resume",
                "--size cannot change when resuming", "--arch must be dcgan or sn, got 'wgan'",
                "--channels must be a positive multiple of 16, got 24", "no usable image in " + onlyText,
                "no such folder: " + tmp.resolve("missing"), "give either --out RUN");
        for (int i = 0; i < cases.size(); i++) {
            Result r = execute(cases.get(i));
            assertEquals(UnmaskCommand.USAGE, r.code(), String.join(" ", cases.get(i)) + "\n" + r.err());
            assertTrue(r.err().contains(messages.get(i)), messages.get(i) + " in: " + r.err());
        }
    }
}
