package dev.unmask.analyzers.jpeg;

import dev.unmask.api.Finding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.plugins.jpeg.JPEGHuffmanTable;

/**
 * Informational findings from the marker segments: coding process and sampling, Huffman tables (the example
 * tables of ITU-T T.81 Annex K.3 or tables optimised for the image), application segments, comments, trailing
 * data, structural problems, and the quantization tables' IJG quality ({@link IjgQuality}).
 */
final class StructureFindings {
    private static final JPEGHuffmanTable[] STANDARD_DC = {JPEGHuffmanTable.StdDCLuminance, JPEGHuffmanTable.StdDCChrominance};
    private static final JPEGHuffmanTable[] STANDARD_AC = {JPEGHuffmanTable.StdACLuminance, JPEGHuffmanTable.StdACChrominance};

    private StructureFindings() {}

    /** "standard" (all Annex K.3), "optimised" (none), "mixed", or "none" (no DHT segment). */
    static String huffmanKind(JpegStructure s) {
        if (s.huffmanTables().isEmpty()) {
            return "none";
        }
        int std = 0;
        for (JpegStructure.HuffmanTable t : s.huffmanTables()) {
            for (JPEGHuffmanTable k : t.tableClass() == 0 ? STANDARD_DC : STANDARD_AC) {
                if (Arrays.equals(t.lengths(), toInt(k.getLengths())) && Arrays.equals(t.values(), toInt(k.getValues()))) {
                    std++;
                    break;
                }
            }
        }
        return std == s.huffmanTables().size() ? "standard" : std == 0 ? "optimised" : "mixed";
    }

    private static int[] toInt(short[] a) {
        int[] r = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i];
        }
        return r;
    }

    static List<Finding> structure(JpegStructure s) {
        List<Finding> out = new ArrayList<>();
        String huffman = huffmanKind(s);
        out.add(Finding.info("jpeg.structure")
                .title("JPEG " + (s.frameType() == null ? "without a frame header" : s.frameType()) + ", "
                        + s.subsampling() + " sampling, " + huffman + " Huffman tables")
                .detail("Read from the marker segments (ITU-T T.81 Annex B). Standard Huffman tables are the Annex K.3 "
                        + "examples most cameras and libraries use by default; optimised tables come from a second "
                        + "encoding pass (e.g. libjpeg's -optimize, image editors, web optimisers) and progressive files. "
                        + "Neither is evidence by itself.")
                .value("process", s.frameType() == null ? "unknown" : s.frameType())
                .value("precision", s.precision())
                .value("width", s.width())
                .value("height", s.height())
                .value("subsampling", s.subsampling())
                .value("components", s.components().size())
                .value("huffman", huffman)
                .value("restartInterval", s.restartInterval())
                .value("scans", s.scans())
                .value("appSegments", List.copyOf(s.appSegments()))
                .value("comments", List.copyOf(s.comments()))
                .build());
        if (s.trailingBytes() > 0) {
            out.add(Finding.info("jpeg.trailing-data")
                    .title(s.trailingBytes() + " bytes follow the end-of-image marker")
                    .detail("Data after EOI is ignored by decoders. Phones append depth maps or second images there, "
                            + "some tools append metadata; it can also hide an appended file. Inspect it if unexpected.")
                    .value("bytes", s.trailingBytes())
                    .build());
        }
        if (!s.problems().isEmpty()) {
            out.add(Finding.info("jpeg.malformed")
                    .title("The JPEG structure has " + s.problems().size() + " problem(s): " + s.problems().get(0))
                    .detail("Parsing stopped or skipped at these points; values after them may be missing.")
                    .value("problems", List.copyOf(s.problems()))
                    .build());
        }
        return out;
    }

    /** The quality finding, or null when the luma table is missing. */
    static Finding quality(JpegStructure s) {
        int[] luma = s.lumaTable();
        if (luma == null) {
            return null;
        }
        IjgQuality.Estimate y = IjgQuality.estimate(luma, IjgQuality.LUMA_BASE);
        int[] chroma = s.chromaTable();
        IjgQuality.Estimate c = chroma == null ? null : IjgQuality.estimate(chroma, IjgQuality.CHROMA_BASE);
        boolean standard = y.standard() && (c == null || (c.standard() && c.quality() == y.quality()));
        double[] table = new double[64];
        for (int i = 0; i < 64; i++) {
            table[i] = luma[i];
        }
        Finding.Builder b = Finding.info("jpeg.quality")
                .title(standard ? "Standard IJG quantization tables, quality " + y.quality()
                        : "Custom quantization tables, closest IJG quality " + y.quality())
                .detail("Estimated by inverting libjpeg's scaling of the Annex K tables (quality 1..100). 'standard' "
                        + "means the tables equal libjpeg's for that quality exactly (libjpeg, most libraries, many "
                        + "web services); cameras and Photoshop use their own tables, then the mean deviation "
                        + "(in quantization steps) tells how far they are from the nearest IJG table. lumaTable is "
                        + "the luminance table in natural (row-major) order.")
                .value("lumaQuality", y.quality())
                .value("lumaMeanDeviation", round(y.meanAbsDeviation()))
                .value("standard", standard);
        if (c != null) {
            b.value("chromaQuality", c.quality()).value("chromaMeanDeviation", round(c.meanAbsDeviation()));
        }
        return b.value("sixteenBitTables", !s.quantPrecision16().isEmpty()).value("lumaTable", table).build();
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
