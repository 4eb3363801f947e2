package dev.unmask.provenance.c2pa;

import java.util.Map;

/**
 * A hashed URI (C2PA 2.2 section 8.3): a JUMBF URI, an optional hash algorithm and the expected hash.
 *
 * @param url the JUMBF URI, e.g. {@code self#jumbf=c2pa.assertions/c2pa.hash.data}
 * @param alg the algorithm, or null to use the claim's
 * @param hash the expected hash, or null if absent/malformed
 */
public record HashedUri(String url, String alg, byte[] hash) {
    private static final String SELF = "self#jumbf=";
    private static final String STORE_PREFIX = "/c2pa/";

    /** Reads a hashed URI map, or returns null if {@code o} is not a map with a string url. */
    static HashedUri from(Object o) {
        if (!(o instanceof Map<?, ?> m) || !(m.get("url") instanceof String url)) {
            return null;
        }
        return new HashedUri(url, m.get("alg") instanceof String a ? a : null, m.get("hash") instanceof byte[] h ? h : null);
    }

    /** The manifest label an absolute URI points into, or {@code current} for a relative one. */
    String manifestLabel(String current) {
        String p = path();
        if (p.startsWith(STORE_PREFIX)) {
            String rest = p.substring(STORE_PREFIX.length());
            int slash = rest.indexOf('/');
            return slash < 0 ? rest : rest.substring(0, slash);
        }
        return current;
    }

    /** The path inside the manifest (e.g. {@code c2pa.assertions/c2pa.hash.data}), empty for the manifest itself. */
    String pathInManifest() {
        String p = path();
        if (p.startsWith(STORE_PREFIX)) {
            String rest = p.substring(STORE_PREFIX.length());
            int slash = rest.indexOf('/');
            return slash < 0 ? "" : rest.substring(slash + 1);
        }
        return p.startsWith("/") ? p.substring(1) : p;
    }

    private String path() {
        String p = url.startsWith(SELF) ? url.substring(SELF.length()) : url;
        return p.startsWith(STORE_PREFIX.substring(1)) ? "/" + p : p;
    }

    /** The absolute form of this URI given the manifest it appears in. */
    String absolute(String currentManifest) {
        String in = pathInManifest();
        return SELF + STORE_PREFIX + manifestLabel(currentManifest) + (in.isEmpty() ? "" : "/" + in);
    }
}
