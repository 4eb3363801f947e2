package dev.unmask.core.report;

import static dev.unmask.core.report.HtmlTest.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.api.AnalyzerInfo;
import dev.unmask.api.AnalyzerResult;
import dev.unmask.api.Artifact;
import dev.unmask.api.Evidence;
import dev.unmask.api.Finding;
import dev.unmask.core.imaging.Artifacts;
import dev.unmask.core.scan.AnalyzerRun;
import dev.unmask.core.scan.FileError;
import dev.unmask.core.scan.FileResult;
import dev.unmask.core.scan.Label;
import dev.unmask.core.scan.Verdict;
import dev.unmask.core.scan.VerdictFusion;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class HtmlReportWriterTest {
    static final String HOSTILE = "<script>alert('pwned')</script>";
    static final Instant T0 = Instant.parse("2025-01-02T03:04:05Z");
    static final VerdictFusion FUSION = VerdictFusion.handSet();
    static final AnalyzerInfo META = new AnalyzerInfo("metadata", "Metadata", "1.2", "Reads generator tags <b>.");
    static final AnalyzerInfo CLONE = new AnalyzerInfo("clone", "Copy-move", "0.3", "Finds duplicated regions.");
    static final AnalyzerInfo ELA = new AnalyzerInfo("ela", "Error level analysis", "1.0", "Re-saves the JPEG.");
    static final AnalyzerInfo CAMERA = new AnalyzerInfo("camera", "Camera traces", "0.1", "Sensor noise.");
    static final List<AnalyzerInfo> ALL = List.of(CAMERA, CLONE, ELA, META);

    @TempDir
    Path dir;

    @Test
    void aFittedFusionIsExplainedWithItsProbabilityThresholds() throws Exception {
        VerdictFusion fitted = VerdictFusion.handSet().withModel(dev.unmask.core.scan.FusionModel.prior(0.6, 0.3, 0.8));
        Path html = dir.resolve("fitted.html");
        try (HtmlReportWriter w = new HtmlReportWriter(html, "v", T0, ALL, fitted)) {
            w.finish(T0);
        }
        String s = Files.readString(html, StandardCharsets.UTF_8);
        assertTrue(s.contains("logistic model fitted on labelled images (prior (the hand-set fusion weights))"), "names the model");
        assertTrue(s.contains("threshold 0.80") && s.contains("between 0.20 and 0.80"), "the probability thresholds are explained");
    }

    @Test
    void writesSelfContainedWellFormedReport() throws Exception {
        List<FileResult> results = sampleResults();
        Path html = dir.resolve("report.html");
        try (HtmlReportWriter w = new HtmlReportWriter(html, "0.1.0-test", T0, ALL, FUSION)) {
            results.forEach(r -> add(w, r));
            w.finish(T0.plusSeconds(75));
        }
        assertTrue(Files.isRegularFile(html));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(html), s.toList(), "no temporary file is left next to the report");
        }
        String s = Files.readString(html, StandardCharsets.UTF_8);

        for (Label l : Label.values()) {
            assertTrue(s.contains(">" + l.display() + "</span>"), "badge " + l.display());
            assertTrue(s.contains(">" + l.display() + ": 1</span>"), "count badge " + l.display());
        }
        assertTrue(s.contains("5 (4 analysed, 1 error)"));
        assertTrue(s.contains("1 min 15 s"));
        assertTrue(s.contains("unmask 0.1.0-test"));
        assertTrue(s.contains("threshold 0.60") && s.contains("between 0.30 and 0.60") && s.contains("reaches 0.20"),
                "the fusion thresholds are explained");
        assertTrue(s.contains("<td>1.2</td>"), "analyzer versions are listed");

        Artifact art = results.get(0).runs().get(0).result().findings().get(0).artifacts().get(0);
        String b64 = Base64.getEncoder().encodeToString(art.data());
        assertTrue(s.contains("<img src=\"data:image/png;base64," + b64 + "\""), "the artifact is embedded byte for byte");

        assertFalse(s.contains("<script"), "no hostile or own script element");
        assertTrue(s.contains("&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;"), "the hostile prompt is shown as text");
        assertFalse(s.contains("<img src=x"), "the hostile path stays text");
        assertTrue(s.contains("evil&quot;&gt;&lt;img src=x onerror=alert(1)&gt;.jpg"));
        assertFalse(s.contains("<b>"), "descriptions are escaped");
        assertFalse(s.contains("http://") || s.contains("https://"), "no external references");

        assertTrue(s.contains("<code>unsupported_format</code>"), "the error code is shown");
        assertTrue(s.contains("Error: could not be analysed"));
        assertTrue(s.contains("(40 values)") && s.contains("(30 items)"), "long values are truncated with a count");
        assertTrue(s.contains("<code>spectrum</code> (128 values)"), "features are listed by name and length only");
        assertTrue(s.contains("<svg class=\"chart\""), "the label chart is inline");
        assertEquals(count(s, "<section"), count(s, "</section>"));
        assertEquals(5, count(s, "<section class=\"file"));
        assertEquals(5, count(s, "<tr class=\"row"));

        Document doc = parseXml(html);
        assertEquals("html", doc.getDocumentElement().getTagName());
        NodeList imgs = doc.getElementsByTagName("img");
        assertEquals(2, imgs.getLength());
        Element img = (Element) imgs.item(0);
        assertEquals("data:image/png;base64," + b64, img.getAttribute("src"));
        assertEquals("width:192px", img.getAttribute("style"), "a 24 px wide picture is enlarged 8 times");
        assertOnlyInternalReferences(doc.getDocumentElement());
        assertEquals(2, doc.getElementsByTagName("figcaption").getLength(), "two figures with captions");
    }

    @Test
    void summaryRowsLinkToTheirSections() throws Exception {
        Path html = dir.resolve("r.html");
        try (HtmlReportWriter w = new HtmlReportWriter(html, "v", T0, ALL, FUSION)) {
            sampleResults().forEach(r -> add(w, r));
            w.finish(T0);
        }
        Document doc = parseXml(html);
        NodeList links = doc.getElementsByTagName("a");
        int internal = 0;
        for (int i = 0; i < links.getLength(); i++) {
            String href = ((Element) links.item(i)).getAttribute("href");
            String id = href.substring(1);
            assertTrue(hasId(doc.getDocumentElement(), id), "link target exists: " + href);
            internal++;
        }
        assertEquals(10, internal, "5 summary links + 5 back links");
    }

    @Test
    void emptyScanStillProducesAValidReport() throws Exception {
        Path html = dir.resolve("empty.html");
        try (HtmlReportWriter w = new HtmlReportWriter(html, "v", T0, List.of(), FUSION)) {
            w.finish(T0.plusMillis(1500));
        }
        String s = Files.readString(html);
        assertTrue(s.contains("No files were scanned."));
        assertTrue(s.contains("0 (0 analysed, 0 errors)"));
        parseXml(html);
    }

    @Test
    void closeWithoutFinishLeavesNothingAndKeepsThePreviousReport() throws Exception {
        Path html = dir.resolve("report.html");
        try (HtmlReportWriter w = new HtmlReportWriter(html, "v", T0, ALL, FUSION)) {
            sampleResults().forEach(r -> add(w, r));
            assertTrue(Files.size(w.sectionsFile()) > 0);
            assertFalse(Files.exists(html));
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(), s.toList(), "neither the report nor a temporary file");
        }

        Files.writeString(html, "previous");
        try (HtmlReportWriter w = new HtmlReportWriter(html, "v", T0, ALL, FUSION)) {
            add(w, sampleResults().get(0));
        }
        assertEquals("previous", Files.readString(html), "an unfinished report does not replace the old one");
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(html), s.toList());
        }

        try (HtmlReportWriter w = new HtmlReportWriter(html, "v", T0, ALL, FUSION)) {
            add(w, sampleResults().get(0));
            w.finish(T0);
            assertThrows(IllegalStateException.class, () -> w.add(sampleResults().get(0)));
        }
        assertTrue(Files.readString(html).startsWith("<!DOCTYPE html>"), "a finished report replaces the old one");
    }

    @Test
    void streamsResultsWithoutRetainingThem() throws Exception {
        Path html = dir.resolve("big.html");
        int n = 200;
        List<WeakReference<byte[]>> pictures = new ArrayList<>();
        long expectedBase64 = 0;
        try (HtmlReportWriter w = new HtmlReportWriter(html, "v", T0, ALL, FUSION)) {
            long last = Files.size(w.sectionsFile());
            Artifact base = png("generator-map", "Where the text chunk sits in the file.", new Random(3));
            for (int i = 0; i < n; i++) {
                byte[] own = base.data().clone(); // a distinct array per result, so its collection can be observed
                own[own.length - 1] ^= (byte) i; // and distinct content (PNG's trailing CRC byte; not decoded here)
                Artifact a = new Artifact(base.name(), base.caption(), base.kind(), base.mimeType(), own, base.width(),
                        base.height());
                FileResult r = synthetic(i, "batch/img-" + i + ".png", HOSTILE, a);
                byte[] data = r.runs().get(0).result().findings().get(0).artifacts().get(0).data();
                pictures.add(new WeakReference<>(data));
                expectedBase64 += Base64.getEncoder().encodeToString(data).length();
                w.add(r);
                long size = Files.size(w.sectionsFile());
                assertTrue(size > last, "the section of file " + i + " is on disk as soon as it is added");
                last = size;
            }
            assertTrue(last > expectedBase64, "every picture went to the temporary file");
            assertEquals(0, retained(pictures), "the writer keeps no artifact bytes after add()");
            w.finish(T0.plusSeconds(1));
        }
        String s = Files.readString(html);
        assertEquals(n, count(s, "<section class=\"file"));
        assertEquals(n, count(s, "src=\"data:image/png;base64,"));
        assertTrue(s.contains("likely synthetic: " + n));
        assertTrue(Files.size(html) > expectedBase64);
        parseXml(html);
    }

    /** Writes a sample report where -Dunmask.sample.report=<path> asks for one (for eyeballing the layout). */
    @Test
    void writesSampleReportWhenAsked() throws Exception {
        String out = System.getProperty("unmask.sample.report");
        Assumptions.assumeTrue(out != null && !out.isBlank(), "no sample requested");
        try (HtmlReportWriter w = new HtmlReportWriter(Path.of(out), "0.1.0-SNAPSHOT", T0, ALL, FUSION)) {
            sampleResults().forEach(r -> add(w, r));
            w.finish(T0.plusSeconds(3));
        }
    }

    private static int retained(List<WeakReference<byte[]>> refs) throws InterruptedException {
        int alive = refs.size();
        for (int attempt = 0; attempt < 20 && alive > 0; attempt++) {
            System.gc();
            Thread.sleep(20);
            alive = (int) refs.stream().filter(r -> r.get() != null).count();
        }
        return alive;
    }

    private static void add(HtmlReportWriter w, FileResult r) {
        try {
            w.add(r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ---- fixtures -------------------------------------------------------------------------------------------

    static List<FileResult> sampleResults() {
        List<FileResult> out = new ArrayList<>();
        out.add(synthetic(0, "gen/portrait.png", HOSTILE,
                png("generator-map", "Where the text chunk sits in the file.", new Random(1))));
        out.add(manipulated(1, "evil\"><img src=x onerror=alert(1)>.jpg"));
        out.add(inconclusive(2, "photos/quiet.jpg"));
        out.add(authentic(3, "photos/camera.jpg"));
        out.add(error(4, "notes/readme.txt"));
        List<Label> expected = List.of(Label.SYNTHETIC, Label.MANIPULATED, Label.INCONCLUSIVE, Label.AUTHENTIC,
                Label.NOT_APPLICABLE);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), out.get(i).verdict().label(), "fixture " + i);
        }
        return out;
    }

    static FileResult synthetic(int index, String path, String prompt, Artifact picture) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("steps", 30);
        params.put("cfg_scale", 7.5);
        params.put("sampler", "DPM++ 2M <Karras>");
        double[] curve = new double[40];
        for (int i = 0; i < curve.length; i++) {
            curve[i] = Math.sin(i / 3.0);
        }
        List<Object> tokens = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            tokens.add("tok" + i);
        }
        Finding gen = Finding.of("metadata.generator.a1111", Evidence.SYNTHETIC, 0.95)
                .title("The file declares AUTOMATIC1111 generation parameters.")
                .detail("The PNG tEXt chunk 'parameters' holds a prompt & settings.\nSecond line.")
                .value("prompt", prompt).value("parameters", params).value("curve", curve).value("tokens", tokens)
                .value("declared", true)
                .artifact(picture)
                .build();
        Finding info = Finding.info("metadata.software").title("Software tag present.").value("software", "ComfyUI")
                .build();
        AnalyzerRun meta = new AnalyzerRun(META, AnalyzerResult.ok("Read 3 text chunks; a generator is declared.",
                List.of(gen, info), Map.of("spectrum", new double[128])), 4.2);
        AnalyzerRun ela = new AnalyzerRun(ELA, AnalyzerResult.notApplicable("ELA needs a JPEG; this is a PNG."), 0.1);
        return result(index, path, "png", "image/png", 512, 512, List.of(meta, ela), null);
    }

    static FileResult manipulated(int index, String path) {
        Finding f = Finding.of("clone.region", Evidence.MANIPULATED, 0.9).title("A region is duplicated.")
                .detail("Matched blocks with consistent offset.").value("offset", List.of(120, -44)).value("area_px", 5120)
                .artifact(png("clone-overlay", "Linked regions are outlined.", new Random(7))).build();
        AnalyzerRun run = new AnalyzerRun(CLONE, AnalyzerResult.ok("Compared 4096 blocks; one duplicated region.",
                List.of(f)), 120.5);
        return result(index, path, "jpeg", "image/jpeg", 1024, 768, List.of(run), null);
    }

    static FileResult inconclusive(int index, String path) {
        Finding f = Finding.of("ela.level", Evidence.MANIPULATED, 0.5).title("Error levels vary somewhat.")
                .value("ratio", 1.8).build();
        AnalyzerRun ela = new AnalyzerRun(ELA, AnalyzerResult.ok("Error level ratio 1.8.", List.of(f)), 35);
        AnalyzerRun clone = new AnalyzerRun(CLONE, AnalyzerResult.failed("Out of time after 5000 ms."), 5000);
        return result(index, path, "jpeg", "image/jpeg", 800, 600, List.of(ela, clone), null);
    }

    static FileResult authentic(int index, String path) {
        Finding f = Finding.of("camera.prnu", Evidence.AUTHENTIC, 0.6).title("Sensor noise matches a camera.").build();
        AnalyzerRun cam = new AnalyzerRun(CAMERA, AnalyzerResult.ok("Noise residual correlates 0.6.", List.of(f)), 80);
        return result(index, path, "jpeg", "image/jpeg", 4000, 3000, List.of(cam), null);
    }

    static FileResult error(int index, String path) {
        FileError e = new FileError("unsupported_format", "the leading bytes <6e 6f> match no supported format");
        Verdict v = FUSION.fuse(List.of(), e);
        FileResult r = new FileResult(index, path, null, 10, "unknown", "application/octet-stream", 0, 0, List.of(), v, e, null);
        assertNull(r.sha256());
        return r;
    }

    private static FileResult result(int index, String path, String type, String mime, int w, int h,
                                     List<AnalyzerRun> runs, FileError error) {
        String sha = String.format("%064x", (long) path.hashCode() & 0xffffffffL);
        return new FileResult(index, path, sha, 123_456, type, mime, w, h, runs, FUSION.fuse(runs, error), error, null);
    }

    static Artifact png(String name, String caption, Random rnd) {
        BufferedImage img = new BufferedImage(24, 16, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                img.setRGB(x, y, rnd.nextInt(0x1000000));
            }
        }
        return Artifacts.png(name, caption, Artifact.Kind.HEATMAP, img);
    }

    // ---- XML checks -----------------------------------------------------------------------------------------

    static Document parseXml(Path html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setExpandEntityReferences(false);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(null);
        return b.parse(new ByteArrayInputStream(Files.readAllBytes(html)));
    }

    /** Every src/href points into the page or is a data URI; no style pulls anything in. */
    private static void assertOnlyInternalReferences(Element e) {
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Node a = attrs.item(i);
            String name = a.getNodeName();
            String v = a.getNodeValue();
            if (name.equals("src") || name.equals("href") || name.equals("xlink:href") || name.equals("action")) {
                assertTrue(v.startsWith("#") || v.startsWith("data:"), name + "=" + v);
            }
            assertFalse(name.startsWith("on"), "no event handler attribute: " + name);
        }
        assertFalse(e.getTagName().equals("link") || e.getTagName().equals("script") || e.getTagName().equals("iframe"),
                e.getTagName());
        if (e.getTagName().equals("style")) {
            assertFalse(e.getTextContent().contains("url(") || e.getTextContent().contains("@import"));
        }
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element ce) {
                assertOnlyInternalReferences(ce);
            }
        }
    }

    private static boolean hasId(Element e, String id) {
        if (id.equals(e.getAttribute("id"))) {
            return true;
        }
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element ce && hasId(ce, id)) {
                return true;
            }
        }
        return false;
    }
}
