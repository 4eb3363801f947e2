package dev.unmask.provenance.sign;

import com.upokecenter.cbor.CBORObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-side reader written independently of the signer: extracts the JUMBF manifest store from a JPEG (APP11
 * "JP" segments) or PNG (caBX) and indexes every superbox by its label path.
 */
final class ManifestProbe {
    /** Byte ranges of the carrier (APP11 segments or caBX chunk) in the file. */
    final long carrierStart;
    final long carrierLength;
    final int segments;
    final byte[] store;
    /** label path (e.g. "c2pa/urn:c2pa:.../c2pa.claim.v2") -> [superbox contents, first content box payload]. */
    final Map<String, byte[][]> boxes = new LinkedHashMap<>();

    private ManifestProbe(long start, long length, int segments, byte[] store) {
        this.carrierStart = start;
        this.carrierLength = length;
        this.segments = segments;
        this.store = store;
        walk(store, 0, store.length, "", 0);
    }

    static ManifestProbe jpeg(byte[] f) {
        int pos = 2;
        ByteArrayOutputStream jumbf = new ByteArrayOutputStream();
        long start = -1;
        long end = -1;
        int segs = 0;
        while (pos + 4 <= f.length) {
            int marker = f[pos + 1] & 0xFF;
            if (marker == 0xDA) {
                break;
            }
            int len = ((f[pos + 2] & 0xFF) << 8) | (f[pos + 3] & 0xFF);
            if (marker == 0xEB && f[pos + 4] == 'J' && f[pos + 5] == 'P') {
                int z = JpegContainer.readInt(f, pos + 8);
                if (start < 0) {
                    start = pos;
                }
                if (z != segs + 1) {
                    throw new AssertionError("packet sequence " + z + " after " + segs);
                }
                int dataFrom = pos + 12 + (z == 1 ? 0 : 8);
                jumbf.write(f, dataFrom, pos + 2 + len - dataFrom);
                end = pos + 2 + len;
                segs++;
            }
            pos += 2 + len;
        }
        if (start < 0) {
            throw new AssertionError("no APP11 JUMBF");
        }
        return new ManifestProbe(start, end - start, segs, jumbf.toByteArray());
    }

    static ManifestProbe png(byte[] f) {
        int pos = 8;
        while (pos + 12 <= f.length) {
            int len = JpegContainer.readInt(f, pos);
            String type = new String(f, pos + 4, 4, StandardCharsets.ISO_8859_1);
            if (type.equals("caBX")) {
                byte[] data = java.util.Arrays.copyOfRange(f, pos + 8, pos + 8 + len);
                return new ManifestProbe(pos, len + 12L, 1, data);
            }
            pos += len + 12;
        }
        throw new AssertionError("no caBX");
    }

    private void walk(byte[] b, int from, int to, String path, int depth) {
        int pos = from;
        while (pos + 8 <= to) {
            int len = JpegContainer.readInt(b, pos);
            String type = new String(b, pos + 4, 4, StandardCharsets.US_ASCII);
            if (len < 8 || pos + len > to) {
                throw new AssertionError("bad box at " + pos);
            }
            if (type.equals("jumb")) {
                int dLen = JpegContainer.readInt(b, pos + 8);
                int labelAt = pos + 8 + 8 + 16 + 1;
                int nul = labelAt;
                while (b[nul] != 0) {
                    nul++;
                }
                String label = new String(b, labelAt, nul - labelAt, StandardCharsets.UTF_8);
                String p = path.isEmpty() ? label : path + "/" + label;
                byte[] contents = java.util.Arrays.copyOfRange(b, pos + 8, pos + len);
                int firstChild = pos + 8 + dLen;
                byte[] payload = null;
                if (firstChild + 8 <= pos + len) {
                    int cl = JpegContainer.readInt(b, firstChild);
                    String ct = new String(b, firstChild + 4, 4, StandardCharsets.US_ASCII);
                    if (!ct.equals("jumb")) {
                        payload = java.util.Arrays.copyOfRange(b, firstChild + 8, firstChild + cl);
                    }
                }
                boxes.put(p, new byte[][] {contents, payload});
                if (depth < 8) {
                    walk(b, firstChild, pos + len, p, depth + 1);
                }
            }
            pos += len;
        }
    }

    String manifestPath() {
        for (String k : boxes.keySet()) {
            if (k.startsWith("c2pa/urn:c2pa:") && k.indexOf('/', 5) < 0) {
                return k;
            }
        }
        throw new AssertionError("no manifest");
    }

    CBORObject cbor(String relative) {
        byte[][] e = boxes.get(manifestPath() + "/" + relative);
        if (e == null) {
            throw new AssertionError("missing " + relative + " in " + boxes.keySet());
        }
        return CBORObject.DecodeFromBytes(e[1]);
    }

    byte[] contents(String relative) {
        return boxes.get(manifestPath() + "/" + relative)[0];
    }

    byte[] payload(String relative) {
        return boxes.get(manifestPath() + "/" + relative)[1];
    }

    List<String> assertionLabels() {
        List<String> out = new ArrayList<>();
        String prefix = manifestPath() + "/c2pa.assertions/";
        for (String k : boxes.keySet()) {
            if (k.startsWith(prefix)) {
                out.add(k.substring(prefix.length()));
            }
        }
        return out;
    }
}
