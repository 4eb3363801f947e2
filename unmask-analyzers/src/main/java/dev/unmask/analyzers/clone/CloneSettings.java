package dev.unmask.analyzers.clone;

import dev.unmask.api.AnalyzerOptions;

/**
 * Validated settings of the copy-move detector ({@link CloneAnalyzer}). Every length is in pixels of the
 * <em>working</em> image (the luma plane downscaled by an integer factor so it has at most
 * {@link #workingMaxPixels} pixels) unless its name says otherwise.
 *
 * @param blockSize side of the overlapping square blocks whose features are matched (Fridrich et al. 2003 use
 *     16); must be a multiple of 4, the features being a 4&times;4 grid of sub-block means
 * @param workingMaxPixels the luma plane is area-averaged by the smallest integer factor that brings it to at
 *     most this many pixels; bounds cost (about linear in this number) and sets the smallest detectable clone
 * @param flatStd blocks whose luma standard deviation is below this (grey levels) are skipped: flat sky and
 *     walls match everything and would only add chance pairs
 * @param minStructure blocks whose low-frequency DCT energy beyond the planar terms (coefficients (1,1), (0,2),
 *     (2,0), (1,2), (2,1), (2,2) of the 4&times;4 sub-block means; root of the sum of squares, grey levels) is
 *     below this are skipped as ramps
 * @param dcStep quantisation step of the block mean (grey levels) in the sort key; at least 2 (7-bit field)
 * @param acStep quantisation step of the low-frequency DCT coefficients (grey levels of the 4&times;4
 *     sub-block means, orthonormal DCT) in the sort key
 * @param maxKeyDistance largest sum of absolute differences of the quantised key fields for two blocks to
 *     match (0 demands identical keys; 2 tolerates re-compression pushing two fields across a step)
 * @param neighbourWindow how many following rows of the lexicographically sorted feature list each block is
 *     compared with (Fridrich's neighbour window)
 * @param minShift smallest distance between a block and its copy; smaller shifts are self-similar neighbours
 * @param minPairs smallest number of matched block pairs sharing one shift for it to be examined (voting)
 * @param minArea smallest area (working pixels) covered by the matched blocks of one region
 * @param minCorrelation smallest zero-mean normalised correlation of the two regions' luma, at full resolution
 * @param minResidualCorrelation smallest correlation of the two regions' high-pass residuals (luma minus its
 *     4-neighbour mean) at full resolution: a copy repeats the fine detail and noise, a natural look-alike does
 *     not
 * @param minPeakContrast smallest excess of the residual correlation at the found shift over its largest value
 *     at the eight shifts {@value RegionVerifier#PEAK_OFFSET} pixels away: a copy correlates at one exact shift,
 *     while an edge or stripe correlates with itself all along its direction
 * @param maxRegions most clone pairs reported
 */
