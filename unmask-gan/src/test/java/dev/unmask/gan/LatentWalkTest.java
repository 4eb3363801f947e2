package dev.unmask.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatentWalkTest {
    @Test
    void slerpHitsBothEndsAndKeepsTheNormOfEqualNormEnds() {
        float[] a = {3, 0, 0};
        float[] b = {0, 0, 3};
        assertArrayEquals(a, LatentWalk.slerp(a, b, 0), 1e-6f);
        assertArrayEquals(b, LatentWalk.slerp(a, b, 1), 1e-6f);
        float[] mid = LatentWalk.slerp(a, b, 0.5);
        assertEquals(3, norm(mid), 1e-5);
        assertArrayEquals(new float[] {(float) (3 / Math.sqrt(2)), 0, (float) (3 / Math.sqrt(2))}, mid, 1e-5f);
        float[] lerpMid = {1.5f, 0, 1.5f};
        assertTrue(norm(lerpMid) < 0.75 * norm(mid), "a straight line would cut the corner");
        assertArrayEquals(new float[] {1.5f, 0, 0}, LatentWalk.slerp(new float[] {1, 0, 0}, new float[] {2, 0, 0}, 0.5), 1e-6f,
                "parallel vectors fall back to linear interpolation");
    }

    @Test
    void walksAreLaidOutWalkMajorAndFollowTheSeed() {
        int dim = 16;
        float[] z = LatentWalk.latents(3, 5, dim, 9L, 0);
        assertEquals(3 * 5 * dim, z.length);
        Random r = new Random(9L);
        for (int w = 0; w < 3; w++) {
            float[] start = GanSampler.latents(r, dim, 0);
            float[] end = GanSampler.latents(r, dim, 0);
            assertArrayEquals(start, Arrays.copyOfRange(z, (w * 5) * dim, (w * 5 + 1) * dim), 1e-6f, "walk " + w + " start");
            assertArrayEquals(end, Arrays.copyOfRange(z, (w * 5 + 4) * dim, (w * 5 + 5) * dim), 1e-6f, "walk " + w + " end");
        }
        assertArrayEquals(z, LatentWalk.latents(3, 5, dim, 9L, 0));
        assertThrows(IllegalArgumentException.class, () -> LatentWalk.latents(1, 1, dim, 1L, 0));
        assertThrows(IllegalArgumentException.class, () -> LatentWalk.latents(0, 4, dim, 1L, 0));
        assertThrows(IllegalArgumentException.class, () -> LatentWalk.latents(1, 4, dim, 1L, 0.01));
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
