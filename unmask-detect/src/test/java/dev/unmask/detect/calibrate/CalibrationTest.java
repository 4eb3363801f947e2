package dev.unmask.detect.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationTest {
    /** Scores whose true P(fake | score) is known: logit-normal classes, then an optional monotone distortion. */
    private record Simulated(double[] scores, int[] targets) {
        static Simulated of(int n, long seed, boolean distort) {
            Random r = new Random(seed);
            double[] s = new double[n];
            int[] t = new int[n];
            for (int i = 0; i < n; i++) {
                t[i] = r.nextDouble() < 0.3 ? 1 : 0;
                double z = r.nextGaussian() + (t[i] == 1 ? 1.2 : -1.2);
                s[i] = distort ? Math.exp(z) * 3 : z; // exp keeps the order but bends the log-odds
            }
            return new Simulated(s, t);
        }
    }

    private static double ece(Calibration c, Simulated d) {
        double[] p = new double[d.scores().length];
        for (int i = 0; i < p.length; i++) {
            p[i] = c.probability(d.scores()[i]);
            assertTrue(p[i] >= 0 && p[i] <= 1);
        }
        return ReliabilityBins.of(p, d.targets(), 10).ece();
    }

    @Test
    void plattMatchesObservedFrequenciesOnLogisticScores() {
        Simulated fit = Simulated.of(20_000, 1, false);
        Simulated test = Simulated.of(20_000, 2, false);
        PlattScaling p = PlattScaling.fit(fit.scores(), fit.targets());
        // log-odds of N(+1.2, 1) vs N(-1.2, 1) with prior 0.3 is 2.4 z + log(0.3 / 0.7)
        assertEquals(2.4, p.a(), 0.1);
        assertEquals(Math.log(0.3 / 0.7), p.b(), 0.1);
        assertTrue(ece(p, test) < 0.02, "ECE " + ece(p, test));
    }

    @Test
    void isotonicMatchesObservedFrequenciesWherePlattCannot() {
        Simulated fit = Simulated.of(20_000, 3, true);
        Simulated test = Simulated.of(20_000, 4, true);
        Calibration iso = Calibration.fit(CalibrationMethod.ISOTONIC, fit.scores(), fit.targets());
        Calibration platt = Calibration.fit(CalibrationMethod.PLATT, fit.scores(), fit.targets());
        double isoEce = ece(iso, test);
        double plattEce = ece(platt, test);
        assertTrue(isoEce < 0.03, "isotonic ECE " + isoEce);
        assertTrue(plattEce > 2 * isoEce, "a logistic map cannot follow the bent scores: Platt " + plattEce + " vs isotonic " + isoEce);
    }

    @Test
    void isotonicIsMonotoneInterpolatesAndStaysAwayFromCertainty() {
        double[] z = {0, 1, 2, 3, 4, 5};
        int[] y = {0, 1, 0, 1, 1, 1};
        IsotonicCalibration c = IsotonicCalibration.fit(z, y);
        assertEquals(0.125, c.probability(-10), 1e-12, "floor 1/(n+2)");
        assertEquals(0.5, c.probability(1.5), 1e-12, "blocks {0}, {1,2} -> 0.5 at mean score 1.5");
        assertEquals(1 - 0.125, c.probability(10), 1e-12);
        double last = 0;
        for (double s = -1; s <= 6; s += 0.01) {
            double p = c.probability(s);
            assertTrue(p >= last - 1e-15);
            last = p;
        }
        assertEquals((0.125 + 1.0) / 2, c.probability(2.25), 0.2);
    }

    @Test
    void roundTripsThroughJson() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Simulated d = Simulated.of(500, 5, false);
        for (CalibrationMethod m : CalibrationMethod.values()) {
            Calibration c = Calibration.fit(m, d.scores(), d.targets());
            @SuppressWarnings("unchecked")
            Map<String, Object> back = json.readValue(json.writeValueAsString(c.toMap()), Map.class);
            Calibration r = Calibration.fromMap(back);
            assertEquals(m, r.method());
            for (double s : new double[] {-3, -0.5, 0, 0.7, 4}) {
                assertEquals(c.probability(s), r.probability(s), 0.0);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> CalibrationMethod.parse("beta"));
    }

    @Test
    void thresholdKeepsTheFalsePositiveRateOnHeldOutReals() {
        double[] reals = new double[1000];
        for (int i = 0; i < reals.length; i++) {
            reals[i] = i / 1000.0;
        }
        double[] fakes = {0.5, 0.995, 0.9995};
        DecisionThreshold t = DecisionThreshold.forFalsePositiveRate(reals, fakes, 0.01);
        assertEquals(0.01, t.achievedFpr(), 1e-12);
        assertTrue(t.threshold() > 0.989 && t.threshold() <= 0.990, "between the 11th and 10th highest real: " + t.threshold());
        assertEquals(2 / 3.0, t.tpr(), 1e-12);

        DecisionThreshold few = DecisionThreshold.forFalsePositiveRate(new double[] {0.1, 0.2, 0.4}, new double[] {0.3, 0.8}, 0.01);
        assertEquals(0.6, few.threshold(), 1e-12, "above every real, halfway to the next score");
        assertEquals(0, few.achievedFpr());
        assertEquals(0.5, few.tpr());
        assertEquals(3, few.reals());
        assertTrue(DecisionThreshold.forFalsePositiveRate(new double[] {1.0}, new double[0], 0.01).threshold() < 1);
    }
}
