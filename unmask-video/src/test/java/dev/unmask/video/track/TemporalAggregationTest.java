package dev.unmask.video.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The top-k mean: robust to frames where the manipulation is missed, and divides a single spike by k. */
class TemporalAggregationTest {
    @Test
    void missedFramesDoNotDiluteAManipulatedTrack() {
        double[] s = {0.9, 0.92, 0.1, 0.88, 0.05, 0.91, 0.9, 0.12, 0.89, 0.93};
        TemporalAggregation.Pooled p = TemporalAggregation.pool(s, 5);
        assertEquals(5, p.k());
        assertEquals((0.93 + 0.92 + 0.91 + 0.9 + 0.9) / 5, p.topKMean(), 1e-12);
        assertEquals(0.93, p.max(), 0);
        assertEquals(0.66, p.mean(), 1e-12);
    }

    @Test
    void aSingleSpikeIsDividedByK() {
        double[] s = {0.05, 0.1, 0.95, 0.08, 0.1, 0.07, 0.02};
        TemporalAggregation.Pooled p = TemporalAggregation.pool(s, 5);
        assertEquals((0.95 + 0.1 + 0.1 + 0.08 + 0.07) / 5, p.topKMean(), 1e-12);
    }

    @Test
    void shortTracksUseEveryScoreAndEmptyTracksPoolToZero() {
        assertEquals(0.5, TemporalAggregation.pool(new double[] {0.4, 0.6}, 5).topKMean(), 1e-12);
        assertEquals(2, TemporalAggregation.pool(new double[] {0.4, 0.6}, 5).k());
        assertEquals(0, TemporalAggregation.pool(new double[0], 5).n());
        assertThrows(IllegalArgumentException.class, () -> TemporalAggregation.pool(new double[] {1}, 0));
    }
}
