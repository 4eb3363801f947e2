package dev.unmask.analyzers.jpeg;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bounded, defensive reader of JPEG marker segments (ITU-T T.81 Annex B; JFIF/Exif application segments).
 * It never reads past the end of the input: every segment length is checked, entropy-coded data is skipped
 * byte-wise until the next real marker, and problems are recorded instead of thrown. It decodes no pixels.
 */
public final class JpegParser {
    /** Zig-zag scan position to natural (row-major) index, T.81 Figure A.6. */
    public static final int[] ZIGZAG = zigzag();
    /** At most this many segments are read; beyond that the file is treated as hostile. */
    private static final int MAX_SEGMENTS = 100_000;
    /** At most this many characters of a COM segment are kept. */
    private static final int MAX_COMMENT_CHARS = 200;
    /** At most this many APPn / COM entries are listed. */
    private static final int MAX_LISTED = 64;

    private JpegParser() {}

    private static int[] zigzag() {
        int[] zz = new int[64];
        int i = 0;
        for (int s = 0; s < 15; s++) {
            int lo = Math.max(0, s - 7);
            int hi = Math.min(s, 7);
            if (s % 2 == 0) {
                for (int r = hi; r >= lo; r--) {
                    zz[i++] = r * 8 + (s - r);
                }
            } else {
                for (int r = lo; r <= hi; r++) {
                    zz[i++] = r * 8 + (s - r);
                }
            }
        }
        return zz;
    }

    /** Parses {@code b}; returns null when it does not start with SOI. */
    public static JpegStructure parse(byte[] b) {
        if (b.length < 2 || (b[0] & 0xff) != 0xFF || (b[1] & 0xff) != 0xD8) {
            return null;
        }
        State s = new State();
        int pos = 2;
        int segments = 0;
        while (pos < b.length) {
            if (++segments > MAX_SEGMENTS) {
                s.problems.add("more than " + MAX_SEGMENTS + " segments; stopped");
                break;
            }
            if ((b[pos] & 0xff) != 0xFF) {
                s.problems.add("expected a marker at offset " + pos);
                pos = nextMarker(b, pos);
                if (pos < 0) {
                    break;
                }
                continue;
            }
            while (pos < b.length && (b[pos] & 0xff) == 0xFF) {
                pos++; // fill bytes
            }
            if (pos >= b.length) {
                break;
            }
            int m = b[pos] & 0xff;
            pos++;
            if (m == 0xD9) {
                s.eoi = true;
                s.trailing = b.length - pos;
                break;
            }
            if (m == 0xD8 || m == 0x01 || (m >= 0xD0 && m <= 0xD7)) {
                continue; // standalone markers
            }
            if (pos + 2 > b.length) {
                s.problems.add("truncated segment length for marker 0x" + Integer.toHexString(m));
                break;
            }
            int len = ((b[pos] & 0xff) << 8) | (b[pos + 1] & 0xff);
            if (len < 2 || pos + len > b.length) {
                s.problems.add("segment 0x" + Integer.toHexString(m).toUpperCase() + " at offset " + (pos - 2)
                        + " declares length " + len + " beyond the file");
                break;
            }
            int start = pos + 2;
            int end = pos + len;
            segment(s, m, b, start, end);
            pos = end;
            if (m == 0xDA) {
                s.scans++;
                s.seenScan = true;
                pos = nextMarker(b, pos);
                if (pos < 0) {
                    s.problems.add("entropy-coded data runs to the end of the file (no EOI)");
                    break;
                }
            }
        }
        if (!s.eoi && s.problems.isEmpty()) {
            s.problems.add("no EOI marker (file truncated)");
        }
        return new JpegStructure(s.frameType, s.precision, s.width, s.height, List.copyOf(s.components),
                s.quant, List.copyOf(s.quant16), List.copyOf(s.huffman), s.restart, List.copyOf(s.apps),
                List.copyOf(s.comments), s.scans, s.eoi, s.trailing, List.copyOf(s.problems));
    }

