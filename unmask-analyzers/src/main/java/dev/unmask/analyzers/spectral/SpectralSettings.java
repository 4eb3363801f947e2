package dev.unmask.analyzers.spectral;

import dev.unmask.api.AnalyzerOptions;

/**
 * Validated settings of the {@link SpectralAnalyzer}, read from options {@code spectral.<name>}.
 *
 * @param tileSize side of the square luma tiles at native resolution (power of two, 64..1024; default 256). Tiles
 *     are never resized: resizing would itself create or destroy the up-sampling traces this analyzer looks for
 * @param maxTiles at most this many tiles, the ones nearest the image centre (default 16), bounding the cost
 * @param minTiles when fewer tiles of {@code tileSize} fit, the tile side is halved (down to {@link #MIN_TILE})
 *     so the averaged spectrum has enough tiles to be stable (default 6)
 * @param minProminenceDb a spectral peak must rise this far above the median of its neighbourhood (default 8 dB)
 * @param minPeakZ and this many robust standard deviations (MAD) of that neighbourhood (default 4), so single
 *     noisy periodograms of small images do not produce peaks
 * @param minIsolationDb and rise this far above the maximum of that neighbourhood outside the 5x5 main lobe
 *     (default 4 dB): isolated lines, not the clusters of maxima that textures and edges produce
 * @param strongProminenceDb prominence at which the score reaches {@code maxScore} (default 24 dB)
 * @param maxScore cap of the SYNTHETIC score (default 0.7): a hand-made detector, not a trained one
 * @param lowFrequencyCut peaks below this radius (fraction of Nyquist) are ignored, where scene content such as
 *     textures and edges dominates (default 0.2)
 * @param tailStart start of the high-frequency tail of the azimuthal spectrum, fraction of Nyquist (default 0.5)
 * @param artifacts whether to render the pictures (default true)
 */
public record SpectralSettings(int tileSize, int maxTiles, int minTiles, double minProminenceDb, double minPeakZ,
                               double minIsolationDb, double strongProminenceDb, double maxScore, double lowFrequencyCut, double tailStart,
                               boolean artifacts) {
    /** Smallest tile side; images whose shorter side is below it are not analysed. */
    public static final int MIN_TILE = 64;
    /** Number of radial bins of the azimuthal spectrum feature vector {@code spectral.azimuthal}. */
    public static final int RADIAL_BINS = 64;
    /** Half-width of the square neighbourhood used as the local spectrum background of a peak (11x11). */
    public static final int BACKGROUND_RADIUS = 5;
    /** A peak within this many frequency bins of a JPEG 8x8 grid frequency (k/8 cycles/pixel) is on the grid. */
    public static final int GRID_TOLERANCE_BINS = 1;
    /** Floor of the log spectra in dB relative to a white spectrum, so empty or flat inputs stay finite. */
    public static final double FLOOR_DB = -60;

    /** Validates. */
    public SpectralSettings {
        if (tileSize < MIN_TILE || tileSize > 1024 || Integer.bitCount(tileSize) != 1) {
            throw new IllegalArgumentException("spectral.tileSize must be a power of two in [64, 1024]: " + tileSize);
        }
        if (maxTiles < 1 || minTiles < 1 || minTiles > maxTiles) {
            throw new IllegalArgumentException("spectral.minTiles must be in [1, maxTiles]");
        }
        if (!(strongProminenceDb > minProminenceDb)) {
            throw new IllegalArgumentException("spectral.strongProminenceDb must exceed minProminenceDb");
        }
    }

    /** The defaults. */
    public static SpectralSettings defaults() {
        return new SpectralSettings(256, 16, 6, 8, 4, 4, 24, 0.7, 0.2, 0.5, true);
    }

    /** Reads and validates the options. */
    public static SpectralSettings from(AnalyzerOptions o) {
        SpectralSettings d = defaults();
        int tile = o.getInt("tileSize", d.tileSize, MIN_TILE, 1024);
        int max = o.getInt("maxTiles", d.maxTiles, 1, 256);
        int min = o.getInt("minTiles", d.minTiles, 1, 256);
        return new SpectralSettings(tile, max, min,
                o.getDouble("minProminenceDb", d.minProminenceDb, 1, 60),
                o.getDouble("minPeakZ", d.minPeakZ, 0, 50),
                o.getDouble("minIsolationDb", d.minIsolationDb, 0, 60),
                o.getDouble("strongProminenceDb", d.strongProminenceDb, 2, 80),
                o.getDouble("maxScore", d.maxScore, 0, 1),
                o.getDouble("lowFrequencyCut", d.lowFrequencyCut, 0, 0.9),
                o.getDouble("tailStart", d.tailStart, 0.1, 0.9),
                o.getBoolean("artifacts", d.artifacts));
    }
}
