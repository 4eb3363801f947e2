package dev.unmask.faces.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.api.Media;
import dev.unmask.core.imaging.Codecs;
import dev.unmask.faces.Face;
import dev.unmask.faces.FaceBox;
import dev.unmask.faces.FaceDetector;
import dev.unmask.testkit.TestData;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The face-region signal checks on real photos and on splices made here from them: a face of one camera photo pasted
 * into another (the classic face splice), a face re-noised in place, and the same photos untouched.
 */
class FaceSignalChecksTest {
    private static final SignalScoring SCORING = new SignalScoring(5, 0.3);
    private static final double MARGIN = 0.3;
    /**
     * Where sample3's face 2 (hand label 1080,205,220,295) lands in sample1, over sample1's face 2 (838,430,167,225):
     * donor pixels move by (PASTE_X - 1078, PASTE_Y - 200) = (-237, 205), so sample3's 8x8 grid lies off sample1's by
     * (3, 5).
     */
    private static final int PASTE_X = 841;
    private static final int PASTE_Y = 405;
    private static FaceDetector detector;

    @BeforeAll
    static void open() {
        detector = FaceDetector.open();
    }

    @AfterAll
    static void close() {
        detector.close();
    }

    private record Checked(List<Face> faces, FaceSignalChecks.Report report) {
        /** The index of the face whose box contains the point. */
        int faceAt(double x, double y) {
            for (int i = 0; i < faces.size(); i++) {
                FaceBox b = faces.get(i).box();
                if (x >= b.x() && x <= b.right() && y >= b.y() && y <= b.bottom()) {
                    return i;
                }
            }
            throw new AssertionError("no face at " + x + ", " + y + " among " + faces);
        }

        SignalOutcome outcome(int face, FaceSignal s) {
            return report.perFace().get(face).stream().filter(o -> o.signal() == s).findFirst().orElseThrow();
        }

        double maxScore(int exceptFace) {
            double m = 0;
            for (int i = 0; i < faces.size(); i++) {
                if (i != exceptFace) {
                    for (SignalOutcome o : report.perFace().get(i)) {
                        m = Math.max(m, o.score());
                    }
                }
            }
            return m;
        }
    }

    private static Checked check(Media m) throws Exception {
        List<Face> faces = detector.detect(m.image());
        assertTrue(!faces.isEmpty(), "faces in " + m.path());
        return new Checked(faces, FaceSignalChecks.run(m, faces.stream().map(Face::box).toList(),
                FaceSignal.DEFAULTS, MARGIN, SCORING));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> part(SignalOutcome o, String key) {
        return (Map<String, Object>) o.values().get(key);
    }

    private static double num(Map<String, Object> v, String key) {
        Object x = v.get(key);
        assertNotNull(x, key + " in " + v);
        return ((Number) x).doubleValue();
    }

    private static BufferedImage splice;

    /** sample1 with its face 2 replaced by sample3's face 2 (a feathered ellipse of 240x300 px); made once. */
    private static synchronized BufferedImage splice() throws Exception {
        if (splice == null) {
            BufferedImage host = TestData.media("camera-jpeg/sample1.jpg").image();
            BufferedImage donor = TestData.media("camera-jpeg/sample3.jpg").image();
            splice = Splices.paste(host, donor, 1078 - 15, 200, PASTE_X - 15, PASTE_Y, 240, 300, 10);
        }
        return splice;
    }

    @Test
    void untouchedPhotosStayQuiet() throws Exception {
        StringBuilder figures = new StringBuilder();
        int compared = 0;
        int faces = 0;
        List<String> files = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            files.add("camera-jpeg/sample" + i + ".jpg");
        }
        files.add("photos/astronaut.png");
        files.add("photos/camera.png");
        for (String f : files) {
            Checked c = check(TestData.media(f));
            for (int i = 0; i < c.faces().size(); i++) {
                faces++;
                for (SignalOutcome o : c.report().perFace().get(i)) {
                    assertEquals(0, o.score(), f + " face " + (i + 1) + ": " + o.headline());
                    figures.append(String.format(Locale.ROOT, "%n  %s face %d %s", f, i + 1, o.headline()));
                }
                compared += c.outcome(i, FaceSignal.NOISE).compared() ? 1 : 0;
            }
        }
        assertTrue(compared >= faces - 1, "noise compared on " + compared + " of " + faces + " faces");
        System.out.println("Face-region signals on untouched photos:" + figures);
    }

