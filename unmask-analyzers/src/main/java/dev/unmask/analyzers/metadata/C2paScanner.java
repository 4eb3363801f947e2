package dev.unmask.analyzers.metadata;

import dev.unmask.api.MediaType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds embedded C2PA manifest stores without validating them: JPEG APP11 segments carrying JUMBF boxes
 * (ISO/IEC 19566-5, packetised as in JPEG XT ISO/IEC 18477-3: "JP", box instance, packet sequence, then the
 * repeated box header), the PNG {@code caBX} chunk and the WebP RIFF {@code C2PA} chunk (C2PA specification 2.x,
 * "Embedding manifests into assets"). The walk is bounded by the file, by a segment count, and stops at the
 * first inconsistency (a truncated file yields what was seen before the damage).
 */
final class C2paScanner {
    /**
     * What was found.
     *
     * @param segments APP11 segments or chunks holding JUMBF
     * @param bytes their total size in bytes
     * @param storeLabel the label of the top JUMBF superbox ("c2pa" for a C2PA manifest store), or null
     * @param manifests labels of the manifests in the store
     * @param truncated whether the walk met a segment running past the end of the file
     */
    record Result(int segments, long bytes, String storeLabel, List<String> manifests, boolean truncated) {
        boolean present() {
            return segments > 0;
        }
    }

    private static final int MAX_SEGMENTS = JpegSegments.MAX_SEGMENTS;
    private static final int MAX_LABELS = 32;
    private static final int APP11 = 0xEB;
    private static final int JUMBF_PACKET_HEADER = 8;
    private static final int BOX_HEADER = 8;
    private static final int UUID_BYTES = 16;
    private static final int LABEL_TOGGLE = 0x02;

    private C2paScanner() {}

    /** Scans {@code b} according to its detected type; other formats yield an empty result. */
    static Result scan(MediaType type, byte[] b) {
        if (MediaType.JPEG.equals(type)) {
            return jpeg(b);
        }
        if (MediaType.PNG.equals(type)) {
            return png(b);
        }
        if (MediaType.WEBP.equals(type)) {
            return webp(b);
        }
        return new Result(0, 0, null, List.of(), false);
    }

    static Result jpeg(byte[] b) {
        Map<Integer, TreeMap<Long, byte[]>> packets = new TreeMap<>();
        int[] segments = {0};
        long[] total = {0};
        boolean[] truncated = {false};
        JpegSegments.walk(b, (m, p, end, cut) -> {
            truncated[0] |= cut;
            if (m == APP11 && end - p >= JUMBF_PACKET_HEADER + BOX_HEADER && b[p] == 'J' && b[p + 1] == 'P'
                    && type(b, p + JUMBF_PACKET_HEADER + 4).equals("jumb")) {
                int instance = u16(b, p + 2);
                long seq = u32(b, p + 4);
                int boxStart = p + JUMBF_PACKET_HEADER;
                // continuation packets repeat the box header (and the XLBox when LBox = 1): skip it
                int skip = seq > 1 ? (u32(b, boxStart) == 1 ? BOX_HEADER + 8 : BOX_HEADER) : 0;
                byte[] data = java.util.Arrays.copyOfRange(b, Math.min(end, boxStart + skip), end);
                packets.computeIfAbsent(instance, k -> new TreeMap<>()).putIfAbsent(seq, data);
                segments[0]++;
                total[0] += end - p + 4;
            }
        });
        String label = null;
        List<String> manifests = List.of();
        for (TreeMap<Long, byte[]> parts : packets.values()) {
            ByteArrayOutputStream box = new ByteArrayOutputStream();
            parts.values().forEach(box::writeBytes);
            byte[] d = box.toByteArray();
            String l = superboxLabel(d, 0, d.length);
            if (label == null || "c2pa".equals(l)) {
                label = l;
                manifests = childLabels(d, 0, d.length);
            }
            if ("c2pa".equals(l)) {
                break;
            }
        }
        return new Result(segments[0], total[0], label, manifests, truncated[0]);
    }

    /** PNG: 4-byte big-endian length, 4-byte type, data, CRC; the store is the {@code caBX} chunk; stops at IEND. */
    static Result png(byte[] b) {
        return chunks(b, new ChunkLayout(8, 4, 0, false, 4, "caBX", "IEND"));
    }

    /** WebP (RIFF): 4-byte type, 4-byte little-endian length, data padded to even; the store is the {@code C2PA} chunk. */
    static Result webp(byte[] b) {
        return chunks(b, new ChunkLayout(12, 0, 4, true, 0, "C2PA", null));
    }

