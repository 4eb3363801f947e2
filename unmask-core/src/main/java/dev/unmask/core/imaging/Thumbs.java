package dev.unmask.core.imaging;


/** Cheap report-sized grey copies of full-resolution planes, by box averaging (no full-size RGB pass). */
public final class Thumbs {
    private Thumbs() {}

    /** The integer box size that brings the longer side to at most {@link Artifacts#MAX_SIDE}. */
    public static int factor(int w, int h) {
        int longer = Math.max(w, h);
        return Math.max(1, (longer + Artifacts.MAX_SIDE - 1) / Artifacts.MAX_SIDE);
    }

    /** Box-averages {@code p} over {@code k}&times;{@code k} cells (remainder rows/columns join the last cell). */
    public static FloatPlane boxDown(FloatPlane p, int k) {
        if (k == 1) {
            return p;
        }
        int w = p.width();
        int tw = Math.max(1, w / k);
        int th = Math.max(1, p.height() / k);
        float[] out = new float[tw * th];
        int[] count = new int[tw * th];
        float[] d = p.data();
        for (int y = 0; y < p.height(); y++) {
            int row = Math.min(th - 1, y / k) * tw;
            for (int x = 0; x < w; x++) {
                int c = row + Math.min(tw - 1, x / k);
                out[c] += d[y * w + x];
                count[c]++;
            }
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= count[i];
        }
        return new FloatPlane(tw, th, out);
    }
}
