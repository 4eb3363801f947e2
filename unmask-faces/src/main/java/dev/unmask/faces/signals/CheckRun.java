package dev.unmask.faces.signals;

import dev.unmask.core.imaging.FloatPlane;
import java.util.List;

/**
 * One check over all faces of an image.
 *
 * @param outcomes per face, in the order of the faces
 * @param map the checked statistic per block for the picture (null when there is none), on a grid of
 *     {@code block}-pixel blocks
 * @param block block side of {@code map} in pixels
 * @param lo value of {@code map} drawn darkest
 * @param hi value drawn brightest
 * @param caption the picture's caption
 */
record CheckRun(List<SignalOutcome> outcomes, FloatPlane map, int block, double lo, double hi, String caption) {
    /** The same skip reason for every face, and no picture. */
    static CheckRun skippedForAll(FaceSignal signal, int faces, String reason) {
        return new CheckRun(java.util.Collections.nCopies(faces, SignalOutcome.skipped(signal, reason)), null, 0, 0,
                0, null);
    }

    /** {@code v} as a float plane of {@code bw x bh} blocks. */
    static FloatPlane plane(double[] v, int bw, int bh) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return new FloatPlane(bw, bh, f);
    }
}