public record CloneSettings(int blockSize, int workingMaxPixels, double flatStd, double minStructure, double dcStep, double acStep,
                            int maxKeyDistance, int neighbourWindow, int minShift, int minPairs, int minArea, double minCorrelation,
                            double minResidualCorrelation, double minPeakContrast, int maxRegions) {
    /** Default block side (Fridrich et al. 2003). */
    public static final int DEFAULT_BLOCK = 16;
    /** Default working size: 3 megapixels, so a 12 MP photo is analysed at half resolution. */
    public static final int DEFAULT_WORKING_MAX_PIXELS = 3_000_000;
    /** Default flat-block threshold: std below 4 grey levels is sky, wall or blur. */
    public static final double DEFAULT_FLAT_STD = 4.0;
    /** Default structure threshold: one AC step of non-planar energy. */
    public static final double DEFAULT_MIN_STRUCTURE = 6.0;
    /** Default key step of the block mean. */
    public static final double DEFAULT_DC_STEP = 4.0;
    /** Default key step of the AC coefficients. */
    public static final double DEFAULT_AC_STEP = 6.0;
    /** Default tolerance on the quantised key fields. */
    public static final int DEFAULT_MAX_KEY_DISTANCE = 2;
    /** Default neighbour window in the sorted feature list. */
    public static final int DEFAULT_WINDOW = 16;
    /** Default minimum shift: two block sides. */
    public static final int DEFAULT_MIN_SHIFT = 32;
    /** Default minimum number of consistent pairs per shift. */
    public static final int DEFAULT_MIN_PAIRS = 60;
    /** Default minimum matched area: about 40&times;40 working pixels. */
    public static final int DEFAULT_MIN_AREA = 1600;
    /**
     * Default minimum luma correlation: a copy, even re-saved as JPEG, correlates above 0.999 on textured content;
     * natural look-alikes (two folds of a shirt, two patches of hair) stay around 0.90-0.993 on the test photos.
     */
    public static final double DEFAULT_MIN_CORRELATION = 0.994;
    /** Default minimum residual correlation. */
    public static final double DEFAULT_MIN_RESIDUAL_CORRELATION = 0.5;
    /** Default peak contrast. */
    public static final double DEFAULT_MIN_PEAK_CONTRAST = 0.3;
    /** Default number of reported pairs. */
    public static final int DEFAULT_MAX_REGIONS = 8;

    /** Validates the combination of values. */
    public CloneSettings {
        if (blockSize < 8 || blockSize > 64 || blockSize % 4 != 0) {
            throw new IllegalArgumentException("clone.block-size must be a multiple of 4 in [8, 64]: " + blockSize);
        }
        if (minShift < blockSize) {
            throw new IllegalArgumentException("clone.min-shift must be at least the block size " + blockSize);
        }
        if (!(dcStep >= 2)) {
            throw new IllegalArgumentException("clone.dc-step must be at least 2: " + dcStep);
        }
        if (workingMaxPixels < 65_536 || workingMaxPixels > 16_000_000) {
            throw new IllegalArgumentException("clone.working-max-pixels must be in [65536, 16000000]");
        }
    }

    /** The defaults. */
    public static CloneSettings defaults() {
        return new CloneSettings(DEFAULT_BLOCK, DEFAULT_WORKING_MAX_PIXELS, DEFAULT_FLAT_STD, DEFAULT_MIN_STRUCTURE, DEFAULT_DC_STEP,
                DEFAULT_AC_STEP, DEFAULT_MAX_KEY_DISTANCE, DEFAULT_WINDOW, DEFAULT_MIN_SHIFT, DEFAULT_MIN_PAIRS, DEFAULT_MIN_AREA,
                DEFAULT_MIN_CORRELATION, DEFAULT_MIN_RESIDUAL_CORRELATION, DEFAULT_MIN_PEAK_CONTRAST, DEFAULT_MAX_REGIONS);
    }

    /** Reads every option (keys without the {@code clone.} prefix), validating ranges. */
    public static CloneSettings from(AnalyzerOptions o) {
        return new CloneSettings(
                o.getInt("block-size", DEFAULT_BLOCK, 8, 64),
                o.getInt("working-max-pixels", DEFAULT_WORKING_MAX_PIXELS, 65_536, 16_000_000),
                o.getDouble("flat-std", DEFAULT_FLAT_STD, 0, 100),
                o.getDouble("min-structure", DEFAULT_MIN_STRUCTURE, 0, 1000),
                o.getDouble("dc-step", DEFAULT_DC_STEP, 2, 64),
                o.getDouble("ac-step", DEFAULT_AC_STEP, 0.5, 64),
                o.getInt("max-key-distance", DEFAULT_MAX_KEY_DISTANCE, 0, 16),
                o.getInt("neighbour-window", DEFAULT_WINDOW, 1, 64),
                o.getInt("min-shift", DEFAULT_MIN_SHIFT, 8, 4096),
                o.getInt("min-pairs", DEFAULT_MIN_PAIRS, 4, 1_000_000),
                o.getInt("min-area", DEFAULT_MIN_AREA, 64, 100_000_000),
                o.getDouble("min-correlation", DEFAULT_MIN_CORRELATION, 0, 1),
                o.getDouble("min-residual-correlation", DEFAULT_MIN_RESIDUAL_CORRELATION, 0, 1),
                o.getDouble("min-peak-contrast", DEFAULT_MIN_PEAK_CONTRAST, 0, 1),
                o.getInt("max-regions", DEFAULT_MAX_REGIONS, 1, 64));
    }
}
