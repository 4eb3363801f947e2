package dev.unmask.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WeightedNmsTest {
    private static Candidate box(double x0, double y0, double x1, double y1, double score) {
        double[] kp = new double[12];
        for (int i = 0; i < 12; i += 2) {
            kp[i] = x0;
            kp[i + 1] = y0;
        }
        return new Candidate(x0, y0, x1, y1, kp, score);
    }

    @Test
    void overlappingCandidatesMergeIntoTheirScoreWeightedMean() {
        Candidate a = box(0, 0, 10, 10, 0.9);
        Candidate b = box(2, 0, 12, 10, 0.6); // IoU 8*10 / (200 - 80) = 0.667
        Candidate far = box(50, 50, 60, 60, 0.7);
        List<Candidate> out = WeightedNms.suppress(List.of(b, far, a), 0.3, 10);
        assertEquals(2, out.size());
        Candidate m = out.get(0);
        assertEquals(0.9, m.score(), 1e-12, "a cluster keeps its best score");
        assertEquals((0.9 * 0 + 0.6 * 2) / 1.5, m.xmin(), 1e-12);
        assertEquals((0.9 * 10 + 0.6 * 12) / 1.5, m.xmax(), 1e-12);
        assertEquals((0.9 * 0 + 0.6 * 2) / 1.5, m.keypoints()[0], 1e-12, "keypoints are averaged too");
        assertEquals(far, out.get(1), "a lone candidate is unchanged");
    }

    @Test
    void candidatesOverlappingByLessThanTheThresholdStaySeparate() {
        Candidate a = box(0, 0, 10, 10, 0.9);
        Candidate b = box(6, 0, 16, 10, 0.8); // IoU 40 / 160 = 0.25
        List<Candidate> out = WeightedNms.suppress(List.of(a, b), 0.3, 10);
        assertEquals(List.of(a, b), out);
        assertEquals(1, WeightedNms.suppress(List.of(a, b), 0.2, 10).size());
    }

    @Test
    void resultsAreBestFirstAndLimited() {
        Candidate a = box(0, 0, 10, 10, 0.5);
        Candidate b = box(20, 0, 30, 10, 0.8);
        Candidate c = box(40, 0, 50, 10, 0.7);
        assertEquals(List.of(b, c), WeightedNms.suppress(List.of(a, b, c), 0.3, 2));
    }
}
