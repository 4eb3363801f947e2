package dev.unmask.analyzers.metadata;

import static dev.unmask.analyzers.metadata.MetadataAnalyzerTest.codes;
import static dev.unmask.analyzers.metadata.MetadataAnalyzerTest.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.api.Analyzer;
import dev.unmask.api.AnalyzerOptions;
import dev.unmask.api.AnalyzerResult;
import dev.unmask.api.Evidence;
import dev.unmask.api.Finding;
import dev.unmask.core.imaging.Codecs;
import dev.unmask.testkit.AnalyzerContractTest;
import dev.unmask.testkit.TestData;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** C2PA presence, the EXIF thumbnail comparison, IPTC Digital Source Type and software names, on crafted files. */
class MetadataChecksTest extends AnalyzerContractTest {
    @Override
    protected Analyzer newAnalyzer() {
        return new MetadataAnalyzer();
    }

    @Override
    protected String supportedFixture() {
        return "c2pa/CA.jpg";
    }

    private static AnalyzerResult run(String name, byte[] bytes) throws Exception {
        MetadataAnalyzer a = new MetadataAnalyzer();
        a.init(AnalyzerOptions.defaults("metadata"));
        AnalyzerResult r = a.analyze(TestData.media(name, bytes));
        assertEquals(AnalyzerResult.Status.OK, r.status(), r.summary());
        return r;
    }

    @Test
    void c2paInJpegApp11IsFound() throws Exception {
        Finding f = only(MetadataAnalyzerTest.run("c2pa/CA.jpg"), "metadata.c2pa.present");
        assertEquals(Evidence.INFO, f.evidence());
        assertEquals(2, f.values().get("segments"));
        assertEquals("c2pa", f.values().get("store_label"));
        assertEquals(1, f.values().get("manifests"));
        assertTrue(((Long) f.values().get("bytes")) > 100_000);
        Finding c = only(MetadataAnalyzerTest.run("c2pa/C.jpg"), "metadata.c2pa.present");
        assertEquals(1, c.values().get("segments"));
        assertEquals(List.of("contentauth:urn:uuid:b2b1f7fa-b119-4de1-9c0d-c97fbea3f2c3"), c.values().get("manifest_labels"));
    }

    @Test
    void noManifestFilesHaveNone() throws Exception {
        AnalyzerResult r = MetadataAnalyzerTest.run("c2pa/no_manifest.jpg");
        assertFalse(codes(r).contains("metadata.c2pa.present"), codes(r).toString());
        // its XMP still points at the (removed) manifest
        assertTrue(codes(r).contains("metadata.c2pa.reference"), codes(r).toString());
        // the c2pa-rs fixture libpng-test.png carries no caBX chunk (only IHDR, PLTE, tRNS, IDAT, IEND)
        assertFalse(codes(MetadataAnalyzerTest.run("c2pa/libpng-test.png")).contains("metadata.c2pa.present"));
    }

    @Test
    void c2paInPngCabxChunkIsFound() throws Exception {
        byte[] png = withChunk(Codecs.png(noise(64, 48, 1)), "caBX", manifestStore("urn:uuid:test-manifest"));
        Finding f = only(run("cabx.png", png), "metadata.c2pa.present");
        assertEquals("PNG caBX chunk(s)", f.values().get("container"));
        assertEquals(1, f.values().get("segments"));
        assertEquals(List.of("urn:uuid:test-manifest"), f.values().get("manifest_labels"));
    }

    @Test
    void truncatedC2paSegmentsDoNotThrow() throws Exception {
        byte[] ca = Files.readAllBytes(TestData.file("c2pa/CA.jpg"));
        for (int cut : new int[] {30, 100, 5000, 70_000}) {
            byte[] t = Arrays.copyOf(ca, cut);
            C2paScanner.Result r = C2paScanner.jpeg(t);
            assertTrue(r.segments() <= 2);
            run("cut.jpg", t);
        }
        C2paScanner.Result r = C2paScanner.jpeg(Arrays.copyOf(ca, 70_000));
        assertTrue(r.truncated());
    }

