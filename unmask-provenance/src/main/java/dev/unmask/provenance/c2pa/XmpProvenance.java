package dev.unmask.provenance.c2pa;

import java.nio.charset.StandardCharsets;

/**
 * Finds a remote manifest reference: the XMP {@code dcterms:provenance} property holding an http(s) URL (C2PA 2.2
 * section 11.3 "External manifests"). The URL is reported only; it is never fetched.
 */
final class XmpProvenance {
    private static final byte[] KEY = "dcterms:provenance".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_URL_CHARS = 2048;
    private static final int MAX_OCCURRENCES = 16;

    private XmpProvenance() {}

    static String remoteUrl(byte[] f, C2paLimits limits) {
        int from = 0;
        for (int n = 0; n < MAX_OCCURRENCES; n++) {
            int at = indexOf(f, KEY, from);
            if (at < 0) {
                return null;
            }
            int p = at + KEY.length;
            String url = null;
            if (p + 1 < f.length && f[p] == '=' && (f[p + 1] == '"' || f[p + 1] == '\'')) {
                url = until(f, p + 2, f[p + 1]);
            } else if (p < f.length && f[p] == '>') {
                url = until(f, p + 1, (byte) '<');
            }
            if (url != null && (url.startsWith("https://") || url.startsWith("http://"))) {
                return url;
            }
            from = p;
        }
        return null;
    }

    private static String until(byte[] f, int start, byte stop) {
        int end = start;
        while (end < f.length && f[end] != stop && end - start < MAX_URL_CHARS) {
            end++;
        }
        return end < f.length && f[end] == stop ? new String(f, start, end - start, StandardCharsets.UTF_8).trim() : null;
    }

    private static int indexOf(byte[] f, byte[] key, int from) {
        outer:
        for (int i = from; i <= f.length - key.length; i++) {
            for (int j = 0; j < key.length; j++) {
                if (f[i + j] != key[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
