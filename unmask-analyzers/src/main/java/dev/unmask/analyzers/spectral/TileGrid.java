package dev.unmask.analyzers.spectral;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses the square luma tiles the spectra are averaged over (Welch's method: half-overlapping windowed segments,
 * P. D. Welch, IEEE Trans. Audio Electroacoust. 15(2), 1967). Tiles are taken at native resolution, never
 * resized, and the ones nearest the image centre are kept, so the cost is bounded by
 * {@code maxTiles * tileSize^2} whatever the image size.
 *
 * @param size tile side (power of two)
 * @param origins top-left corners as {@code {x, y}}, nearest the centre first
 */
record TileGrid(int size, List<int[]> origins) {
    /**
     * Plans the tiles for a {@code width x height} image: the configured tile side, halved while fewer than
     * {@code minTiles} half-overlapping tiles fit (never below {@link SpectralSettings#MIN_TILE}).
     *
     * @return the plan, or null when the shorter side is below {@link SpectralSettings#MIN_TILE}
     */
    static TileGrid plan(int width, int height, SpectralSettings s) {
        if (Math.min(width, height) < SpectralSettings.MIN_TILE) {
            return null;
        }
        int t = s.tileSize();
        while (t > SpectralSettings.MIN_TILE && (t > Math.min(width, height) || count(width, t) * count(height, t) < s.minTiles())) {
            t /= 2;
        }
        int step = t / 2;
        int nx = count(width, t);
        int ny = count(height, t);
        int x0 = (width - t - (nx - 1) * step) / 2;
        int y0 = (height - t - (ny - 1) * step) / 2;
        double cx = width / 2.0;
        double cy = height / 2.0;
        List<int[]> all = new ArrayList<>();
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                all.add(new int[] {x0 + i * step, y0 + j * step});
            }
        }
        int half = t / 2;
        all.sort(Comparator.<int[]>comparingDouble(o -> Math.hypot(o[0] + half - cx, o[1] + half - cy))
                .thenComparingInt(o -> o[1]).thenComparingInt(o -> o[0]));
        return new TileGrid(t, List.copyOf(all.subList(0, Math.min(s.maxTiles(), all.size()))));
    }

    private static int count(int length, int t) {
        return length < t ? 0 : (length - t) / (t / 2) + 1;
    }
}
