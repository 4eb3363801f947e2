package dev.unmask.faces.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.api.Analyzer;
import dev.unmask.api.AnalyzerOptions;
import dev.unmask.api.AnalyzerResult;
import dev.unmask.api.Evidence;
import dev.unmask.api.Finding;
import dev.unmask.faces.Face;
import dev.unmask.faces.FaceAligner;
import dev.unmask.faces.FaceDetector;
import dev.unmask.testkit.AnalyzerContractTest;
import dev.unmask.testkit.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FacesAnalyzerTest extends AnalyzerContractTest {
    @Override
    protected Analyzer newAnalyzer() {
        return new FacesAnalyzer();
    }

    @Override
    protected String supportedFixture() {
        return "photos/astronaut.png";
    }

    private static FacesAnalyzer with(Map<String, String> options) {
        FacesAnalyzer a = new FacesAnalyzer();
        a.init(new AnalyzerOptions(FacesAnalyzer.ID, options));
        return a;
    }

    private static List<Finding> codes(AnalyzerResult r, String code) {
        return r.findings().stream().filter(f -> f.code().equals(code)).toList();
    }

    @Test
    void realPhotosOfPeopleGiveFacesButNoStrongEvidence() throws Exception {
        try (Analyzer a = initialised()) {
            StringBuilder report = new StringBuilder();
            for (int i = 1; i <= 6; i++) {
                String f = "camera-jpeg/sample" + i + ".jpg";
                AnalyzerResult r = a.analyze(TestData.media(f));
                assertEquals(AnalyzerResult.Status.OK, r.status(), f + ": " + r.summary());
                int faces = ((Number) codes(r, "faces.count").get(0).values().get("count")).intValue();
                assertTrue(faces >= 3, f + " has at least 3 faces, found " + faces);
                assertEquals(faces, codes(r, "faces.face").size());
                assertEquals(faces, codes(r, "faces.meso4").size());
                assertEquals(faces, codes(r, "faces.mesoinception").size());
                for (Finding x : r.findings()) {
                    assertTrue(x.score() <= 0.4, f + ": MesoNet evidence is capped: " + x);
                }
                long carrying = r.findings().stream().filter(x -> x.score() > 0).count();
                assertTrue(carrying <= 1, "at most one MesoNet finding carries evidence");
                report.append(String.format(Locale.ROOT, "%n  %s: %s", f, r.summary()));
                for (Finding x : codes(r, "faces.meso4")) {
                    report.append(String.format(Locale.ROOT, " [%.2f]", (Double) x.values().get("probabilityFake")));
                }
            }
            System.out.println("MesoNet on the real camera photos:" + report);
        }
    }

    @Test
    void anImageWithoutFacesIsNotApplicableWithTheReason() throws Exception {
        try (Analyzer a = initialised()) {
            AnalyzerResult r = a.analyze(TestData.media("photos/coffee.png"));
            assertEquals(AnalyzerResult.Status.NOT_APPLICABLE, r.status());
            assertTrue(r.summary().matches("no face found \\(\\d+ candidates? below score threshold 0\\.75.*\\)"),
                    r.summary());
            AnalyzerResult tiny = a.analyze(TestData.media("flat.png",
                    dev.unmask.core.imaging.Codecs.png(new java.awt.image.BufferedImage(20, 30, 1))));
            assertEquals("no face found: the image (20x30) is smaller than the minimum face size of 40 px",
                    tiny.summary());
        }
    }

    @Test
    void eachFaceGetsABoxACropAndOneFindingPerScorer() throws Exception {
        try (Analyzer a = initialised()) {
            AnalyzerResult r = a.analyze(TestData.media("photos/astronaut.png"));
            assertEquals(AnalyzerResult.Status.OK, r.status());
            Finding count = codes(r, "faces.count").get(0);
            assertEquals(1, count.values().get("count"));
            assertEquals("faces-overlay", count.artifacts().get(0).name());
            Finding face = codes(r, "faces.face").get(0);
            @SuppressWarnings("unchecked")
            List<Long> box = (List<Long>) face.values().get("box");
            assertTrue(new dev.unmask.faces.FaceBox(box.get(0), box.get(1), box.get(2), box.get(3))
                    .iou(new dev.unmask.faces.FaceBox(185, 78, 80, 94)) > 0.5, "box " + box);
            assertEquals(256, face.artifacts().get(0).width());
            for (String code : List.of("faces.meso4", "faces.mesoinception")) {
                Finding m = codes(r, code).get(0);
                assertEquals(Evidence.MANIPULATED, m.evidence());
                assertEquals(1, m.values().get("face"));
                assertTrue((Double) m.values().get("probabilityFake") < 0.5, "MesoNet calls the astronaut real");
                assertEquals(0, m.score(), "no evidence below a fake probability of 0.5");
            }
        }
    }

    @Test
    void onlyTheMostSuspiciousFaceAndModelCarriesEvidence() throws Exception {
        try (Analyzer a = initialised()) {
            // sample2: MesoNet's strongest false alarm among the real photos (face 2)
            AnalyzerResult r = a.analyze(TestData.media("camera-jpeg/sample2.jpg"));
            List<Finding> meso = r.findings().stream().filter(f -> f.code().startsWith("faces.meso")).toList();
            Finding top = meso.stream().max(java.util.Comparator.comparingDouble(
                    f -> (Double) f.values().get("probabilityFake"))).orElseThrow();
            double p = (Double) top.values().get("probabilityFake");
            assertTrue(p > 0.5, "a false alarm to test with: " + p);
            assertEquals(0.4 * (p - 0.5) / 0.5, top.score(), 1e-9, "score from probability, capped at 0.4");
            assertEquals(List.of(top), meso.stream().filter(f -> f.score() > 0).toList());
        }
    }

    @Test
    void scorersCanBeChosenOrSwitchedOff() throws Exception {
        try (Analyzer a = with(Map.of("scorers", "meso4-f2f"))) {
            AnalyzerResult r = a.analyze(TestData.media("photos/astronaut.png"));
            assertEquals(1, codes(r, "faces.meso4-f2f").size());
            assertTrue(codes(r, "faces.meso4").isEmpty());
        }
        try (Analyzer a = with(Map.of("scorers", "none", "signals", "none"))) {
            AnalyzerResult r = a.analyze(TestData.media("photos/astronaut.png"));
            assertTrue(r.findings().stream().allMatch(f -> f.evidence() == Evidence.INFO), "detection only");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> with(Map.of("scorers", "meso5")));
        assertTrue(e.getMessage().startsWith("option faces.scorers=meso5 is invalid"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> with(Map.of("model", "512")));
        assertThrows(IllegalArgumentException.class, () -> with(Map.of("margin", "2")));
    }

    @Test
    void learnedDetectorsRunOnTheAlignedFaceCrops(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("mean-red");
        Files.createDirectories(model);
        Files.writeString(model.resolve("detector.properties"), "kind=test-mean-red\nname=mean-red\nversion=1\n"
                + "threshold=0.4\ninput.size=64\nscope=test only\n", StandardCharsets.UTF_8);
        MeanRedDetectorLoader.SEEN.clear();
        try (Analyzer a = with(Map.of("detectors", model.toString(), "scorers", "none"))) {
            var media = TestData.media("camera-jpeg/sample6.jpg");
            AnalyzerResult r = a.analyze(media);
            List<Finding> det = codes(r, "faces.detector");
            List<Finding> faces = codes(r, "faces.face");
            assertEquals(faces.size(), det.size());
            assertTrue(det.size() >= 4);
            assertTrue(MeanRedDetectorLoader.SEEN.stream().allMatch(s -> s[0] == 64 && s[1] == 64),
                    "crops come at the descriptor's input.size");
            // recompute face 1's value from its own crop
            try (FaceDetector d = FaceDetector.open(FacesSettings.DEFAULTS.detectorSettings())) {
                Face f1 = d.detect(media.image()).get(0);
                double expected = MeanRedDetectorLoader.meanRed(FaceAligner.crop(media.image(), f1, 64, 0.3));
                assertEquals(expected, (Double) det.get(0).values().get("probabilityFake"), 1e-9);
            }
            long carrying = det.stream().filter(f -> f.score() > 0).count();
            assertTrue(carrying <= 1, "only the most suspicious face carries evidence");
            for (Finding f : det) {
                double p = (Double) f.values().get("probabilityFake");
                if (f.score() > 0) {
                    assertEquals(0.5 + 0.4 * (p - 0.4) / 0.6, f.score(), 1e-9);
                }
                assertEquals("mean-red", f.values().get("detector"));
            }
        }
    }

    @Test
    void aFolderThatIsNotADetectorIsAUsageError(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> with(Map.of("detectors", dir.toString())));
        assertTrue(e.getMessage().contains(dir + " is not a detector model: it has no detector.properties"),
                e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void eachFaceGetsOneSignalsFinding() throws Exception {
        try (Analyzer a = with(Map.of("scorers", "none"))) {
            AnalyzerResult r = a.analyze(TestData.media("camera-jpeg/sample4.jpg"));
            List<Finding> faces = codes(r, "faces.face");
            List<Finding> signals = codes(r, "faces.signals");
            assertEquals(faces.size(), signals.size());
            for (int i = 0; i < signals.size(); i++) {
                Finding f = signals.get(i);
                assertEquals(Evidence.MANIPULATED, f.evidence());
                assertEquals(i + 1, f.values().get("face"));
                assertEquals(faces.get(i).values().get("box"), f.values().get("box"));
                for (String check : List.of("noise", "ela", "jpeg")) {
                    assertTrue(f.values().get(check) instanceof Map, check + " in " + f.values());
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> noise = (Map<String, Object>) f.values().get("noise");
                assertTrue(noise.containsKey("faceSigma") && noise.containsKey("backgroundSigma")
                        && noise.containsKey("z"), noise.toString());
                assertEquals(0, f.score(), "an untouched photo: " + f.title());
                assertTrue(f.title().startsWith("Face " + (i + 1) + " is consistent with the rest of the picture: noise"),
                        f.title());
            }
            List<String> pictures = codes(r, "faces.count").get(0).artifacts().stream().map(x -> x.name()).toList();
            assertEquals(List.of("faces-overlay"), pictures, "signal maps come only when a face stands out");
            assertTrue(r.summary().endsWith("; no face region stands out from the rest of the picture."),
                    r.summary());
        }
    }

    @Test
    void signalChecksCanBeChosenOrSwitchedOffAndUnknownOnesAreNamed() throws Exception {
        try (Analyzer a = with(Map.of("scorers", "none", "signals", "none"))) {
            AnalyzerResult r = a.analyze(TestData.media("photos/astronaut.png"));
            assertTrue(codes(r, "faces.signals").isEmpty());
            assertEquals(1, codes(r, "faces.count").get(0).artifacts().size());
        }
        try (Analyzer a = with(Map.of("scorers", "none", "signals", "noise"))) {
            Finding f = codes(a.analyze(TestData.media("photos/astronaut.png")), "faces.signals").get(0);
            assertTrue(f.values().containsKey("noise"));
            assertFalse(f.values().containsKey("ela") || f.values().containsKey("jpeg"), f.values().toString());
        }
        IllegalArgumentException bogus = assertThrows(IllegalArgumentException.class,
                () -> with(Map.of("signals", "noise,bogus")));
        assertEquals("option faces.signals=noise,bogus is invalid: 'bogus' is not a face-region check; expected none,"
                + " all or a comma-separated list of noise, ela, jpeg", bogus.getMessage());
        IllegalArgumentException clone = assertThrows(IllegalArgumentException.class,
                () -> with(Map.of("signals", "clone")));
        assertTrue(clone.getMessage().startsWith("option faces.signals=clone is invalid: 'clone' is not a face-region"
                + " check (copy-move matching looks for duplicates across the whole image, faces included)"),
                clone.getMessage());
        assertThrows(IllegalArgumentException.class, () -> with(Map.of("signal-min-z", "0.5")));
        assertThrows(IllegalArgumentException.class, () -> with(Map.of("signal-score-cap", "1.5")));
    }
}
