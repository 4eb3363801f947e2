package dev.unmask.detect.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unmask.core.imaging.Codecs;
import dev.unmask.core.scan.AnalyzerSet;
import dev.unmask.core.scan.VerdictFusion;
import dev.unmask.detect.testing.Cli;
import dev.unmask.detect.testing.SyntheticImages;
import dev.unmask.detect.testing.TestModels;
import dev.unmask.testkit.TestData;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code unmask scan --detector MODEL}: the detector is one more analyzer whose evidence joins the verdict. */
class ScanWithDetectorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir static Path dir;
    static String previousDefault;

    @BeforeAll
    static void noDefault() {
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

    @Test
    void detectorEvidenceJoinsTheVerdict() throws Exception {
        // gain 40 on brightness: a bright flat image is "fake" with p close to 1 for a general model
        Path model = TestModels.brightness(dir, "bright", 0.6, "gain=40", "scope.general=true");
        Path other = TestModels.brightness(dir, "bright-specific", 0.6, "gain=40");
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                img.setRGB(x, y, 0xe6e6e6);
            }
        }
        Path file = dir.resolve("bright.png");
        Files.write(file, Codecs.png(img));
        Cli r = Cli.run("scan", "--json", "--detector", model.toString(), "--detector", other.toString(), file.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode f = JSON.readTree(r.out()).get("files").get(0);
        JsonNode det = null;
        for (JsonNode a : f.get("analyzers")) {
            if (a.get("id").asText().equals("detector")) {
                det = a;
            }
        }
        assertTrue(det != null, r.out());
        assertEquals(2, det.get("findings").size());
        assertEquals(0.95 - 0.45 * (1 - sigmoid(40 * (0xe6 / 255.0 - 0.5))) / 0.4, det.get("findings").get(0).get("score").asDouble(), 1e-6);
        assertEquals(0.85, det.get("findings").get(1).get("score").asDouble(), 1e-9, "specific model: capped, p is very high");
        JsonNode verdict = f.get("verdict");
        assertEquals("synthetic", verdict.get("label").asText(), verdict.toString());
        assertEquals("detector.bright", verdict.get("drivers").get(0).get("code").asText());
        assertEquals(model + "," + other, JSON.readTree(r.out()).get("settings").get("options").get("detector.models").asText());
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    @Test
    void detectorOptionConflictsAndBadModelsAreUsageErrors() throws Exception {
        Path model = TestModels.brightness(dir, "plain", 0.5);
        String photo = TestData.file("photos/rocket.jpg").toString();
        Cli both = Cli.run("scan", "--detector", model.toString(), "--set", "detector.models=" + model, photo);
        assertEquals(2, both.exit());
        assertTrue(both.err().contains("--detector and --set detector.models both name detector models; use one of them"), both.err());
        Cli bad = Cli.run("scan", "--detector", dir.resolve("missing").toString(), photo);
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("option detector.models: ") && bad.err().contains("is not a detector model"), bad.err());
    }

    @Test
    void withoutADetectorTheScanSaysNoneIsConfigured() throws Exception {
        Cli r = Cli.run("scan", "--json", "--only", "detector,format", TestData.file("photos/rocket.jpg").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("no detector model configured"), "not applicable, with the reason");
    }

    @Test
    void theDetectorAnalyzerHasAFusionWeight() {
        assertTrue(AnalyzerSet.discover().stream().anyMatch(a -> a.info().id().equals("detector")));
        assertEquals(0.8, VerdictFusion.defaults().weight("detector.anything"), 1e-12);
    }
}
