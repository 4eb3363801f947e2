package dev.unmask.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SsdAnchorsTest {
    @ParameterizedTest
    @EnumSource(BlazeFaceModel.class)
    void bothModelsHave896AnchorsOnA16And8Grid(BlazeFaceModel m) {
        float[] a = SsdAnchors.centers(m.inputSize(), m.strides());
        assertEquals(2 * 896, a.length);
        // fine grid: 16x16 cells, 2 anchors each, row by row
        assertEquals(0.5f / 16, a[0], 1e-7);
        assertEquals(0.5f / 16, a[1], 1e-7);
        assertEquals(a[0], a[2]);
        assertEquals(a[1], a[3]);
        assertEquals(1.5f / 16, a[4], 1e-7, "third anchor starts the second cell of the first row");
        assertEquals(0.5f / 16, a[5], 1e-7);
        int secondRow = 2 * 2 * 16;
        assertEquals(0.5f / 16, a[secondRow], 1e-7);
        assertEquals(1.5f / 16, a[secondRow + 1], 1e-7);
        // coarse grid: starts at anchor 512, 8x8 cells, 6 anchors each
        int coarse = 2 * 512;
        for (int k = 0; k < 6; k++) {
            assertEquals(0.5f / 8, a[coarse + 2 * k], 1e-7);
            assertEquals(0.5f / 8, a[coarse + 2 * k + 1], 1e-7);
        }
        assertEquals(1.5f / 8, a[coarse + 12], 1e-7);
        assertEquals(7.5f / 8, a[a.length - 2], 1e-7);
        assertEquals(7.5f / 8, a[a.length - 1], 1e-7);
    }
}
