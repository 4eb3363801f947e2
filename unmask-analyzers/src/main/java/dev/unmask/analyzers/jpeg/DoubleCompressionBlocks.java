package dev.unmask.analyzers.jpeg;

import dev.unmask.core.imaging.FloatPlane;

/**
 * The per-block evidence of the aligned double-compression test (Bianchi &amp; Piva, "Image forgery localization
 * via block-grained analysis of JPEG artifacts", IEEE TIFS 7(3), 2012), for modules that compare one region of a
 * JPEG with the rest (the face-region checks of the {@code faces} analyzer). The same computation as the
 * {@code jpeg} analyzer's {@code jpeg.double-compression} and {@code jpeg.splice} findings, with the same settings.
 *
 * <p>When the file as a whole shows aligned double compression, every whole 8&times;8 block of the JPEG grid gets
 * the log-likelihood ratio of single over double compression summed over the frequencies that show the
 * re-quantization pattern, and the number of coefficients that contributed: a region pasted in before the last save
 * (from another JPEG on another grid, or from an uncompressed source) lacks the pattern and leans positive, while
 * the doubly compressed rest leans negative. Flat blocks have few non-zero coefficients and carry little evidence,
 * so a region is best summarised by its evidence per informative coefficient.
 *
 * @param gain the whole image's double-compression gain (nats per non-zero coefficient)
 * @param threshold the gain from which double compression is reported ({@code jpeg.dq-threshold})
 * @param primaryQuality the IJG quality of the first compression, 0 when no IJG table explains it
 * @param blocksX blocks per row of the 8x8 grid
 * @param blocksY block rows
 * @param llr per block log-likelihood ratio of single over double compression, row-major; null when the image shows
 *     no double compression (then {@link #skipReason} says why)
 * @param informative per block number of coefficients that contributed to {@code llr}; null with it
 * @param skipReason why there is no block evidence, or null when there is
 */
public record DoubleCompressionBlocks(double gain, double threshold, int primaryQuality, int blocksX, int blocksY,
                                      float[] llr, float[] informative, String skipReason) {
    /**
     * Runs the test on a JPEG file.
     *
     * @param jpeg the file's bytes (for the quantization table)
     * @param luma the decoded image's BT.601 luma plane
     * @param s the JPEG analyzer's settings
     * @return the block evidence, or an outcome whose {@link #skipReason} says why there is none
     */
    public static DoubleCompressionBlocks measure(byte[] jpeg, FloatPlane luma, JpegSettings s) {
        JpegStructure st = JpegParser.parse(jpeg);
        String why = whyNot(st, luma, s);
        if (why != null) {
            return new DoubleCompressionBlocks(0, s.dqThreshold(), 0, 0, 0, null, null, why);
        }
        DoubleCompressionAnalysis.Result r = DoubleCompressionAnalysis.run(luma, st.lumaTable(), s);
        if (r.llr() == null) {
            return new DoubleCompressionBlocks(r.statistic(), s.dqThreshold(), 0, r.blocksX(), r.blocksY(), null,
                    null, String.format(java.util.Locale.ROOT, "the image shows no aligned double compression (gain"
                            + " %.3f, below %.3f), so no part of it stands out as compressed once", r.statistic(),
                            s.dqThreshold()));
        }
        if (r.usedFrequencies() == 0) {
            return new DoubleCompressionBlocks(r.statistic(), s.dqThreshold(), r.primaryQuality(), r.blocksX(),
                    r.blocksY(), null, null, "no single frequency shows the re-quantization pattern strongly enough"
                            + " to read block by block");
        }
        return new DoubleCompressionBlocks(r.statistic(), s.dqThreshold(), r.primaryQuality(), r.blocksX(),
                r.blocksY(), r.llr(), r.informative(), null);
    }

    private static String whyNot(JpegStructure st, FloatPlane luma, JpegSettings s) {
        if (st == null) {
            return "no JPEG start-of-image marker";
        }
        String noDct = st.whyNoDctCoefficients();
        if (noDct != null) {
            return noDct;
        }
        if (st.width() != luma.width() || st.height() != luma.height()) {
            return "decoded size differs from the frame header";
        }
        if ((long) (luma.width() / 8) * (luma.height() / 8) < s.minBlocks()) {
            return "fewer than " + s.minBlocks() + " whole 8x8 blocks";
        }
        return null;
    }
}
