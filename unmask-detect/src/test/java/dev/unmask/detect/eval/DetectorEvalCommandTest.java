package dev.unmask.detect.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unmask.detect.analyzer.DefaultDetector;
import dev.unmask.detect.testing.Cli;
import dev.unmask.detect.testing.SyntheticImages;
import dev.unmask.detect.testing.TestModels;
import dev.unmask.testkit.Golden;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code unmask detector eval} end to end on a fixed tiny set (8 real + 8 fake images generated deterministically)
 * scored by the test-only brightness detector; the JSON is compared with a golden file and with the metrics
 * recomputed from the per-image scores.
 */
class DetectorEvalCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir static Path dir;
    static Path model;
    static String previousDefault;

    @BeforeAll
    static void data() throws Exception {
        SyntheticImages.write(dir, 8, 48);
        model = TestModels.brightness(dir, "brightness", 0.6, "hf.gain=40");
        previousDefault = System.setProperty(DefaultDetector.PROPERTY, "none");
    }

    @AfterAll
    static void restore() {
        if (previousDefault == null) {
            System.clearProperty(DefaultDetector.PROPERTY);
        } else {
            System.setProperty(DefaultDetector.PROPERTY, previousDefault);
        }
    }

    private static String[] args(String... extra) {
        List<String> a = new ArrayList<>(List.of("detector", "eval", "--model", model.toString(), "--real", dir.resolve("real").toString(),
                "--fake", dir.resolve("fake").toString(), "--threads", "2"));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    @Test
    void jsonOnTheFixedTinySetMatchesTheGoldenFile() throws Exception {
        Cli r = Cli.run(args("--json", "--perturb", "jpeg:90,50", "resize:0.5", "blur:1.0", "noise:0.02", "crop:0.8"));
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        List<String> keys = new ArrayList<>();
        doc.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("model", "threshold", "n_real", "n_fake", "auc", "average_precision", "eer", "accuracy", "tpr_at_threshold",
                "fpr_at_threshold", "tpr_at_1pct_fpr", "perturbations", "skipped"), keys);
        assertEquals(8, doc.get("n_real").asInt());
        assertEquals(6, doc.get("perturbations").size());
        assertEquals("jpeg:90", doc.get("perturbations").get(0).get("name").asText());
        assertTrue(doc.get("perturbations").get(3).get("auc").asDouble() < doc.get("auc").asDouble(),
                "blurring removes the fine noise the detector reads, so it must lose separation");
        Golden.assertMatches("eval/tiny-set.json", r.out().replace(dir.toString(), "<tmp>"));
    }

    @Test
    void outWritesMetricsScoresAndCurvesConsistentWithEachOther() throws Exception {
        Path out = dir.resolve("eval-out");
        Cli r = Cli.run(args("--out", out.toString(), "--perturb", "jpeg:75", "blur:1"));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("condition"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("jpeg:75 ")), r.out());
        JsonNode doc = JSON.readTree(out.resolve("metrics.json").toFile());
        // recompute the clean figures from scores.csv
        List<String> lines = Files.readAllLines(out.resolve("scores.csv"));
        assertEquals("path,label,none,jpeg:75,blur:1", lines.get(0));
        List<Double> real = new ArrayList<>();
        List<Double> fake = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",");
            (f[1].equals("fake") ? fake : real).add(Double.parseDouble(f[2]));
        }
        DetectionMetrics m = DetectionMetrics.of(real.stream().mapToDouble(d -> d).toArray(), fake.stream().mapToDouble(d -> d).toArray(), 0.6);
        assertEquals(m.auc(), doc.get("auc").asDouble(), 1e-5);
        assertEquals(m.averagePrecision(), doc.get("average_precision").asDouble(), 1e-5);
        assertEquals(m.eer(), doc.get("eer").asDouble(), 1e-5);
        for (String png : List.of("roc.png", "pr.png")) {
            BufferedImage img = ImageIO.read(out.resolve(png).toFile());
            assertEquals(720, img.getWidth());
            assertTrue(colours(img) > 5, png + " has curves and a legend, not a blank canvas");
        }
    }

    @Test
    void undecodableFilesAreListedAndSkipped() throws Exception {
        Path real = dir.resolve("real-with-bad");
        Files.createDirectories(real);
        for (String f : List.of("real-00.png", "real-01.png", "real-02.png")) {
            Files.copy(dir.resolve("real").resolve(f), real.resolve(f));
        }
        byte[] png = Files.readAllBytes(real.resolve("real-00.png"));
        Files.write(real.resolve("cut.png"), java.util.Arrays.copyOf(png, png.length / 2));
        Files.writeString(real.resolve("README.txt"), "not an image");
        Cli r = Cli.run("detector", "eval", "--model", model.toString(), "--real", real.toString(), "--fake",
                dir.resolve("fake").toString(), "--json");
        assertEquals(1, r.exit(), "an undecodable image makes the run partial: " + r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals(3, doc.get("n_real").asInt());
        assertEquals(2, doc.get("skipped").size());
        assertTrue(doc.get("skipped").get(1).get("path").asText().endsWith("cut.png"));
        assertTrue(doc.get("skipped").get(1).get("reason").asText().startsWith("truncated"), doc.get("skipped").toString());
        assertTrue(doc.get("skipped").get(0).get("reason").asText().startsWith("not an image"));
        Files.delete(real.resolve("cut.png"));
        assertEquals(0, Cli.run("detector", "eval", "--model", model.toString(), "--real", real.toString(), "--fake",
                dir.resolve("fake").toString()).exit(), "a README beside the images does not fail the run");
    }

    @Test
    void usageErrors() throws Exception {
        Cli none = Cli.run("detector", "eval", "--real", dir.resolve("real").toString(), "--fake", dir.resolve("fake").toString());
        assertEquals(2, none.exit());
        assertEquals("unmask: no default detector is installed; pass --model", none.err().strip());
        Cli bad = Cli.run(args("--perturb", "jpeg:200"));
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("perturbation 'jpeg:200': jpeg takes a JPEG quality in 1..100"), bad.err());
        Cli missing = Cli.run("detector", "eval", "--model", model.toString(), "--real", dir.resolve("nope").toString(), "--fake",
                dir.resolve("fake").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("--real: no such file or folder"), missing.err());
        Cli notModel = Cli.run("detector", "eval", "--model", dir.resolve("real").toString(), "--real", dir.resolve("real").toString(),
                "--fake", dir.resolve("fake").toString());
        assertEquals(2, notModel.exit());
        assertTrue(notModel.err().contains("is not a detector model: it has no detector.properties"), notModel.err());
    }

    @Test
    void defaultDetectorIsUsedWithoutModel() {
        String before = System.setProperty(DefaultDetector.PROPERTY, model.toString());
        try {
            Cli r = Cli.run("detector", "eval", "--real", dir.resolve("real").toString(), "--fake", dir.resolve("fake").toString());
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().startsWith("Model: brightness 1 (test-mean-brightness), threshold 0.6000 (chosen for FPR 0.05)"), r.out());
        } finally {
            System.setProperty(DefaultDetector.PROPERTY, before);
        }
    }

    private static int colours(BufferedImage img) {
        java.util.Set<Integer> c = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                c.add(img.getRGB(x, y));
            }
        }
        return c.size();
    }
}
