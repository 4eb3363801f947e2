package dev.unmask.gan.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The discriminator's calibration record; the fit itself is tested in unmask-core ({@code PlattFitTest}). */
class PlattScalingTest {
    @Test
    void identityAndValidation() {
        assertEquals(0.5, PlattScaling.IDENTITY.probability(0), 0);
        assertEquals(1 / (1 + Math.exp(-2)), PlattScaling.IDENTITY.probability(2), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> new PlattScaling(Double.NaN, 0));
        PlattScaling fitted = PlattScaling.fit(new double[] {-2, -1, 1, 2}, new boolean[] {false, false, true, true});
        assertEquals(fitted.probability(1.5), 1 - fitted.probability(-1.5), 1e-9, "balanced symmetric scores: b = 0");
    }

    @Test
    void aucCountsPairsOrderedRightAndTiesHalf() {
        assertEquals(1.0, DiscriminatorExport.auc(new double[] {3, 2, 1, 0}, new boolean[] {true, true, false, false}), 0);
        assertEquals(0.5, DiscriminatorExport.auc(new double[] {1, 1}, new boolean[] {true, false}), 0);
        assertEquals(0.75, DiscriminatorExport.auc(new double[] {3, 1, 2, 0}, new boolean[] {true, true, false, false}), 0);
    }
}