    @Test
    void thumbnailMatchingTheImageIsInfo() throws Exception {
        byte[] jpg = withApp1(mainOf("c2pa/no_manifest.jpg", false, false));
        Finding f = only(run("same.jpg", jpg), "metadata.thumbnail");
        assertEquals(Evidence.INFO, f.evidence());
        assertTrue((Double) f.values().get("luma_mad") < 10, f.values().toString());
    }

    @Test
    void thumbnailOfEditedImageIsAMismatch() throws Exception {
        byte[] jpg = withApp1(mainOf("c2pa/no_manifest.jpg", true, false));
        AnalyzerResult r = run("edited.jpg", jpg);
        Finding f = only(r, "metadata.thumbnail-mismatch");
        assertEquals(Evidence.MANIPULATED, f.evidence());
        assertEquals(ThumbnailCheck.CONTENT_SCORE, f.score());
        assertEquals(1, f.artifacts().size());
        assertEquals("metadata-thumbnail-vs-image", f.artifacts().get(0).name());
        assertTrue(r.summary().contains("MISMATCH"), r.summary());
    }

    @Test
    void thumbnailOfCroppedImageIsAMismatch() throws Exception {
        byte[] jpg = withApp1(mainOf("c2pa/no_manifest.jpg", false, true));
        Finding f = only(run("cropped.jpg", jpg), "metadata.thumbnail-mismatch");
        assertTrue(f.score() >= ThumbnailCheck.FRAMING_SCORE);
    }

    @ParameterizedTest
    @CsvSource({"http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia, SYNTHETIC, 0.95",
            "compositeWithTrainedAlgorithmicMedia, SYNTHETIC, 0.85",
            "http://cv.iptc.org/newscodes/digitalsourcetype/algorithmicMedia, SYNTHETIC, 0.9",
            "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture, AUTHENTIC, 0.2",
            "http://cv.iptc.org/newscodes/digitalsourcetype/screenCapture, INFO, 0"})
    void digitalSourceTypeIsRead(String value, Evidence evidence, double score) throws Exception {
        String xmp = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description rdf:about=\"\" xmlns:Iptc4xmpExt=\"http://iptc.org/std/Iptc4xmpExt/2008-02-29/\""
                + " Iptc4xmpExt:DigitalSourceType=\"" + value + "\"/></rdf:RDF></x:xmpmeta>";
        byte[] png = withChunk(Codecs.png(noise(32, 32, 2)), "iTXt", itxt("XML:com.adobe.xmp", xmp));
        Finding f = only(run("dst.png", png), "metadata.source-type");
        assertEquals(evidence, f.evidence());
        assertEquals(score, f.score(), 1e-9);
        assertEquals(value.substring(value.lastIndexOf('/') + 1), f.values().get("digital_source_type"));
    }

    @Test
    void generatorNamesInSoftwareFieldsAreFoundButNotInsideOtherWords() throws Exception {
        byte[] firefly = withChunk(Codecs.png(noise(32, 32, 3)), "tEXt", text("Software", "Adobe Firefly Image 3"));
        Finding f = only(run("firefly.png", firefly), "metadata.generator.software");
        assertEquals("Adobe Firefly", f.values().get("generator"));
        assertEquals(GeneratorFindings.NAME_SCORE, f.score());
        byte[] plugin = withChunk(Codecs.png(noise(32, 32, 3)), "tEXt", text("Software", "Imagenomic Portraiture 4"));
        assertFalse(codes(run("plugin.png", plugin)).contains("metadata.generator.software"));
        byte[] gimp = withChunk(Codecs.png(noise(32, 32, 3)), "tEXt", text("Software", "GIMP 2.10.36"));
        Finding g = only(run("gimp.png", gimp), "metadata.editing-software");
        assertEquals(List.of("GIMP"), g.values().get("software"));
    }