    /** Offset of the next 0xFF that starts a real marker (not stuffing, not RSTn), or -1. */
    private static int nextMarker(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) {
            if ((b[i] & 0xff) != 0xFF) {
                continue;
            }
            int n = b[i + 1] & 0xff;
            if (n == 0x00 || n == 0xFF || (n >= 0xD0 && n <= 0xD7)) {
                continue;
            }
            return i;
        }
        return -1;
    }

    private static void segment(State s, int m, byte[] b, int start, int end) {
        if (m == 0xDB) {
            dqt(s, b, start, end);
        } else if (m == 0xC4) {
            dht(s, b, start, end);
        } else if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
            sof(s, m, b, start, end);
        } else if (m == 0xDD) {
            if (end - start >= 2) {
                s.restart = ((b[start] & 0xff) << 8) | (b[start + 1] & 0xff);
            }
        } else if (m >= 0xE0 && m <= 0xEF) {
            if (s.apps.size() < MAX_LISTED) {
                s.apps.add("APP" + (m - 0xE0) + appName(b, start, end) + " (" + (end - start) + " bytes)");
            }
        } else if (m == 0xFE && s.comments.size() < MAX_LISTED) {
            int n = Math.min(end - start, MAX_COMMENT_CHARS);
            String text = new String(b, start, n, StandardCharsets.ISO_8859_1).replaceAll("[\\p{Cntrl}]", " ").strip();
            s.comments.add(text);
        }
    }

    private static String appName(byte[] b, int start, int end) {
        int n = 0;
        while (start + n < end && n < 32 && b[start + n] != 0 && b[start + n] >= 0x20 && b[start + n] < 0x7f) {
            n++;
        }
        return n == 0 ? "" : " " + new String(b, start, n, StandardCharsets.US_ASCII);
    }

    private static void dqt(State s, byte[] b, int p, int end) {
        while (p < end) {
            int pq = (b[p] & 0xff) >> 4;
            int tq = b[p] & 0x0f;
            int size = pq == 0 ? 64 : 128;
            if (p + 1 + size > end || tq > 3 || pq > 1) {
                s.problems.add("malformed DQT table (precision " + pq + ", id " + tq + ")");
                return;
            }
            int[] natural = new int[64];
            for (int k = 0; k < 64; k++) {
                int v = pq == 0 ? b[p + 1 + k] & 0xff
                        : ((b[p + 1 + 2 * k] & 0xff) << 8) | (b[p + 2 + 2 * k] & 0xff);
                natural[ZIGZAG[k]] = v;
            }
            if (!s.seenScan || !s.quant.containsKey(tq)) {
                s.quant.put(tq, natural);
                if (pq == 1 && !s.quant16.contains(tq)) {
                    s.quant16.add(tq);
                }
            }
            p += 1 + size;
        }
    }

    private static void dht(State s, byte[] b, int p, int end) {
        while (p < end) {
            if (p + 17 > end) {
                s.problems.add("malformed DHT table header");
                return;
            }
            int tc = (b[p] & 0xff) >> 4;
            int th = b[p] & 0x0f;
            int[] lengths = new int[16];
            int total = 0;
            for (int i = 0; i < 16; i++) {
                lengths[i] = b[p + 1 + i] & 0xff;
                total += lengths[i];
            }
            if (p + 17 + total > end || tc > 1 || th > 3) {
                s.problems.add("malformed DHT table (class " + tc + ", id " + th + ")");
                return;
            }
            int[] values = new int[total];
            for (int i = 0; i < total; i++) {
                values[i] = b[p + 17 + i] & 0xff;
            }
            if (s.huffman.size() < MAX_LISTED) {
                s.huffman.add(new JpegStructure.HuffmanTable(tc, th, lengths, values));
            }
            p += 17 + total;
        }
    }

    private static void sof(State s, int m, byte[] b, int p, int end) {
        if (s.frameType != null) {
            s.problems.add("more than one SOF segment");
            return;
        }
        int process = m & 0x03;
        String name = switch (process) {
            case 0 -> (m & 0x08) == 0 && m == 0xC0 ? "baseline" : "extended";
            case 1 -> "extended";
            case 2 -> "progressive";
            default -> "lossless";
        };
        if ((m & 0x04) != 0) {
            name += "-hierarchical";
        }
        if ((m & 0x08) != 0) {
            name += "-arithmetic";
        }
        s.frameType = name;
        if (end - p < 6) {
            s.problems.add("truncated SOF segment");
            return;
        }
        s.precision = b[p] & 0xff;
        s.height = ((b[p + 1] & 0xff) << 8) | (b[p + 2] & 0xff);
        s.width = ((b[p + 3] & 0xff) << 8) | (b[p + 4] & 0xff);
        int n = b[p + 5] & 0xff;
        if (p + 6 + 3 * n > end) {
            s.problems.add("SOF declares " + n + " components beyond its length");
            return;
        }
        for (int i = 0; i < n; i++) {
            int q = p + 6 + 3 * i;
            s.components.add(new JpegStructure.Component(b[q] & 0xff, (b[q + 1] & 0xff) >> 4, b[q + 1] & 0x0f,
                    b[q + 2] & 0xff));
        }
    }

    /** Mutable parse state. */
    private static final class State {
        String frameType;
        int precision;
        int width;
        int height;
        final List<JpegStructure.Component> components = new ArrayList<>();
        final Map<Integer, int[]> quant = new LinkedHashMap<>();
        final List<Integer> quant16 = new ArrayList<>();
        final List<JpegStructure.HuffmanTable> huffman = new ArrayList<>();
        int restart;
        final List<String> apps = new ArrayList<>();
        final List<String> comments = new ArrayList<>();
        int scans;
        boolean seenScan;
        boolean eoi;
        long trailing;
        final List<String> problems = new ArrayList<>();
    }
}
