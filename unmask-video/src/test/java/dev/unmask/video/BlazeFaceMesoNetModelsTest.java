package dev.unmask.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.testkit.TestData;
import dev.unmask.video.faces.BlazeFaceMesoNetModels;
import dev.unmask.video.faces.FaceAssessment;
import dev.unmask.video.faces.FaceBox;
import dev.unmask.video.faces.FaceModelProvider;
import dev.unmask.video.faces.FaceScore;
import dev.unmask.video.faces.FrameFaceSource;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The real face models (BlazeFace + MesoNet from unmask-faces) plug into the video analyzer. */
class BlazeFaceMesoNetModelsTest {
    @Test
    void isInstalledAndPreferredOverTestModels() {
        FaceModelProvider best = null;
        for (FaceModelProvider p : ServiceLoader.load(FaceModelProvider.class)) {
            if (best == null || p.priority() > best.priority()) {
                best = p;
            }
        }
        assertEquals(BlazeFaceMesoNetModels.ID, best.id());
    }

    @Test
    void findsTheAstronautsFaceWithLandmarksAndScoresIt() throws Exception {
        BufferedImage frame = TestData.media("photos/astronaut.png").image();
        BlazeFaceMesoNetModels models = new BlazeFaceMesoNetModels();
        try (FrameFaceSource source = models.openFaceSource().orElseThrow();
                FaceScore score = models.openFaceScore().orElseThrow()) {
            List<FaceBox> faces = source.find(frame);
            assertEquals(1, faces.size(), faces.toString());
            FaceBox f = faces.get(0);
            assertEquals(12, f.landmarks().length, "six BlazeFace keypoints");
            // the astronaut's face is in the upper middle of the 512x512 photo
            assertTrue(f.centreX() > 150 && f.centreX() < 300 && f.centreY() > 50 && f.centreY() < 200, f.toString());
            FaceAssessment a = score.assess(frame, f);
            assertTrue(a.probabilityFake() >= 0 && a.probabilityFake() <= 1, String.valueOf(a.probabilityFake()));
        }
    }
}