    @Test
    void knownNameListsLoad() {
        assertTrue(KnownNames.GENERATORS.size() >= 20);
        assertTrue(KnownNames.EDITORS.size() >= 20);
        assertEquals("DALL-E", KnownNames.GENERATORS.find("DALL\u00b7E 3").orElseThrow());
        assertEquals("Midjourney", KnownNames.GENERATORS.find("made with midjourney v6").orElseThrow());
        assertTrue(KnownNames.GENERATORS.find("ILCE-7M2 v1.00").isEmpty());
    }

    // ---- crafting helpers ----

    /** The main image of a fixture, re-encoded; optionally with a large patch painted over it, or cropped. */
    private static byte[] mainOf(String fixture, boolean patch, boolean crop) throws Exception {
        BufferedImage img = decoded(fixture);
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(img, 0, 0, null);
        if (patch) {
            g.setColor(Color.WHITE);
            g.fillRect(img.getWidth() / 5, img.getHeight() / 5, img.getWidth() / 2, img.getHeight() / 2);
        }
        g.dispose();
        if (crop) {
            out = out.getSubimage(0, 0, img.getWidth() / 2, img.getHeight());
        }
        return Codecs.jpeg(out, 90);
    }

    private static final java.util.Map<String, BufferedImage> DECODED = new java.util.concurrent.ConcurrentHashMap<>();

    /** The fixture's decoded image, decoded once per test run (read only). */
    private static BufferedImage decoded(String fixture) throws Exception {
        BufferedImage img = DECODED.get(fixture);
        if (img == null) {
            img = TestData.media(fixture).image();
            DECODED.put(fixture, img);
        }
        return img;
    }

    /** Inserts the fixture no_manifest.jpg's APP1 EXIF segment (with its thumbnail) right after SOI. */
    private static byte[] withApp1(byte[] jpeg) throws Exception {
        byte[] src = Files.readAllBytes(TestData.file("c2pa/no_manifest.jpg"));
        int[] seg = {-1, -1};
        JpegSegments.walk(src, (m, p, end, t) -> {
            if (m == 0xE1 && seg[0] < 0 && src[p] == 'E' && src[p + 1] == 'x') {
                seg[0] = p - 4;
                seg[1] = end;
            }
        });
        assertTrue(seg[0] > 0, "fixture has an EXIF APP1 segment");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(src, seg[0], seg[1] - seg[0]);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static BufferedImage noise(int w, int h, long seed) {
        Random r = new Random(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, r.nextInt(0x1000000));
            }
        }
        return img;
    }

    /** Inserts a chunk after IHDR (PNG signature 8 bytes + IHDR 25 bytes). */
    static byte[] withChunk(byte[] png, String type, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, 33);
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        out.writeBytes(new byte[] {(byte) (data.length >>> 24), (byte) (data.length >>> 16), (byte) (data.length >>> 8),
                (byte) data.length});
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        long c = crc.getValue();
        out.writeBytes(new byte[] {(byte) (c >>> 24), (byte) (c >>> 16), (byte) (c >>> 8), (byte) c});
        out.write(png, 33, png.length - 33);
        return out.toByteArray();
    }

    private static byte[] text(String key, String value) {
        return (key + "\0" + value).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] itxt(String key, String value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(key.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(new byte[] {0, 0, 0, 0, 0});
        out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** A minimal JUMBF manifest store: superbox "c2pa" holding one labelled manifest superbox. */
    private static byte[] manifestStore(String manifestLabel) {
        byte[] inner = superbox(manifestLabel, new byte[0]);
        return superbox("c2pa", inner);
    }

    private static byte[] superbox(String label, byte[] children) {
        byte[] l = (label + "\0").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream jumd = new ByteArrayOutputStream();
        jumd.writeBytes(new byte[16]);
        jumd.write(0x03);
        jumd.writeBytes(l);
        byte[] d = box("jumd", jumd.toByteArray());
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes(d);
        content.writeBytes(children);
        return box("jumb", content.toByteArray());
    }

    private static byte[] box(String type, byte[] content) {
        int n = content.length + 8;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        out.writeBytes(type.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(content);
        return out.toByteArray();
    }
}
