package dev.unmask.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NestedFacesTest {
    private static Candidate box(double x0, double y0, double x1, double y1, double score) {
        return new Candidate(x0, y0, x1, y1, new double[12], score);
    }

    @Test
    void aFaceInsideALargerFaceIsDroppedWhateverItsScore() {
        Candidate big = box(0, 0, 100, 100, 0.8);
        Candidate inner = box(30, 20, 60, 50, 0.95); // wholly inside, IoU only 0.09
        Candidate apart = box(150, 0, 200, 50, 0.9);
        Candidate touching = box(90, 40, 130, 80, 0.85); // 25% of it inside the big box
        assertEquals(List.of(apart, touching, big), FaceDetector.dropNested(List.of(inner, apart, touching, big)));
    }
}
