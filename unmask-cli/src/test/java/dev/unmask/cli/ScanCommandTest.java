package dev.unmask.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.unmask.core.imaging.Codecs;
import dev.unmask.core.report.ScanJsonWriter;
import dev.unmask.testkit.TestData;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonSchema schema() throws Exception {
        try (InputStream in = ScanJsonWriter.class.getResourceAsStream("scan-result.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    /** Parses scan JSON and checks it against the published schema. */
    static JsonNode validJson(String text) throws Exception {
        JsonNode doc = JSON.readTree(text);
        Set<ValidationMessage> errors = schema().validate(doc);
        assertTrue(errors.isEmpty(), "schema violations: " + errors);
        return doc;
    }

    static byte[] hostilePng() {
        ByteBuffer b = ByteBuffer.allocate(8 + 25 + 12);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        byte[] ihdr = ByteBuffer.allocate(13).putInt(100_000).putInt(100_000).put((byte) 8).put((byte) 2).array();
        b.put(chunk("IHDR", ihdr)).put(chunk("IEND", new byte[0]));
        return b.array();
    }

    static byte[] chunk(String type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(12 + data.length);
        b.putInt(data.length).put(type.getBytes(StandardCharsets.ISO_8859_1)).put(data);
        CRC32 crc = new CRC32();
        crc.update(type.getBytes(StandardCharsets.ISO_8859_1));
        crc.update(data);
        return b.putInt((int) crc.getValue()).array();
    }

    static Path batch(Path dir) throws Exception {
        Files.copy(TestData.file("photos/rocket.jpg"), dir.resolve("a-rocket.jpg"));
        Files.copy(TestData.file("photos/chelsea.png"), dir.resolve("b-cat.jpg")); // wrong extension
        Files.write(dir.resolve("c-hostile.png"), hostilePng());
        Files.copy(TestData.file("photos/truncated.jpg"), dir.resolve("d-truncated.jpg"));
        Files.write(dir.resolve("e-empty.png"), new byte[0]);
        Files.writeString(dir.resolve("f-notes.png"), "this is text");
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Files.write(dir.resolve("g-black.png"), Codecs.png(img));
        return dir;
    }

    @Test
    void batchGoesOnPastBadFilesWithSpecificErrorsAndExitCode1(@TempDir Path dir) throws Exception {
        batch(dir);
        String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("scan", "--json"),
                Files.list(dir).sorted().map(Path::toString)).toArray(String[]::new);
        Cli r = Cli.run(args);
        assertEquals(UnmaskCommand.SOME_FAILED, r.exit(), r.err());
        JsonNode doc = validJson(r.out());
        JsonNode files = doc.get("files");
        assertEquals(7, files.size());
        assertEquals("bad_dimensions", files.get(2).get("error").get("code").asText());
        assertTrue(files.get(2).get("error").get("message").asText().contains("100000x100000"));
        assertEquals("truncated", files.get(3).get("error").get("code").asText());
        assertEquals("empty_file", files.get(4).get("error").get("code").asText());
        assertEquals("unsupported_format", files.get(5).get("error").get("code").asText());
        for (int i : new int[] {0, 1, 6}) {
            JsonNode f = files.get(i);
            assertTrue(f.get("error").isNull(), f.toString());
            assertEquals(64, f.get("sha256").asText().length());
            assertFalse(f.get("verdict").get("checked").isEmpty());
        }
        assertEquals("png", files.get(1).get("media_type").get("id").asText(), "format from bytes, not name");
        assertEquals("not_applicable", files.get(2).get("verdict").get("label").asText());
        assertEquals(4, doc.get("summary").get("errors").asInt());
        assertEquals(3, doc.get("summary").get("analysed").asInt());
    }

    @Test
    void terminalSummaryNamesEachFileAndTheErrors(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("scan", batch(dir).toString());
        assertEquals(UnmaskCommand.SOME_FAILED, r.exit());
        assertTrue(r.out().contains("f-notes.png\n    skipped: not a supported media format"), r.out());
        assertTrue(r.out().contains("a-rocket.jpg  (jpeg 640x427)"), r.out());
        assertTrue(r.out().contains("error [bad_dimensions]"), r.out());
        assertTrue(r.out().contains("error [empty_file]: the file is empty (0 bytes)"), r.out());
        assertTrue(r.out().contains("7 files:"), r.out());
        assertTrue(r.out().contains("3 files could not be analysed (exit code 1)."), r.out());
        assertFalse(r.out().contains("\u001b["), "no colour codes when not on a terminal");
    }

    @Test
    void goodFilesOnlyExitZero() throws Exception {
        Cli r = Cli.run("scan", "-q", TestData.file("photos/rocket.jpg").toString(), TestData.file("photos/coffee.png").toString());
        assertEquals(UnmaskCommand.OK, r.exit(), r.err());
        assertEquals("", r.out(), "quiet prints nothing");
    }

    @Test
    void unknownFormatsInFoldersAreSkippedButNamedOnesAreErrors(@TempDir Path dir) throws Exception {
        Path readme = dir.resolve("readme.txt");
        Files.writeString(readme, "hello");
        Files.copy(TestData.file("photos/rocket.jpg"), dir.resolve("rocket.jpg"));
        Cli r = Cli.run("scan", "--json", dir.toString());
        assertEquals(UnmaskCommand.OK, r.exit(), r.err());
        JsonNode f = validJson(r.out()).get("files").get(0);
        assertEquals("not_applicable", f.get("verdict").get("label").asText());
        assertTrue(f.get("verdict").get("reason").asText().startsWith("skipped"));
        assertTrue(f.get("error").isNull());

        r = Cli.run("scan", "--json", readme.toString());
        assertEquals(UnmaskCommand.SOME_FAILED, r.exit());
        r = Cli.run("scan", "--json", "--skip-unsupported", readme.toString());
        assertEquals(UnmaskCommand.OK, r.exit());
    }

    @Test
    void outWritesResultsAndArtifactsThatTheJsonReferences(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("results");
        Cli r = Cli.run("scan", "-q", "--out", out.toString(), TestData.file("camera-jpeg/sample1.jpg").toString());
        assertEquals(UnmaskCommand.OK, r.exit(), r.err());
        JsonNode doc = validJson(Files.readString(out.resolve("results.json")));
        int artifacts = 0;
        for (JsonNode run : doc.get("files").get(0).get("analyzers")) {
            for (JsonNode f : run.get("findings")) {
                for (JsonNode a : f.get("artifacts")) {
                    assertTrue(Files.isRegularFile(out.resolve(a.get("file").asText())), a.toString());
                    artifacts++;
                }
            }
        }
        assertTrue(artifacts >= 3, "heatmaps of ela, noise, jpeg and spectral plots are written: " + artifacts);
        String preview = doc.get("files").get(0).get("preview").asText();
        assertTrue(Files.size(out.resolve(preview)) > 1000, preview);
    }

    @Test
    void reportIsOneSelfContainedHtmlFile(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("sub/report.html");
        Cli r = Cli.run("scan", "--report", report.toString(), TestData.file("camera-jpeg/sample2.jpg").toString(),
                TestData.file("photos/truncated.jpg").toString());
        assertEquals(UnmaskCommand.SOME_FAILED, r.exit(), r.err());
        String html = Files.readString(report);
        assertTrue(html.contains("sample2.jpg"));
        assertTrue(html.contains("data:image/jpeg;base64,"), "the preview and overlays are embedded");
        assertTrue(html.contains("truncated"));
        assertFalse(html.contains("src=\"http"), "nothing is loaded from elsewhere");
        assertTrue(r.out().contains("Report: " + report), r.out());
        try (var s = Files.list(report.getParent())) {
            assertEquals(1, s.count(), "no temporary files are left beside the report");
        }
    }

    @Test
    void provenanceIsCheckedInScanIncludingVideoContainers() throws Exception {
        Cli r = Cli.run("scan", "--json", "--set", "provenance.trust-anchors=" + TestData.file("c2pa/certs/trust/test_cert_root_bundle.pem"),
                TestData.file("c2pa/XCA.jpg").toString(), TestData.file("c2pa/C.jpg").toString(), TestData.file("c2pa/video1.mp4").toString());
        assertEquals(UnmaskCommand.OK, r.exit(), r.err());
        JsonNode files = validJson(r.out()).get("files");
        JsonNode tampered = files.get(0).get("verdict");
        assertEquals("manipulated", tampered.get("label").asText());
        assertEquals("provenance.c2pa.tampered.binding", tampered.get("drivers").get(0).get("code").asText());
        JsonNode declared = files.get(1).get("verdict");
        assertEquals("synthetic", declared.get("label").asText());
        assertEquals("provenance.c2pa.synthetic", declared.get("drivers").get(0).get("code").asText());
        JsonNode video = files.get(2);
        assertEquals("mp4", video.get("media_type").get("id").asText());
        assertTrue(video.get("error").isNull(), video.toString());
        assertEquals("[\"provenance\"]", video.get("verdict").get("checked").toString(), "only the container-level analyzer applies to video for now");
    }

    @Test
    void usageErrorsExitTwoWithASpecificMessage() {
        Cli r = Cli.run("scan");
        assertEquals(UnmaskCommand.USAGE, r.exit());
        assertTrue(r.err().contains("Missing required parameter: 'PATH'"), r.err());

        r = Cli.run("scan", "/no/such/place.jpg");
        assertEquals(UnmaskCommand.USAGE, r.exit());
        assertTrue(r.err().contains("no such file or folder: /no/such/place.jpg"), r.err());

        r = Cli.run("scan", "--fail-on", "purple", TestData.file("photos/rocket.jpg").toString());
        assertEquals(UnmaskCommand.USAGE, r.exit());
        assertTrue(r.err().contains("--fail-on takes manipulated and/or synthetic, not 'purple'"), r.err());

        r = Cli.run("scan", "--limit", "max-pixels=lots", TestData.file("photos/rocket.jpg").toString());
        assertEquals(UnmaskCommand.USAGE, r.exit());
        assertTrue(r.err().contains("limit max-pixels=lots is not a positive integer"), r.err());

        r = Cli.run("scan", "--only", "nosuch", TestData.file("photos/rocket.jpg").toString());
        assertEquals(UnmaskCommand.USAGE, r.exit());
        assertTrue(r.err().contains("unknown analyzer 'nosuch'"), r.err());

        r = Cli.run("scan", "--set", "format.nosuch=1", TestData.file("photos/rocket.jpg").toString());
        assertEquals(UnmaskCommand.USAGE, r.exit());
        assertTrue(r.err().contains("analyzer 'format' has no option(s) [nosuch]"), r.err());

        r = Cli.run("scan", "--threads", "0", TestData.file("photos/rocket.jpg").toString());
        assertEquals(UnmaskCommand.USAGE, r.exit());

        r = Cli.run("scan", "--detector", "models/x", TestData.file("photos/rocket.jpg").toString());
        assertEquals(UnmaskCommand.USAGE, r.exit());
        assertTrue(r.err().contains("--detector needs the learned-detector module (unmask-detect)"), r.err());

        r = Cli.run("scan", "--bogus", TestData.file("photos/rocket.jpg").toString());
        assertEquals(UnmaskCommand.USAGE, r.exit());
        assertTrue(r.err().contains("Unknown option: '--bogus'"), r.err());
    }

    @Test
    void guardLimitsAreConfigurableFromTheCommandLine() throws Exception {
        Cli r = Cli.run("scan", "--json", "--limit", "max-pixels=100k", TestData.file("photos/rocket.jpg").toString());
        assertEquals(UnmaskCommand.SOME_FAILED, r.exit());
        assertEquals("too_many_pixels", validJson(r.out()).get("files").get(0).get("error").get("code").asText());
    }

    @Test
    void schemaCommandPrintsTheSchemaTheOutputFollows() throws Exception {
        Cli r = Cli.run("schema");
        assertEquals(0, r.exit());
        assertEquals("1.0", JSON.readTree(r.out()).get("properties").get("schema_version").get("const").asText());
        assertEquals(ScanJsonWriter.SCHEMA_VERSION, "1.0");
    }

    @Test
    void analyzersCommandListsEveryRegisteredAnalyzer() {
        Cli r = Cli.run("analyzers");
        assertEquals(0, r.exit());
        for (String id : new String[] {"clone", "ela", "format", "jpeg", "metadata", "noise", "spectral"}) {
            assertTrue(r.out().contains("\n" + id + " ") || r.out().startsWith(id + " "), id + " missing: " + r.out());
        }
        assertTrue(r.out().contains("--set ela.quality=90 (integer 50..99)"), r.out());
        // every listed setting is accepted by scan
        Cli s = Cli.run("scan", "-q", "--set", "ela.quality=95", "--set", "clone.min-shift=40", TestData.file("photos/rocket.jpg").toString());
        assertEquals(0, s.exit(), s.err());
    }
}
