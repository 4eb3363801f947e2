package dev.unmask.analyzers.jpeg;

import java.util.List;
import java.util.Map;

/**
 * What {@link JpegParser} read from a JPEG file's marker segments (ITU-T T.81, Annex B).
 *
 * @param frameType the SOF process, e.g. "baseline", "extended", "progressive", "lossless", with "-arithmetic"
 *     appended for arithmetic coding; null when no SOF was found
 * @param precision sample precision in bits (8 or 12 usually), 0 when unknown
 * @param width frame width from SOF
 * @param height frame height from SOF
 * @param components the frame's components in SOF order
 * @param quantTables quantization tables by destination id (0..3), 64 values in <em>natural</em> order, as
 *     defined before the first scan (later redefinitions are ignored)
 * @param quantPrecision16 destination ids of tables given with 16-bit precision
 * @param huffmanTables Huffman tables in file order
 * @param restartInterval the DRI restart interval in MCUs (0 = none)
 * @param appSegments application segments in file order, e.g. "APP1 Exif (1234 bytes)"
 * @param comments COM segment texts (truncated)
 * @param scans number of SOS segments
 * @param eoiFound whether an EOI marker ended the image
 * @param trailingBytes bytes after EOI (0 when none or no EOI)
 * @param problems structural problems met while parsing (bad lengths, truncation), in order
 */
public record JpegStructure(String frameType, int precision, int width, int height, List<Component> components,
        Map<Integer, int[]> quantTables, List<Integer> quantPrecision16, List<HuffmanTable> huffmanTables,
        int restartInterval, List<String> appSegments, List<String> comments, int scans, boolean eoiFound,
        long trailingBytes, List<String> problems) {

    /**
     * One frame component.
     *
     * @param id component identifier
     * @param h horizontal sampling factor
     * @param v vertical sampling factor
     * @param tq quantization table destination id
     */
    public record Component(int id, int h, int v, int tq) {}

    /**
     * One Huffman table.
     *
     * @param tableClass 0 = DC, 1 = AC
     * @param id destination id
     * @param lengths the 16 counts of codes per length (BITS)
     * @param values the symbol values (HUFFVAL)
     */
    public record HuffmanTable(int tableClass, int id, int[] lengths, int[] values) {}

    /** The first component's (luma's) quantization table, or null. */
    public int[] lumaTable() {
        return components.isEmpty() ? null : quantTables.get(components.get(0).tq());
    }

    /** The second component's (chroma's) quantization table, or null for a one-component image. */
    public int[] chromaTable() {
        return components.size() < 2 ? null : quantTables.get(components.get(1).tq());
    }

    /**
     * Chroma subsampling as the usual J:a:b name ("4:2:0", "4:2:2", "4:4:4", "4:4:0", "4:1:1"), "grey" for one
     * component, otherwise the sampling factors spelled out.
     */
    public String subsampling() {
        if (components.isEmpty()) {
            return "unknown";
        }
        if (components.size() == 1) {
            return "grey";
        }
        Component y = components.get(0);
        boolean chromaSame = true;
        for (int i = 1; i < components.size(); i++) {
            Component c = components.get(i);
            chromaSame &= c.h() == 1 && c.v() == 1;
        }
        if (chromaSame) {
            String n = switch (y.h() + "x" + y.v()) {
                case "1x1" -> "4:4:4";
                case "2x1" -> "4:2:2";
                case "2x2" -> "4:2:0";
                case "1x2" -> "4:4:0";
                case "4x1" -> "4:1:1";
                default -> null;
            };
            if (n != null) {
                return n;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (Component c : components) {
            sb.append(sb.isEmpty() ? "" : ",").append(c.h()).append('x').append(c.v());
        }
        return sb.toString();
    }

    /**
     * Why the quantised DCT coefficients of this file cannot be studied (no luminance table, not 8-bit, lossless),
     * or null when they can.
     */
    public String whyNoDctCoefficients() {
        if (lumaTable() == null) {
            return "no luminance quantization table";
        }
        if (precision() != 8) {
            return "sample precision is " + precision() + " bits, not 8";
        }
        if (frameType() != null && frameType().startsWith("lossless")) {
            return "lossless JPEG has no DCT";
        }
        return null;
    }
}
