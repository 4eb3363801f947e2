package dev.unmask.provenance.c2pa;

import dev.unmask.provenance.bmff.BmffBoxes;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Extracts the JUMBF manifest store from JPEG APP11 segments (C2PA 2.2 section A.3.2; ISO/IEC 19566-5 annex A
 * "JPEG XT box embedding"). Each APP11 segment carries the Common Identifier {@code JP}, a box instance number En,
 * a packet sequence number Z and a fragment of the superbox; fragments of one instance are ordered by Z and the box
 * header (LBox, TBox and any XLBox) repeated at the start of every fragment after the first is dropped.
 */
final class JpegApp11 {
    private static final int MARKER = 0xff;
    private static final int SOI = 0xd8;
    private static final int EOI = 0xd9;
    private static final int SOS = 0xda;
    private static final int APP11 = 0xeb;
    private static final int RST0 = 0xd0;
    private static final int RST7 = 0xd7;
    private static final int TEM = 0x01;
    private static final int SEGMENT_LENGTH_BYTES = 2;
    private static final int CI_EN_Z_BYTES = 8;
    private static final int BOX_HEADER = 8;
    private static final int EXTENDED_BOX_HEADER = 16;
    private static final String C2PA_TYPE_TAG = "c2pa";
    private static final int JUMD_UUID_OFFSET = BOX_HEADER + BOX_HEADER;

    private record Packet(long sequence, int offset, int length) {}

    private JpegApp11() {}

    static boolean isJpeg(byte[] f) {
        return f.length >= 2 && (f[0] & 0xff) == MARKER && (f[1] & 0xff) == SOI;
    }

    static LocatedStore extract(byte[] f, C2paLimits limits) {
        Map<Integer, List<Packet>> instances = new LinkedHashMap<>();
        int pos = 2;
        int segments = 0;
        while (pos + 1 < f.length) {
            if ((f[pos] & 0xff) != MARKER) {
                break;
            }
            int marker = f[pos + 1] & 0xff;
            if (marker == MARKER) {
                pos++;
                continue;
            }
            pos += 2;
            if (marker == EOI || marker == SOS) {
                break;
            }
            if (marker == SOI || marker == TEM || (marker >= RST0 && marker <= RST7)) {
                continue;
            }
            if (++segments > limits.maxBoxes()) {
                return LocatedStore.malformed("jpeg-app11", "too many JPEG segments");
            }
            if (f.length - pos < SEGMENT_LENGTH_BYTES) {
                break;
            }
            int len = ((f[pos] & 0xff) << 8) | (f[pos + 1] & 0xff);
            if (len < SEGMENT_LENGTH_BYTES || len > f.length - pos) {
                return instances.isEmpty() && marker != APP11 ? LocatedStore.none()
                        : LocatedStore.malformed("jpeg-app11", "JPEG segment at " + pos + " runs past the end of the file");
            }
            if (marker == APP11 && len >= SEGMENT_LENGTH_BYTES + CI_EN_Z_BYTES && f[pos + 2] == 'J' && f[pos + 3] == 'P') {
                int en = ((f[pos + 4] & 0xff) << 8) | (f[pos + 5] & 0xff);
                long z = BmffBoxes.u32(f, pos + 6);
                int dataStart = pos + SEGMENT_LENGTH_BYTES + CI_EN_Z_BYTES;
                instances.computeIfAbsent(en, k -> new ArrayList<>())
                        .add(new Packet(z, dataStart, pos + len - dataStart));
            }
            pos += len;
        }
        if (instances.isEmpty()) {
            return LocatedStore.none();
        }
        LocatedStore fallback = null;
        for (List<Packet> packets : instances.values()) {
            LocatedStore s = assemble(f, packets, limits);
            if (s.kind() == LocatedStore.Kind.EMBEDDED && isC2pa(s.jumbf())) {
                return s;
            }
            if (fallback == null || s.kind() == LocatedStore.Kind.MALFORMED) {
                fallback = s;
            }
        }
        return fallback.kind() == LocatedStore.Kind.MALFORMED ? fallback : LocatedStore.none();
    }

    private static boolean isC2pa(byte[] j) {
        return j.length >= JUMD_UUID_OFFSET + C2PA_TYPE_TAG.length()
                && new String(j, JUMD_UUID_OFFSET, C2PA_TYPE_TAG.length(), java.nio.charset.StandardCharsets.ISO_8859_1).equals(C2PA_TYPE_TAG);
    }

    private static LocatedStore assemble(byte[] f, List<Packet> packets, C2paLimits limits) {
        packets.sort(Comparator.comparingLong(Packet::sequence));
        for (int i = 1; i < packets.size(); i++) {
            if (packets.get(i).sequence() == packets.get(i - 1).sequence()) {
                return LocatedStore.malformed("jpeg-app11", "duplicate APP11 packet sequence number " + packets.get(i).sequence());
            }
        }
        Packet first = packets.get(0);
        if (first.length() < BOX_HEADER) {
            return LocatedStore.malformed("jpeg-app11", "first APP11 packet shorter than a box header");
        }
        long declared = BmffBoxes.u32(f, first.offset());
        int header = declared == 1 ? EXTENDED_BOX_HEADER : BOX_HEADER;
        if (declared == 1) {
            if (first.length() < EXTENDED_BOX_HEADER) {
                return LocatedStore.malformed("jpeg-app11", "first APP11 packet shorter than an extended box header");
            }
            declared = (BmffBoxes.u32(f, first.offset() + BOX_HEADER) << Integer.SIZE)
                    | BmffBoxes.u32(f, first.offset() + BOX_HEADER + 4);
        }
        if (declared > limits.maxStoreBytes()) {
            return LocatedStore.malformed("jpeg-app11", "declared manifest store length " + declared + " exceeds the limit "
                    + limits.maxStoreBytes());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(f, first.offset(), first.length());
        for (int i = 1; i < packets.size(); i++) {
            Packet p = packets.get(i);
            if (p.length() < header) {
                return LocatedStore.malformed("jpeg-app11", "APP11 packet " + p.sequence() + " shorter than the repeated box header");
            }
            if (out.size() + (long) p.length() - header > declared) {
                return LocatedStore.malformed("jpeg-app11", "APP11 packets carry more bytes than the declared box length");
            }
            out.write(f, p.offset() + header, p.length() - header);
        }
        if (out.size() != declared) {
            return LocatedStore.malformed("jpeg-app11", "manifest store truncated: " + out.size() + " of " + declared + " bytes present");
        }
        return new LocatedStore(LocatedStore.Kind.EMBEDDED, out.toByteArray(), null, "jpeg-app11", null);
    }
}
