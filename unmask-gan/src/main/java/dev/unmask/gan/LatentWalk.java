package dev.unmask.gan;

import java.util.Random;

/**
 * Latent-space walks: {@code rows} independent walks, each from one latent vector to another in {@code steps}
 * points (both ends included), by spherical linear interpolation (Shoemake, "Animating rotation with quaternion
 * curves", SIGGRAPH 1985), which White ("Sampling Generative Networks", 2016) recommends for GANs: the norm of a
 * d-dimensional N(0, I) vector concentrates around sqrt(d), and the midpoint of a straight line between two
 * independent ones has only about 1/sqrt(2) of that norm, where the prior has almost no mass, so its images are
 * atypical; the arc keeps the norm of ends of equal norm, and Gaussian ends have nearly equal norms. End points
 * are drawn like {@link GanSampler}'s latents (one {@link Random} seeded with the seed: walk 0's start then end,
 * then walk 1's, ...; optional truncation).
 */
public final class LatentWalk {
    /** Most walks. */
    public static final int MAX_ROWS = 64;
    /** Most points per walk. */
    public static final int MAX_STEPS = 256;

    private LatentWalk() {
    }

    /**
     * The latents of every point, walk-major: point k of walk r starts at {@code ((r * steps) + k) * dim}.
     *
     * @throws IllegalArgumentException when rows or steps is out of range (steps >= 2)
     */
    public static float[] latents(int rows, int steps, int dim, long seed, double truncation) {
        if (rows < 1 || rows > MAX_ROWS) {
            throw new IllegalArgumentException("walks must be in 1.." + MAX_ROWS + ", got " + rows);
        }
        if (steps < 2 || steps > MAX_STEPS) {
            throw new IllegalArgumentException("steps must be in 2.." + MAX_STEPS + ", got " + steps);
        }
        GanSampler.checkTruncation(truncation);
        Random rng = new Random(seed);
        float[] out = new float[rows * steps * dim];
        for (int r = 0; r < rows; r++) {
            float[] a = GanSampler.latents(rng, dim, truncation);
            float[] b = GanSampler.latents(rng, dim, truncation);
            for (int k = 0; k < steps; k++) {
                float[] p = slerp(a, b, (double) k / (steps - 1));
                System.arraycopy(p, 0, out, (r * steps + k) * dim, dim);
            }
        }
        return out;
    }

    /**
     * The point at fraction {@code t} of the arc from {@code a} to {@code b}:
     * sin((1-t) w) / sin w * a + sin(t w) / sin w * b for the angle w between them (for ends of equal norm, every
     * point has that norm). Falls
     * back to linear interpolation when the vectors are (anti-)parallel within 1e-6 rad or one is zero.
     */
    public static float[] slerp(float[] a, float[] b, double t) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors differ in length: " + a.length + " and " + b.length);
        }
        double na = 0;
        double nb = 0;
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
            dot += (double) a[i] * b[i];
        }
        na = Math.sqrt(na);
        nb = Math.sqrt(nb);
        float[] out = new float[a.length];
        double omega = na > 0 && nb > 0 ? Math.acos(Math.max(-1, Math.min(1, dot / (na * nb)))) : 0;
        double s = Math.sin(omega);
        if (Math.abs(s) < 1e-6) {
            for (int i = 0; i < a.length; i++) {
                out[i] = (float) ((1 - t) * a[i] + t * b[i]);
            }
            return out;
        }
        double wa = Math.sin((1 - t) * omega) / s;
        double wb = Math.sin(t * omega) / s;
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) (wa * a[i] + wb * b[i]);
        }
        return out;
    }
}
