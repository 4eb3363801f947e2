package dev.unmask.gan;

import dev.unmask.torch.DjlRuntime;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DiffAugmentTest {
    static final int B = 6;
    static final int S = 32;

    @Test
    void policiesParseAndPrint() {
        assertEquals(DiffAugment.ALL, DiffAugment.parse("color, translation,cutout"));
        assertEquals("color,translation,cutout", DiffAugment.ALL.toString());
        assertEquals(DiffAugment.NONE, DiffAugment.parse("none"));
        assertEquals(new DiffAugment(false, true, false), DiffAugment.parse("translation"));
        assertFalse(DiffAugment.NONE.any());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DiffAugment.parse("color,rotate"));
        assertTrue(e.getMessage().startsWith("unknown DiffAugment policy 'rotate'"), e.getMessage());
    }

    @Test
    void translationShiftsEachImageByAtMostAnEighthWithZeroFill() {
        float[] in = ramp();
        float[] out = run(new DiffAugment(false, true, false), in);
        int moved = 0;
        for (int b = 0; b < B; b++) {
            int[] shift = findShift(in, out, b);
            assertTrue(shift != null, "image " + b + " is a shifted copy");
            moved += shift[0] != 0 || shift[1] != 0 ? 1 : 0;
        }
        assertTrue(moved > 0, "some image moved");
    }

    @Test
    void cutoutZeroesOneSquareOfHalfTheSideClippedAtTheBorder() {
        float[] in = ramp();
        float[] out = run(new DiffAugment(false, false, true), in);
        for (int b = 0; b < B; b++) {
            int minY = S;
            int maxY = -1;
            int minX = S;
            int maxX = -1;
            int zeros = 0;
            for (int y = 0; y < S; y++) {
                for (int x = 0; x < S; x++) {
                    int i = index(b, 0, y, x);
                    if (out[i] == 0f) {
                        zeros++;
                        minY = Math.min(minY, y);
                        maxY = Math.max(maxY, y);
                        minX = Math.min(minX, x);
                        maxX = Math.max(maxX, x);
                    } else {
                        assertEquals(in[i], out[i], 0f);
                    }
                }
            }
            int h = maxY - minY + 1;
            int w = maxX - minX + 1;
            assertEquals(h * w, zeros, "one rectangle");
            assertTrue(h >= S / 4 && h <= S / 2 && w >= S / 4 && w <= S / 2, h + "x" + w);
        }
    }

    @Test
    void everyPolicyTogetherLetsGradientsThrough() {
        Engine engine = DjlRuntime.engine(1);
        try (NDManager m = engine.newBaseManager()) {
            NDArray x = m.create(ramp(), new Shape(B, 3, S, S));
            x.setRequiresGradient(true);
            try (GradientCollector gc = engine.newGradientCollector()) {
                NDArray y = DiffAugment.ALL.apply(m, x, new Random(5));
                assertEquals(x.getShape(), y.getShape());
                gc.backward(y.mul(y).sum());
            }
            float[] g = x.getGradient().toFloatArray();
            int nonZero = 0;
            for (float v : g) {
                assertTrue(Float.isFinite(v));
                nonZero += v != 0 ? 1 : 0;
            }
            assertTrue(nonZero > g.length / 4, nonZero + " of " + g.length);
        }
    }

    private static float[] run(DiffAugment a, float[] in) {
        try (NDManager m = DjlRuntime.engine(1).newBaseManager()) {
            return a.apply(m, m.create(in, new Shape(B, 3, S, S)), new Random(21)).toFloatArray();
        }
    }

    /** Distinct positive values: (image, channel, y, x) -> 1 + index / size. */
    private static float[] ramp() {
        float[] v = new float[B * 3 * S * S];
        for (int i = 0; i < v.length; i++) {
            v[i] = 1f + (float) i / v.length;
        }
        return v;
    }

    private static int index(int b, int c, int y, int x) {
        return ((b * 3 + c) * S + y) * S + x;
    }

    private static int[] findShift(float[] in, float[] out, int b) {
        int max = (int) (S * DiffAugment.TRANSLATION_RATIO + 0.5);
        for (int dy = -max; dy <= max; dy++) {
            for (int dx = -max; dx <= max; dx++) {
                boolean ok = true;
                for (int c = 0; c < 3 && ok; c++) {
                    for (int y = 0; y < S && ok; y++) {
                        for (int x = 0; x < S && ok; x++) {
                            int sy = y + dy;
                            int sx = x + dx;
                            float want = sy < 0 || sy >= S || sx < 0 || sx >= S ? 0f : in[index(b, c, sy, sx)];
                            ok = out[index(b, c, y, x)] == want;
                        }
                    }
                }
                if (ok) {
                    return new int[] {dy, dx};
                }
            }
        }
        return null;
    }
}
