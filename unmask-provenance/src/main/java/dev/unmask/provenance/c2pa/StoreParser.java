package dev.unmask.provenance.c2pa;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unmask.provenance.jumbf.JumbfBox;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Turns a parsed JUMBF manifest store into {@link ParsedManifest}s (C2PA 2.2 section A.3: the store superbox of
 * type {@code c2pa} holds manifest superboxes, each with an assertion store {@code c2pa.assertions}, a claim
 * {@code c2pa.claim}/{@code c2pa.claim.v2} and a signature {@code c2pa.signature}). Structural problems become
 * failure statuses with the reference implementation's codes.
 */
final class StoreParser {
    static final String CLAIM_V1 = "c2pa.claim";
    static final String CLAIM_V2 = "c2pa.claim.v2";
    static final String ASSERTIONS = "c2pa.assertions";
    static final String SIGNATURE = "c2pa.signature";
    /** Unofficial code the reference implementation reports for pre-1.0 (JSON claim) manifests. */
    static final String STATUS_PRERELEASE = StatusCodes.COM_ADOBE_PRERELEASE;
    private static final String CBOR = "cbor";
    private static final String UPDATE_MANIFEST_TAG = "c2um";
    private static final String JSON = "json";
    private static final String EMBEDDED_DESCRIPTION = "bfdb";
    private static final String EMBEDDED_DATA = "bidb";
    private static final String UUID_BOX = "uuid";

    private final byte[] store;
    private final C2paLimits limits;
    private final ObjectMapper json;

    StoreParser(byte[] store, C2paLimits limits) {
        this.store = store;
        this.limits = limits;
        this.json = limits.maxCborNesting() == C2paLimits.DEFAULT_MAX_CBOR_NESTING ? DEFAULT_JSON : mapper(limits.maxCborNesting());
    }

    private static final ObjectMapper DEFAULT_JSON = mapper(C2paLimits.DEFAULT_MAX_CBOR_NESTING);

    /** A JSON reader whose nesting is bounded like CBOR's (thread-safe once configured). */
    private static ObjectMapper mapper(int maxNesting) {
        JsonFactory f = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxNesting).build())
                .build();
        return new ObjectMapper(f);
    }

    List<ParsedManifest> manifests(JumbfBox root) {
        List<ParsedManifest> out = new ArrayList<>();
        for (JumbfBox m : root.children()) {
            if (m.isSuperbox()) {
                out.add(manifest(m));
            }
        }
        return out;
    }

    private ParsedManifest manifest(JumbfBox m) {
        String label = m.label() == null ? "" : m.label();
        String uri = "self#jumbf=/c2pa/" + label;
        List<ValidationStatus> failures = new ArrayList<>();
        int v1 = m.countChildren(CLAIM_V1);
        int v2 = m.countChildren(CLAIM_V2);
        String claimLabel = v2 > 0 ? CLAIM_V2 : v1 > 0 ? CLAIM_V1 : null;
        byte[] claimBytes = null;
        Map<?, ?> claim = null;
        if (claimLabel == null) {
            failures.add(new ValidationStatus(StatusCodes.CLAIM_MISSING, uri, "manifest has no claim box"));
        } else if (v1 + v2 > 1) {
            failures.add(new ValidationStatus(StatusCodes.CLAIM_MULTIPLE, uri + "/" + claimLabel, "manifest has more than one claim"));
        }
        if (claimLabel != null) {
            JumbfBox c = m.child(claimLabel);
            JumbfBox content = c.firstContent();
            String curi = uri + "/" + claimLabel;
            if (content != null && JSON.equals(content.type())) {
                failures.add(new ValidationStatus(STATUS_PRERELEASE, curi, "pre-release (JSON) claim"));
            } else if (content == null || !CBOR.equals(content.type())) {
                failures.add(new ValidationStatus(StatusCodes.CLAIM_MALFORMED, curi, "claim box has no CBOR content"));
            } else {
                claimBytes = Arrays.copyOfRange(store, content.payloadOffset(), content.payloadOffset() + content.payloadLength());
                try {
                    Object o = CborReader.decode(claimBytes, limits.maxCborNesting(), C2paLimits.MAX_CBOR_ITEMS);
                    if (o instanceof Map<?, ?> map) {
                        claim = map;
                    } else {
                        failures.add(new ValidationStatus(StatusCodes.CLAIM_MALFORMED, curi, "claim is not a CBOR map"));
                    }
                } catch (CborReader.CborException e) {
                    // c2pa-rs (store.rs from_jumbf) reports an undecodable claim as claim.malformed
                    failures.add(new ValidationStatus(StatusCodes.CLAIM_MALFORMED, curi, "claim CBOR could not be decoded: " + e.getMessage()));
                }
            }
        }
        if (claim != null && !(claim.get("alg") instanceof String)) {
            // c2pa-rs (store.rs from_jumbf): a claim without "alg" cannot be processed; nothing else is checked
            failures.add(new ValidationStatus(StatusCodes.ALGORITHM_UNSUPPORTED, uri, "no hashing algorithm found for claim"));
        }
        JumbfBox sig = m.child(SIGNATURE);
        byte[] sigBytes = null;
        if (sig != null && sig.firstContent() != null) {
            JumbfBox sc = sig.firstContent();
            sigBytes = Arrays.copyOfRange(store, sc.payloadOffset(), sc.payloadOffset() + sc.payloadLength());
        }
        List<AssertionBox> assertions = new ArrayList<>();
        JumbfBox as = m.child(ASSERTIONS);
        if (as != null) {
            for (JumbfBox a : as.children()) {
                if (a.isSuperbox()) {
                    assertions.add(assertion(a));
                }
            }
        }
        boolean update = m.description() != null && UPDATE_MANIFEST_TAG.equals(m.description().typeTag());
        return new ParsedManifest(label, m, update, claimLabel, claimBytes, claim, sig, sigBytes, List.copyOf(assertions), List.copyOf(failures), index(assertions));
    }

    private static Map<String, AssertionBox> index(List<AssertionBox> assertions) {
        Map<String, AssertionBox> m = new java.util.HashMap<>();
        assertions.forEach(a -> m.putIfAbsent(a.label(), a));
        return java.util.Collections.unmodifiableMap(m);
    }

    private AssertionBox assertion(JumbfBox a) {
        String label = a.label() == null ? "" : a.label();
        JumbfBox c = a.firstContent();
        if (c == null) {
            return new AssertionBox(label, a, "empty", null, "assertion has no content box");
        }
        switch (c.type()) {
            case CBOR:
                try {
                    return new AssertionBox(label, a, CBOR, CborReader.decode(store, c.payloadOffset(), c.payloadLength(),
                            limits.maxCborNesting(), C2paLimits.MAX_CBOR_ITEMS), null);
                } catch (CborReader.CborException e) {
                    return new AssertionBox(label, a, CBOR, null, e.getMessage());
                }
            case JSON:
                try {
                    return new AssertionBox(label, a, JSON, json.readValue(store, c.payloadOffset(), c.payloadLength(), Object.class), null);
                } catch (java.io.IOException | RuntimeException e) {
                    return new AssertionBox(label, a, JSON, null, "invalid JSON: " + e.getClass().getSimpleName());
                }
            case EMBEDDED_DESCRIPTION:
            case EMBEDDED_DATA:
                return new AssertionBox(label, a, "embedded-file", null, null);
            case UUID_BOX:
                return new AssertionBox(label, a, UUID_BOX, null, null);
            default:
                return new AssertionBox(label, a, c.type(), null, null);
        }
    }
}
