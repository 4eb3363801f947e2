package dev.unmask.detect.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RocCurveTest {
    @Test
    void tiedScoresMakeOnePointAndCountHalf() {
        RocCurve c = RocCurve.of(new double[] {0.9, 0.8, 0.8, 0.1}, new int[] {1, 0, 1, 0});
        assertArrayEquals(new double[] {0, 0, 0.5, 1}, c.fpr(), 1e-12);
        assertArrayEquals(new double[] {0, 0.5, 1, 1}, c.tpr(), 1e-12);
        assertEquals(3.5 / 4, c.auc(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> RocCurve.of(new double[] {1, 2}, new int[] {1, 1}));
    }
}
