package dev.unmask.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.testkit.TestData;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Measures the default detector on the hand-labelled faces of {@code testdata/faces} (recall and precision at IoU
 * &ge; 0.5) and checks its geometry: letterbox mapping, mirroring, keypoints.
 */
class FaceDetectorTest {
    private static FaceDetector detector;

    @BeforeAll
    static void open() {
        detector = FaceDetector.open();
    }

    @AfterAll
    static void close() {
        detector.close();
    }

    @Test
    void findsTheLabelledFacesWithFewFalseDetections() throws Exception {
        Map<String, List<FaceBox>> labels = LabelledFaces.read();
        int tp = 0;
        int fp = 0;
        int fn = 0;
        StringBuilder perImage = new StringBuilder();
        for (var e : labels.entrySet()) {
            List<Face> found = detector.detect(TestData.media(e.getKey()).image());
            int[] r = LabelledFaces.match(e.getValue(), found);
            tp += r[0];
            fp += r[1];
            fn += r[2];
            perImage.append(String.format(Locale.ROOT, "%n  %-30s faces %d found %d matched %d false %d", e.getKey(),
                    e.getValue().size(), found.size(), r[0], r[1]));
        }
        double recall = tp / (double) (tp + fn);
        double precision = tp / (double) (tp + fp);
        System.out.printf(Locale.ROOT, "BlazeFace %s, tiles %s, threshold %.2f on %d labelled faces in %d images:"
                        + " recall %.3f, precision %.3f (%d matched, %d false, %d missed)%s%n",
                detector.settings().model(), detector.settings().tiling(), detector.settings().scoreThreshold(),
                tp + fn, labels.size(), recall, precision, tp, fp, fn, perImage);
        assertEquals(24, tp + fn, "labelled faces");
        assertTrue(recall >= 0.95, "recall " + recall);
        assertTrue(precision >= 0.9, "precision " + precision);
    }

    @Test
    void imagesWithoutPeopleGiveNoFaces() throws Exception {
        for (String f : List.of("photos/coffee.png", "photos/rocket.jpg", "photos/hubble_deep_field.jpg")) {
            FaceDetections d = detector.detectAll(TestData.media(f).image());
            assertEquals(List.of(), d.faces(), f);
            assertTrue(d.rejected().stream().allMatch(c -> c.score() < detector.settings().scoreThreshold()), f);
        }
    }

    @Test
    void boxesFollowTheFaceWhenTheImageIsPaddedOrMirrored() throws Exception {
        BufferedImage astronaut = TestData.media("photos/astronaut.png").image();
        Face ref = single(detector.detect(astronaut));
        // padding: the face moves with the image; the letterbox maps it back to the same place
        BufferedImage padded = new BufferedImage(700, 560, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = padded.createGraphics();
        g.setColor(java.awt.Color.GRAY);
        g.fillRect(0, 0, 700, 560);
        g.drawImage(astronaut, 130, 40, null);
        g.dispose();
        Face moved = single(detector.detect(padded));
        double tol = 0.08 * ref.box().width(); // the face is smaller in the model's input, the box a little rougher
        assertEquals(ref.box().x() + 130, moved.box().x(), tol);
        assertEquals(ref.box().y() + 40, moved.box().y(), tol);
        assertEquals(ref.box().width(), moved.box().width(), 0.08 * ref.box().width());
        // mirroring: the box mirrors with the image
        BufferedImage mirror = new BufferedImage(512, 512, BufferedImage.TYPE_INT_RGB);
        Graphics2D gm = mirror.createGraphics();
        gm.drawImage(astronaut, new AffineTransform(-1, 0, 0, 1, 512, 0), null);
        gm.dispose();
        Face m = single(detector.detect(mirror));
        assertEquals(512 - ref.box().right(), m.box().x(), tol);
        assertEquals(ref.box().y(), m.box().y(), tol);
    }

    @Test
    void keypointsLieOnTheFaceInAnatomicalOrder() throws Exception {
        Face f = single(detector.detect(TestData.media("photos/astronaut.png").image()));
        FaceBox b = f.box();
        for (Landmark l : List.of(Landmark.RIGHT_EYE, Landmark.LEFT_EYE, Landmark.NOSE_TIP, Landmark.MOUTH)) {
            Face.Point p = f.keypoint(l);
            assertTrue(p.x() > b.x() && p.x() < b.right() && p.y() > b.y() && p.y() < b.bottom(), l + " inside box");
        }
        Face.Point re = f.keypoint(Landmark.RIGHT_EYE);
        Face.Point le = f.keypoint(Landmark.LEFT_EYE);
        assertTrue(re.x() < le.x(), "the subject's right eye is on the image's left in an unmirrored photo");
        assertTrue(f.keypoint(Landmark.NOSE_TIP).y() > re.y() && f.keypoint(Landmark.MOUTH).y()
                > f.keypoint(Landmark.NOSE_TIP).y(), "eyes above nose above mouth");
        assertEquals(0, f.eyeLineAngle(), Math.toRadians(10), "an upright face");
        // labelled box: (185, 78, 80, 94)
        assertTrue(b.iou(new FaceBox(185, 78, 80, 94)) > 0.5, "box " + b);
    }

    static Face single(List<Face> faces) {
        assertEquals(1, faces.size(), "faces: " + faces);
        return faces.get(0);
    }
}
