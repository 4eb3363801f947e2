package dev.unmask.gan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unmask.gan.TinyRun;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class GanMeasureCommandTest {
    @Test
    void withoutAnInceptionModelReportsUfdDistancesLabelledNotComparable() {
        Cli r = Cli.run("gan", "measure", "--model", TinyRun.run(), "--real", TinyRun.heldOut(), "--count", 40, "--no-progress");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("40 generated (seed 1) vs 40 real from " + TinyRun.heldOut()), r.toString());
        assertTrue(r.out().contains("features: UFD-v1, 75-d"), r.toString());
        assertTrue(r.out().contains("FD-UFD-v1") && r.out().contains("KID-UFD-v1"), r.toString());
        assertTrue(r.out().contains("not comparable to published FID"), r.toString());
    }

    @Test
    void jsonCarriesEveryNumberAndTheFeatureSpace() throws Exception {
        Cli r = Cli.run("gan", "measure", "--model", TinyRun.run(), "--real", TinyRun.heldOut(), "--count", 30, "--seed", 4,
                "--kid-subset-size", 20, "--kid-subsets", 5, "--json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("UFD-v1", j.at("/feature_space/name").asText());
        assertEquals(75, j.at("/feature_space/dimension").asInt());
        assertFalse(j.at("/feature_space/comparable_to_published_fid").asBoolean());
        assertTrue(j.has("frechet_distance") && !j.has("fid"));
        double fd = j.at("/frechet_distance/value").asDouble();
        assertTrue(fd > 0 && Double.isFinite(fd), "FD " + fd);
        assertEquals(fd, j.at("/frechet_distance/mean_term").asDouble() + j.at("/frechet_distance/covariance_term").asDouble(), 1e-9);
        assertEquals(5, j.at("/kid/subsets").asInt());
        assertEquals(20, j.at("/kid/subset_size").asInt());
        assertTrue(j.at("/kid/std").asDouble() > 0);
        assertEquals(30, j.get("generated").asInt());
        assertEquals(30, j.get("real").asInt());
        assertEquals(30, TinyRun.STEPS);
        assertEquals(TinyRun.STEPS, j.get("checkpoint_step").asInt());
    }

    @Test
    void anOnnxPool3ModelGivesTheStandardFidLabels() throws Exception {
        Path model;
        try {
            model = Path.of(GanMeasureCommandTest.class.getResource("/onnx/pool3-like-nhwc.onnx").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Cli r = Cli.run("gan", "measure", "--model", TinyRun.run(), "--real", TinyRun.heldOut(), "--count", 12,
                "--fid-model", model, "--json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertTrue(j.has("fid") && !j.has("frechet_distance"), r.out());
        assertTrue(j.at("/feature_space/comparable_to_published_fid").asBoolean());
        assertEquals(2048, j.at("/feature_space/dimension").asInt());
        assertTrue(j.at("/feature_space/description").asText().contains("output 'pool_3'"), r.out());
        assertTrue(j.at("/fid/value").asDouble() > 0);
        Cli text = Cli.run("gan", "measure", "--model", TinyRun.run(), "--real", TinyRun.heldOut(), "--count", 12,
                "--fid-model", model);
        assertTrue(text.out().contains("  FID ") && text.out().contains("  KID "), text.toString());
    }

    @Test
    void badInputIsReportedWithTheFileAndTheRightExitCode() throws Exception {
        Path dir = TinyRun.scratch("measure-bad");
        GanSampleCommandTest.expectUsage(Cli.run("gan", "measure", "--model", TinyRun.run(), "--real", dir.resolve("none")),
                "--real: no such folder");
        GanSampleCommandTest.expectUsage(Cli.run("gan", "measure", "--model", TinyRun.run(), "--real", TinyRun.heldOut(),
                "--fid-model", dir.resolve("x.onnx")), "--fid-model: no such file");
        GanSampleCommandTest.expectUsage(Cli.run("gan", "measure", "--model", TinyRun.run(), "--real", TinyRun.heldOut(),
                "--fid-input-range", "0-9"), "input range must be one of");
        Path junk = Files.writeString(dir.resolve("junk.onnx"), "not a model");
        Cli r = Cli.run("gan", "measure", "--model", TinyRun.run(), "--real", TinyRun.heldOut(), "--fid-model", junk);
        assertEquals(4, r.exit(), r.toString());
        assertTrue(r.err().contains(junk.toString()) && r.err().contains("ONNX Runtime"), r.toString());
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("a.txt"), "no images here");
        Cli none = Cli.run("gan", "measure", "--model", TinyRun.run(), "--real", empty, "--count", 10);
        assertEquals(4, none.exit(), none.toString());
        assertTrue(none.err().contains("needs at least 2 decodable images, found 0 (1 files could not be decoded)"), none.toString());
    }
}
