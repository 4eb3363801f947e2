package dev.unmask.provenance.sign;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Embeds a manifest store in JPEG 1 APP11 marker segments (C2PA 2.2 Annex A.3.1 "JPEG"; ISO/IEC 19566-5:2023
 * D.2; JPEG XT ISO/IEC 18477-3). Each segment is {@code FFEB Le CI="JP" En Z payload}; the first payload starts with
 * the manifest store superbox, every later one repeats its LBox/TBox before the continuation bytes. The segments
 * are contiguous and inserted after SOI and any leading APP0/APP1 segments (JFIF, Exif, XMP), which is where
 * c2pa-rs puts them, so one exclusion range covers markers, lengths and data (C2PA 2.2 section 18.5).
 */
final class JpegContainer implements Container {
    /** APP11 marker second byte. */
    static final int APP11 = 0xEB;
    /** Largest segment length field value. */
    static final int MAX_LE = 0xFFFF;
    /** Le(2) + CI(2) + En(2) + Z(4). */
    static final int SEGMENT_OVERHEAD = 10;
    /** Common identifier "JP". */
    static final int CI_JP = 0x4A50;
    /** Most markers scanned before the first scan. */
    static final int MAX_SEGMENTS = 65_536;
    private static final int SOI = 0xD8;
    private static final int SOS = 0xDA;
    private static final int EOI = 0xD9;
    private static final int APP0 = 0xE0;
    private static final int APP1 = 0xE1;
    private static final int TEM = 0x01;
    private static final int RST0 = 0xD0;
    private static final int RST7 = 0xD7;

    private int boxInstance = 1;

    @Override
    public Prepared prepare(byte[] asset, boolean replace) throws SigningException {
        if (asset.length < 4 || (asset[0] & 0xFF) != 0xFF || (asset[1] & 0xFF) != SOI) {
            throw malformed("not a JPEG (no SOI)");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(asset.length);
        out.write(asset, 0, 2);
        int pos = 2;
        int insertAt = -1;
        boolean removed = false;
        boolean inC2pa = false;
        boolean scanned = false;
        Set<Integer> usedInstances = new HashSet<>();
        for (int n = 0; n < MAX_SEGMENTS; n++) {
            if (pos + 2 > asset.length) {
                throw malformed("truncated before a scan");
            }
            if ((asset[pos] & 0xFF) != 0xFF) {
                throw malformed("expected a marker at " + pos);
            }
            int marker = asset[pos + 1] & 0xFF;
            if (marker == 0xFF) {
                out.write(asset[pos]);
                pos++;
                continue;
            }
            if (marker == SOI || marker == EOI || marker == TEM || (marker >= RST0 && marker <= RST7)) {
                throw malformed("unexpected marker " + Integer.toHexString(marker) + " before a scan");
            }
            if (insertAt < 0 && marker != APP0 && marker != APP1) {
                insertAt = out.size();
            }
            if (marker == SOS) {
                out.write(asset, pos, asset.length - pos);
                scanned = true;
                break;
            }
            if (pos + 4 > asset.length) {
                throw malformed("truncated segment header");
            }
            int len = ((asset[pos + 2] & 0xFF) << 8) | (asset[pos + 3] & 0xFF);
            if (len < 2 || pos + 2 + len > asset.length) {
                throw malformed("segment length out of range at " + pos);
            }
            boolean jumbfSegment = marker == APP11 && len >= SEGMENT_OVERHEAD
                    && (((asset[pos + 4] & 0xFF) << 8) | (asset[pos + 5] & 0xFF)) == CI_JP;
            if (jumbfSegment) {
                int en = ((asset[pos + 6] & 0xFF) << 8) | (asset[pos + 7] & 0xFF);
                int z = readInt(asset, pos + 8);
                if (z == 1) {
                    inC2pa = isC2paStore(asset, pos + 2 + SEGMENT_OVERHEAD, pos + 2 + len);
                }
                if (inC2pa) {
                    if (!replace) {
                        throw new SigningException(SigningException.Reason.ALREADY_SIGNED,
                                "the JPEG already carries a C2PA manifest store");
                    }
                    removed = true;
                    pos += 2 + len;
                    continue;
                }
                usedInstances.add(en);
            } else {
                inC2pa = false;
            }
            out.write(asset, pos, 2 + len);
            pos += 2 + len;
        }
        if (!scanned) {
            throw malformed("no scan found within " + MAX_SEGMENTS + " markers");
        }
        boxInstance = 1;
        while (usedInstances.contains(boxInstance)) {
            boxInstance++;
        }
        return new Prepared(out.toByteArray(), insertAt, removed);
    }

    @Override
    public byte[] wrap(byte[] jumbf) throws SigningException {
        if (jumbf.length < Jumbf.HEADER) {
            throw malformed("store too small");
        }
        int firstCapacity = MAX_LE - SEGMENT_OVERHEAD;
        int nextCapacity = firstCapacity - Jumbf.HEADER;
        ByteArrayOutputStream out = new ByteArrayOutputStream(jumbf.length + jumbf.length / nextCapacity * 20 + 32);
        int pos = 0;
        int seq = 1;
        while (pos < jumbf.length) {
            boolean first = seq == 1;
            int take = Math.min(first ? firstCapacity : nextCapacity, jumbf.length - pos);
            int le = SEGMENT_OVERHEAD + (first ? 0 : Jumbf.HEADER) + take;
            out.write(0xFF);
            out.write(APP11);
            out.write(le >>> 8);
            out.write(le);
            out.write(CI_JP >>> 8);
            out.write(CI_JP);
            out.write(boxInstance >>> 8);
            out.write(boxInstance);
            Jumbf.writeInt(out, seq);
            if (!first) {
                out.write(jumbf, 0, Jumbf.HEADER);
            }
            out.write(jumbf, pos, take);
            pos += take;
            seq++;
        }
        return out.toByteArray();
    }

    /** Whether the box starting at {@code from} is a jumb superbox whose jumd label is "c2pa". */
    static boolean isC2paStore(byte[] b, int from, int end) {
        int labelAt = from + Jumbf.HEADER + Jumbf.HEADER + 16 + 1;
        if (labelAt + 5 > end) {
            return false;
        }
        String t1 = new String(b, from + 4, 4, StandardCharsets.US_ASCII);
        String t2 = new String(b, from + 12, 4, StandardCharsets.US_ASCII);
        String label = new String(b, labelAt, 4, StandardCharsets.US_ASCII);
        return t1.equals("jumb") && t2.equals("jumd") && label.equals("c2pa") && b[labelAt + 4] == 0;
    }

    static int readInt(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    private static SigningException malformed(String why) {
        return new SigningException(SigningException.Reason.UNSUPPORTED_OR_MALFORMED, "JPEG: " + why);
    }
}
