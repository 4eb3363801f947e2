package dev.unmask.provenance.c2pa;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link ManifestStoreResult} as nested maps/lists/strings/numbers for {@code unmask provenance --json}:
 * the whole store (claims and decoded assertions, CBOR converted to JSON with byte strings as base64) and all
 * statuses. Byte strings longer than {@link #MAX_INLINE_BYTES} are summarised by their length, and nesting deeper
 * than {@link #MAX_DEPTH} is cut, so the output stays bounded.
 */
final class StoreJson {
    /** Longest byte string inlined as base64 (thumbnails and signatures above this are summarised). */
    static final int MAX_INLINE_BYTES = 64 * 1024;
    /** Deepest nesting rendered. */
    static final int MAX_DEPTH = 64;

    private StoreJson() {}

    static Map<String, Object> render(ManifestStoreResult r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("state", r.state().name().toLowerCase(java.util.Locale.ROOT));
        put(out, "remote_url", r.remoteUrl());
        put(out, "container", r.container());
        put(out, "active_manifest", r.activeManifest());
        if (!r.storeStatuses().isEmpty()) {
            out.put("store_statuses", statuses(r.storeStatuses()));
        }
        Map<String, Object> manifests = new LinkedHashMap<>();
        for (int i = 0; i < r.manifests().size(); i++) {
            ManifestReport m = r.manifests().get(i);
            ParsedManifest p = i < r.parsed().size() ? r.parsed().get(i) : null;
            manifests.put(m.label(), manifest(m, p));
        }
        out.put("manifests", manifests);
        return out;
    }

    private static Map<String, Object> manifest(ManifestReport m, ParsedManifest p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("active", m.active());
        if (p != null) {
            put(out, "claim_label", p.claimLabel());
            put(out, "claim", p.claim() == null ? null : value(p.claim(), 0));
            Map<String, Object> assertions = new LinkedHashMap<>();
            for (AssertionBox a : p.assertions()) {
                assertions.put(a.label(), a.data() != null ? value(a.data(), 0)
                        : Map.of("content_type", a.contentType(), "size", a.box().payloadLength()));
            }
            out.put("assertions", assertions);
        }
        if (m.signature() != null) {
            out.put("signature", signature(m.signature()));
        }
        Map<String, Object> vr = new LinkedHashMap<>();
        vr.put("success", statuses(m.success()));
        vr.put("informational", statuses(m.informational()));
        vr.put("failure", statuses(m.failure()));
        out.put("validation_results", vr);
        out.put("ingredients", ingredients(m.ingredients()));
        return out;
    }

    private static Map<String, Object> signature(SignatureOutcome s) {
        Map<String, Object> out = new LinkedHashMap<>();
        put(out, "subject", s.signerSubject());
        put(out, "organization", s.signerOrganization());
        put(out, "issuer", s.issuer());
        put(out, "time", s.signingTime() == null ? null : s.signingTime().toString());
        put(out, "alg", s.algorithm());
        out.put("trusted", s.trusted());
        return out;
    }

    private static List<Object> ingredients(List<IngredientNode> nodes) {
        List<Object> out = new ArrayList<>();
        for (IngredientNode n : nodes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("url", n.assertionUrl());
            put(m, "title", n.title());
            put(m, "format", n.format());
            put(m, "relationship", n.relationship());
            put(m, "manifest", n.manifestLabel());
            m.put("statuses", statuses(n.statuses()));
            if (n.signature() != null) {
                m.put("signature", signature(n.signature()));
            }
            m.put("ingredients", ingredients(n.ingredients()));
            out.add(m);
        }
        return out;
    }

    static List<Object> statuses(List<ValidationStatus> list) {
        List<Object> out = new ArrayList<>();
        for (ValidationStatus s : list) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", s.code());
            put(m, "url", s.url());
            put(m, "explanation", s.explanation());
            m.put("kind", s.kind().name().toLowerCase(java.util.Locale.ROOT));
            out.add(m);
        }
        return out;
    }

    /** Converts a decoded CBOR/JSON value to JSON-friendly objects. */
    static Object value(Object v, int depth) {
        if (depth > MAX_DEPTH) {
            return "(nesting cut)";
        }
        if (v instanceof byte[] b) {
            return b.length <= MAX_INLINE_BYTES ? Base64.getEncoder().encodeToString(b) : Map.of("bytes", b.length);
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), value(x, depth + 1)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(x -> out.add(value(x, depth + 1)));
            return out;
        }
        if (v instanceof CborReader.Tagged t) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("tag", t.tag());
            out.put("value", value(t.value(), depth + 1));
            return out;
        }
        if (v instanceof CborReader.Simple s) {
            return s.value();
        }
        if (v instanceof BigInteger bi) {
            return bi.toString();
        }
        if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return d.toString();
        }
        return v;
    }

    private static void put(Map<String, Object> m, String k, Object v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}