    /**
     * Where a container's chunk fields sit.
     *
     * @param first offset of the first chunk
     * @param typeAt offset of the 4-byte type within a chunk header
     * @param lengthAt offset of the 4-byte length within a chunk header
     * @param littleEndian whether the length is little-endian (RIFF) rather than big-endian (PNG)
     * @param trailer bytes after the data (PNG's CRC; RIFF pads odd lengths to even instead)
     * @param storeType the chunk type carrying the JUMBF manifest store
     * @param endType the chunk type after which nothing is read, or null
     */
    private record ChunkLayout(int first, int typeAt, int lengthAt, boolean littleEndian, int trailer, String storeType,
                               String endType) {}

    /** Walks the 8-byte-header chunks of a PNG or RIFF file, bounded by {@link #MAX_SEGMENTS}. */
    private static Result chunks(byte[] b, ChunkLayout l) {
        int i = l.first();
        int segments = 0;
        long total = 0;
        boolean truncated = false;
        String label = null;
        List<String> manifests = List.of();
        int walked = 0;
        while (i + 8 <= b.length && walked++ < MAX_SEGMENTS) {
            long len = l.littleEndian() ? u32le(b, i + l.lengthAt()) : u32(b, i + l.lengthAt());
            String t = type(b, i + l.typeAt());
            long end = i + 8 + len + (l.littleEndian() ? (len & 1) : l.trailer());
            if (len > Integer.MAX_VALUE || end > b.length) {
                truncated = true;
            }
            if (t.equals(l.storeType())) {
                int s = i + 8;
                int e = (int) Math.min(b.length, s + len);
                segments++;
                total += e - i;
                if (label == null) {
                    label = superboxLabel(b, s, e);
                    manifests = childLabels(b, s, e);
                }
            }
            if (t.equals(l.endType()) || truncated) {
                break;
            }
            i = (int) end;
        }
        return new Result(segments, total, label, manifests, truncated);
    }

    /** The label in the description box of the superbox at {@code off}, or null. */
    static String superboxLabel(byte[] d, int off, int end) {
        int[] box = box(d, off, end);
        if (box == null || !type(d, off + 4).equals("jumb")) {
            return null;
        }
        return descriptionLabel(d, box[0], box[1]);
    }

    /** Labels of the superboxes nested directly in the superbox at {@code off} (the manifests of a store). */
    static List<String> childLabels(byte[] d, int off, int end) {
        int[] box = box(d, off, end);
        List<String> out = new ArrayList<>();
        if (box == null) {
            return out;
        }
        int p = box[0];
        while (p + BOX_HEADER <= box[1] && out.size() < MAX_LABELS) {
            int[] child = box(d, p, box[1]);
            if (child == null) {
                break;
            }
            if (type(d, p + 4).equals("jumb")) {
                String l = descriptionLabel(d, child[0], child[1]);
                out.add(l == null ? "(unlabelled)" : l);
            }
            p = child[2];
        }
        return out;
    }

    /** For the first child (a 'jumd' box) of a superbox content range: its label, or null. */
    private static String descriptionLabel(byte[] d, int contentStart, int contentEnd) {
        int[] jumd = box(d, contentStart, contentEnd);
        if (jumd == null || !type(d, contentStart + 4).equals("jumd")) {
            return null;
        }
        int p = jumd[0] + UUID_BYTES;
        if (p >= jumd[1] || (d[p] & LABEL_TOGGLE) == 0) {
            return null;
        }
        int s = p + 1;
        int e = s;
        while (e < jumd[1] && d[e] != 0) {
            e++;
        }
        return new String(d, s, e - s, StandardCharsets.UTF_8);
    }

    /** {content start, content end, box end} of the box at {@code off}, or null when malformed. */
    private static int[] box(byte[] d, int off, int end) {
        if (off < 0 || off + BOX_HEADER > end) {
            return null;
        }
        long size = u32(d, off);
        int header = BOX_HEADER;
        if (size == 1) {
            if (off + BOX_HEADER + 8 > end) {
                return null;
            }
            size = (u32(d, off + 8) << 32) | u32(d, off + 12);
            header = BOX_HEADER + 8;
        } else if (size == 0) {
            size = end - off;
        }
        if (size < header) {
            return null;
        }
        long boxEnd = Math.min((long) end, off + size);
        return new int[] {off + header, (int) boxEnd, (int) boxEnd};
    }

    private static String type(byte[] b, int off) {
        if (off < 0 || off + 4 > b.length) {
            return "";
        }
        return new String(b, off, 4, StandardCharsets.ISO_8859_1);
    }

    private static int u16(byte[] b, int off) {
        return off + 2 > b.length ? 0 : ((b[off] & 0xff) << 8) | (b[off + 1] & 0xff);
    }

    private static long u32(byte[] b, int off) {
        if (off < 0 || off + 4 > b.length) {
            return 0;
        }
        return ((long) (b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
    }

    private static long u32le(byte[] b, int off) {
        if (off + 4 > b.length) {
            return 0;
        }
        return ((long) (b[off + 3] & 0xff) << 24) | ((b[off + 2] & 0xff) << 16) | ((b[off + 1] & 0xff) << 8) | (b[off] & 0xff);
    }
}
