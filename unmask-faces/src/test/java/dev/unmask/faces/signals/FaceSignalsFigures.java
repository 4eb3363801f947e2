package dev.unmask.faces.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.api.Media;
import dev.unmask.core.imaging.Codecs;
import dev.unmask.faces.Face;
import dev.unmask.faces.FaceBox;
import dev.unmask.faces.FaceDetector;
import dev.unmask.testkit.TestData;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The figures of the README's face-region signal table (opt-in, {@code -Dunmask.bench=true}, about half a minute): one
 * face of a camera photo untouched, replaced by another photo's face, re-noised or blurred, each saved as PNG and as
 * JPEG at qualities 75 to 95; per check the face's ratio and z against the background's face-sized windows, the face's
 * score and the largest score of the other faces. Written to {@code target/face-signals-figures.md}.
 */
@EnabledIfSystemProperty(named = "unmask.bench", matches = "true")
class FaceSignalsFigures {
    private static final int[] QUALITIES = {0, 75, 85, 90, 95};

    private record Case(String name, BufferedImage image, double x, double y, boolean modified) {}

    @Test
    void figures() throws Exception {
        BufferedImage s1 = TestData.media("camera-jpeg/sample1.jpg").image();
        BufferedImage s2 = TestData.media("camera-jpeg/sample2.jpg").image();
        BufferedImage s3 = TestData.media("camera-jpeg/sample3.jpg").image();
        List<Case> cases = List.of(
                new Case("sample1, untouched", s1, 920, 540, false),
                new Case("sample1, face 2 replaced by sample3's (grid offset 3, 5)",
                        Splices.paste(s1, s3, 1078 - 15, 200, 841 - 15, 405, 240, 300, 10), 941, 535, true),
                new Case("sample2, face 2 re-noised (sigma 3)", Splices.noise(s2, 905, 255, 155, 185, 3, 7), 982, 347,
                        true),
                new Case("sample2, face 2 blurred (5x5 box)", Splices.blur(s2, 905, 255, 155, 185), 982, 347, true));
        StringBuilder table = new StringBuilder("| face | saved as | noise | ela | jpeg: double compression | jpeg: grid"
                + " | score | other faces |\n|---|---|---|---|---|---|---|---|\n");
        try (FaceDetector d = FaceDetector.open()) {
            for (Case c : cases) {
                for (int q : QUALITIES) {
                    Media m = q == 0 ? TestData.media("face.png", Codecs.png(c.image()))
                            : TestData.media("face.jpg", Codecs.jpeg(c.image(), q));
                    List<FaceBox> boxes = d.detect(m.image()).stream().map(Face::box).toList();
                    FaceSignalChecks.Report r = FaceSignalChecks.run(m, boxes, FaceSignal.DEFAULTS, 0.3,
                            new SignalScoring(5, 0.3));
                    int face = -1;
                    for (int i = 0; i < boxes.size(); i++) {
                        FaceBox b = boxes.get(i);
                        face = c.x() >= b.x() && c.x() <= b.right() && c.y() >= b.y() && c.y() <= b.bottom() ? i
                                : face;
                    }
                    assertTrue(face >= 0, c.name() + ": the face is found");
                    double score = 0;
                    double others = 0;
                    for (int i = 0; i < boxes.size(); i++) {
                        for (SignalOutcome o : r.perFace().get(i)) {
                            score = i == face ? Math.max(score, o.score()) : score;
                            others = i == face ? others : Math.max(others, o.score());
                        }
                    }
                    table.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %.2f | %.2f |%n",
                            c.name(), q == 0 ? "PNG" : "JPEG q" + q, ratioZ(r, face, FaceSignal.NOISE),
                            ratioZ(r, face, FaceSignal.ELA), z(r, face, "doubleCompression"), grid(r, face), score,
                            others));
                    assertEquals(0, others, c.name() + " " + q + ": the other faces stay quiet");
                    if (!c.modified()) {
                        assertEquals(0, score, c.name() + " " + q);
                    } else if (!c.name().contains("blurred")) {
                        assertTrue(score > 0, c.name() + " " + q + ": the changed face stands out");
                    }
                }
            }
        }
        Path out = Path.of("target/face-signals-figures.md");
        Files.writeString(out, table, StandardCharsets.UTF_8);
        System.out.print(table);
    }

    private static SignalOutcome outcome(FaceSignalChecks.Report r, int face, FaceSignal s) {
        return r.perFace().get(face).stream().filter(o -> o.signal() == s).findFirst().orElseThrow();
    }

    private static String ratioZ(FaceSignalChecks.Report r, int face, FaceSignal s) {
        SignalOutcome o = outcome(r, face, s);
        return o.compared() ? String.format(Locale.ROOT, "%.2fx, z %+.1f", ((Number) o.values().get("ratio"))
                .doubleValue(), o.z()) : "-";
    }

    @SuppressWarnings("unchecked")
    private static String z(FaceSignalChecks.Report r, int face, String part) {
        Map<String, Object> v = (Map<String, Object>) outcome(r, face, FaceSignal.JPEG).values().get(part);
        return v.containsKey("z") ? String.format(Locale.ROOT, "z %+.1f", ((Number) v.get("z")).doubleValue()) : "-";
    }

    @SuppressWarnings("unchecked")
    private static String grid(FaceSignalChecks.Report r, int face) {
        Map<String, Object> v = (Map<String, Object>) outcome(r, face, FaceSignal.JPEG).values().get("grid");
        List<Integer> off = (List<Integer>) v.get("faceOffset");
        return String.format(Locale.ROOT, "(%d, %d), z %+.1f", off.get(0), off.get(1), ((Number) v.get("z"))
                .doubleValue());
    }
}
