package dev.unmask.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PlattFitTest {
    /** Scores N(+1, 1) for positives and N(-1, 1) for negatives: the true log-odds are 2s + log(n+/n-). */
    @Test
    void recoversTheTrueLogOddsOfTwoGaussianClasses() {
        Random r = new Random(21);
        int pos = 4000;
        int neg = 2000;
        double[] s = new double[pos + neg];
        boolean[] y = new boolean[pos + neg];
        for (int i = 0; i < s.length; i++) {
            y[i] = i < pos;
            s[i] = (y[i] ? 1 : -1) + r.nextGaussian();
        }
        PlattFit p = PlattFit.fit(s, y);
        assertEquals(2, p.a(), 0.15, p.toString());
        assertEquals(Math.log(2), p.b(), 0.1, p.toString());
        assertEquals(PlattFit.sigmoid(2 * 0.3 + Math.log(2)), p.probability(0.3), 0.03);
    }

    @Test
    void separableScoresStillGiveFiniteParameters() {
        double[] s = {-3, -2, -1, 1, 2, 3};
        boolean[] y = {false, false, false, true, true, true};
        PlattFit p = PlattFit.fit(s, y);
        assertTrue(Double.isFinite(p.a()) && p.a() > 0, p.toString());
        assertTrue(p.probability(3) < 1 && p.probability(3) > 0.75, "smoothed targets cap the confidence: " + p);
        assertTrue(p.probability(-3) > 0 && p.probability(-3) < 0.25);
    }

    @Test
    void validation() {
        assertEquals(0, PlattFit.sigmoid(-800), 1e-300);
        assertEquals(1, PlattFit.sigmoid(800), 0);
        assertThrows(IllegalArgumentException.class, () -> PlattFit.fit(new double[] {1, 2}, new boolean[] {true, true}));
        assertThrows(IllegalArgumentException.class, () -> PlattFit.fit(new double[] {1}, new boolean[] {true, false}));
    }
}