    @Test
    void aFacePastedFromAnotherPhotoStandsOutInItsJpegHistory() throws Exception {
        BufferedImage sp = splice();
        Checked c = check(TestData.media("splice-q90.jpg", Codecs.jpeg(sp, 90)));
        int pasted = c.faceAt(PASTE_X + 100, PASTE_Y + 130);
        SignalOutcome jpeg = c.outcome(pasted, FaceSignal.JPEG);
        Map<String, Object> dq = part(jpeg, "doubleCompression");
        assertTrue(num(dq, "z") >= 5, "pasted face leans to single compression: " + dq);
        assertTrue(num(dq, "faceLlrPerCoefficient") - num(dq, "backgroundLlrPerCoefficient") >= 0.3, dq.toString());
        assertTrue(jpeg.score() > 0 && jpeg.score() <= 0.3, jpeg.toString());
        assertEquals(0, c.maxScore(pasted), "the other faces stay quiet");
        assertEquals(List.of("faces-jpeg-map"), c.report().pictures().stream().map(a -> a.name()).toList(),
                "the map of the check that fired");
        System.out.printf(Locale.ROOT, "Splice saved at q90: %s%n", jpeg.headline());

        Checked resaved = check(TestData.media("resaved-q90.jpg",
                Codecs.jpeg(TestData.media("camera-jpeg/sample1.jpg").image(), 90)));
        for (int i = 0; i < resaved.faces().size(); i++) {
            Map<String, Object> r = part(resaved.outcome(i, FaceSignal.JPEG), "doubleCompression");
            assertTrue(Math.abs(num(r, "z")) < 3, "untouched re-saved face " + (i + 1) + ": " + r);
        }
        assertEquals(0, resaved.maxScore(-1), "the untouched photo re-saved at q90 stays quiet");
    }

    @Test
    void thePasteSavedLosslesslyShowsABlockingGridOffThePicturesGrid() throws Exception {
        Checked c = check(TestData.media("splice.png", Codecs.png(splice())));
        int pasted = c.faceAt(PASTE_X + 100, PASTE_Y + 130);
        SignalOutcome jpeg = c.outcome(pasted, FaceSignal.JPEG);
        Map<String, Object> grid = part(jpeg, "grid");
        int dx = Math.floorMod(PASTE_X - 1078, 8);
        int dy = Math.floorMod(PASTE_Y - 200, 8);
        assertEquals(List.of(dx, dy), grid.get("faceOffset"), grid.toString());
        assertTrue(num(grid, "z") >= 5, grid.toString());
        assertTrue(jpeg.score() > 0, jpeg.toString());
        assertEquals("compression history per block is read from JPEG files only (this is png)",
                part(jpeg, "doubleCompression").get("skipped"));
        assertEquals(0, c.maxScore(pasted), "the other faces stay quiet");
        System.out.printf(Locale.ROOT, "Splice saved as PNG: %s%n", jpeg.headline());
    }

    @Test
    void aFaceWithAddedNoiseStandsOutInNoise() throws Exception {
        BufferedImage host = TestData.media("camera-jpeg/sample2.jpg").image();
        Checked c = check(TestData.media("noised.png", Codecs.png(Splices.noise(host, 905, 255, 155, 185, 3, 7))));
        int noised = c.faceAt(905 + 77, 255 + 92);
        SignalOutcome noise = c.outcome(noised, FaceSignal.NOISE);
        assertTrue(num(noise.values(), "ratio") >= 1.5 && noise.z() >= 5, noise.values().toString());
        assertTrue(noise.score() > 0, noise.toString());
        assertEquals(0, c.maxScore(noised), "the other faces stay quiet");
        System.out.printf(Locale.ROOT, "Face re-noised (sigma 3), PNG: %s%n", noise.headline());
    }

    @Test
    void aSpliceSavedAtHighQualityStandsOutInErrorLevels() throws Exception {
        Checked c = check(TestData.media("splice-q95.jpg", Codecs.jpeg(splice(), 95)));
        int pasted = c.faceAt(PASTE_X + 100, PASTE_Y + 130);
        SignalOutcome ela = c.outcome(pasted, FaceSignal.ELA);
        assertTrue(num(ela.values(), "ratio") >= 1.5 && ela.z() >= 5, ela.values().toString());
        assertEquals(0, c.maxScore(pasted), "the other faces stay quiet");
        System.out.printf(Locale.ROOT, "Splice saved at q95: %s; %s%n", ela.headline(),
                c.outcome(pasted, FaceSignal.JPEG).headline());
    }

    @Test
    void aFaceOnAFlatBackdropIsNotComparedAndTheReasonSaysWhy() throws Exception {
        BufferedImage donor = TestData.media("camera-jpeg/sample3.jpg").image();
        BufferedImage flat = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = flat.createGraphics();
        g.setColor(new java.awt.Color(120, 120, 120));
        g.fillRect(0, 0, 800, 600);
        g.dispose();
        BufferedImage portrait = Splices.paste(flat, donor, 1080 - 30, 205 - 30, 280, 150, 280, 355, 12);
        Checked c = check(TestData.media("backdrop.png", Codecs.png(portrait)));
        SignalOutcome noise = c.outcome(0, FaceSignal.NOISE);
        assertTrue(String.valueOf(noise.values().get("skipped")).startsWith("the background is too uniform: only"),
                noise.values().toString());
        assertEquals(0, c.maxScore(-1), "nothing to compare is no evidence");
    }
}
