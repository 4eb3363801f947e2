package dev.unmask.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.unmask.cli.UnmaskCommand;
import dev.unmask.core.report.ScanJsonWriter;
import dev.unmask.testkit.TestData;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Videos through {@code unmask scan}: a batch of a good MP4 with faces, a WebM, the C2PA MP4 fixture and a truncated
 * file gives schema-valid JSON, evidence pictures on disk, an HTML report with the video's findings, provenance on the
 * videos, and exit code 1 for the truncated file.
 */
class VideoScanCommandTest {
    @TempDir
    static Path dir;
    static int exit;
    static String out;
    static String err;
    static JsonNode json;
    static String html;

    @BeforeAll
    static void scan() throws Exception {
        Path faces = SyntheticVideos.twoFaces(dir.resolve("faces.mp4"), SyntheticVideos.Kind.MP4_H264_AAC);
        Path webm = SyntheticVideos.noFaces(dir.resolve("plain.webm"), SyntheticVideos.Kind.WEBM_VP8_OPUS);
        Path cut = BadVideos.save(dir, "cut.mp4", BadVideos.truncated(Files.readAllBytes(faces), 0.5));
        Path c2pa = TestData.file("c2pa/video1.mp4");
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        var cl = UnmaskCommand.commandLine();
        cl.setOut(new PrintWriter(o, true));
        cl.setErr(new PrintWriter(e, true));
        exit = cl.execute("scan", "--json", "--out", dir.resolve("out").toString(), "--report", dir.resolve("r.html").toString(),
                "--set", "video.sampling=fps:5", "--set", "video.faces=" + SquareFaceModels.ID, faces.toString(), webm.toString(), cut.toString(), c2pa.toString());
        out = o.toString();
        err = e.toString();
        json = new ObjectMapper().readTree(out);
        try (InputStream in = ScanJsonWriter.class.getResourceAsStream("scan-result.schema.json")) {
            Set<ValidationMessage> errors = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in).validate(json);
            assertTrue(errors.isEmpty(), "schema violations: " + errors);
        }
        html = Files.readString(dir.resolve("r.html"));
    }

    private static JsonNode file(String name) {
        for (JsonNode f : json.get("files")) {
            if (f.get("path").asText().endsWith(name)) {
                return f;
            }
        }
        throw new AssertionError("no " + name + " in " + out);
    }

    private static JsonNode run(JsonNode file, String id) {
        for (JsonNode r : file.get("analyzers")) {
            if (r.get("id").asText().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no analyzer " + id + " in " + file);
    }

    @Test
    void truncatedFileMakesExitCodeOneAndTheBatchGoesOn() {
        assertEquals(UnmaskCommand.SOME_FAILED, exit, err);
        assertEquals("truncated", file("cut.mp4").get("error").get("code").asText());
        assertEquals(4, json.get("files").size());
    }

    @Test
    void videoWithFacesHasTypedValuesPicturesAndAVerdict() throws Exception {
        JsonNode f = file("faces.mp4");
        assertEquals("mp4", f.get("media_type").get("id").asText());
        assertEquals(320, f.get("width").asInt());
        JsonNode video = run(f, "video");
        assertEquals("ok", video.get("status").asText());
        JsonNode score = null;
        for (JsonNode x : video.get("findings")) {
            if (x.get("code").asText().equals("video.score.manipulated")) {
                score = x;
            }
        }
        assertTrue(score != null && score.get("score").asDouble() > 0.8, video.toString());
        assertEquals(5, score.get("values").get("driving_frames").size());
        boolean timelineOnDisk = false;
        JsonNode onDisk = new ObjectMapper().readTree(dir.resolve("out/results.json").toFile());
        JsonNode saved = null;
        for (JsonNode x : onDisk.get("files")) {
            if (x.get("path").asText().endsWith("faces.mp4")) {
                for (JsonNode y : run(x, "video").get("findings")) {
                    if (y.get("code").asText().equals("video.score.manipulated")) {
                        saved = y;
                    }
                }
            }
        }
        for (JsonNode a : saved.get("artifacts")) {
            if (a.get("kind").asText().equals("plot")) {
                timelineOnDisk = Files.size(dir.resolve("out").resolve(a.get("file").asText())) > 1000;
            }
        }
        assertTrue(timelineOnDisk, saved.get("artifacts").toString());
        assertEquals("manipulated", f.get("verdict").get("label").asText(), f.get("verdict").toString());
    }

    @Test
    void provenanceStillRunsOnVideosAndReadsTheC2paManifestInTheMp4() {
        JsonNode c2pa = file("video1.mp4");
        assertEquals("ok", run(c2pa, "provenance").get("status").asText());
        assertTrue(run(c2pa, "provenance").get("findings").size() > 0, run(c2pa, "provenance").toString());
        assertEquals("ok", run(c2pa, "video").get("status").asText());
        assertEquals("ok", run(file("plain.webm"), "provenance").get("status").asText());
        assertEquals("webm", file("plain.webm").get("media_type").get("id").asText());
    }

    @Test
    void htmlReportShowsTheVideoFindingsAndPictures() {
        assertTrue(html.contains("video.score.manipulated"));
        assertTrue(html.contains("Face analysis not applicable: no face in 10 sampled frames"));
        assertTrue(html.contains("data:image/png;base64,"), "the timeline is embedded");
        assertTrue(html.contains("320 \u00d7 240 px"), "video dimensions shown");
    }
}
