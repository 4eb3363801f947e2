package dev.unmask.provenance.c2pa;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Validates one manifest the way C2PA 2.2 section 15 describes and the reference implementation (c2pa-rs
 * {@code Claim::verify_claim}) reports: claim structure, claim signature (delegated to a
 * {@link ClaimSignatureVerifier}), every hashed URI of the claim against its assertion box (section 15.10.3), the
 * hash algorithms, and the hard binding (sections 15.12 and 18). Ingredients are handled by {@link IngredientChecks}.
 */
final class ManifestValidator {
    private static final String SIGNATURE_PATH = "c2pa.signature";
    private static final String ASSERTIONS_PREFIX = "c2pa.assertions/";

    /** Result of validating one manifest's own content. */
    record Outcome(List<ValidationStatus> statuses, SignatureOutcome signature) {}

    private ManifestValidator() {}

    /**
     * Validates a manifest.
     *
     * @param store the manifest store buffer all boxes index into
     * @param asset the asset bytes to check the hard binding against, or null for an ingredient manifest (only the
     *     presence and uniqueness of the hard binding is checked then)
     */
    static Outcome validate(ParsedManifest m, byte[] store, byte[] asset, ClaimSignatureVerifier verifier, C2paLimits limits) {
        List<ValidationStatus> out = new ArrayList<>(m.structureFailures());
        String base = "self#jumbf=/c2pa/" + m.label();
        if (m.claim() == null || !(m.claim().get("alg") instanceof String)) {
            return new Outcome(out, null);
        }
        SignatureOutcome sig = null;
        if (m.signatureBytes() == null) {
            out.add(new ValidationStatus(StatusCodes.CLAIM_SIGNATURE_MISSING, base + "/" + SIGNATURE_PATH, "no claim signature box"));
        } else {
            sig = safeVerify(verifier, m, base + "/" + SIGNATURE_PATH);
            out.addAll(sig.statuses());
        }
        String claimAlg = m.claimString("alg");
        List<AssertionBox> hardBindings = new ArrayList<>();
        List<String> hardBindingUrls = new ArrayList<>();
        for (Object ref : assertionRefs(m)) {
            HashedUri h = HashedUri.from(ref);
            if (h == null) {
                out.add(new ValidationStatus(StatusCodes.CLAIM_MALFORMED, base + "/" + m.claimLabel(), "assertion reference is not a hashed URI"));
                continue;
            }
            String url = h.absolute(m.label());
            AssertionBox a = resolve(m, h);
            if (a == null) {
                out.add(new ValidationStatus(StatusCodes.ASSERTION_MISSING, url, "assertion not found in the assertion store"));
                continue;
            }
            String alg = h.alg() != null ? h.alg() : claimAlg;
            if (!HashAlgorithms.supported(alg)) {
                out.add(new ValidationStatus(StatusCodes.ALGORITHM_UNSUPPORTED, url, "unsupported or missing hash algorithm: " + alg));
            } else if (h.hash() == null) {
                out.add(new ValidationStatus(StatusCodes.HASHED_URI_MISSING, url, "hashed URI has no hash"));
            } else {
                ValidationStatus hs = hashCheck(store, a, alg, h.hash(), url);
                if (StoreParser.STATUS_PRERELEASE.equals(hs.code())) {
                    // c2pa-rs stops loading the store at the first pre-release assertion and reports only that
                    List<ValidationStatus> only = new ArrayList<>(m.structureFailures());
                    only.add(hs);
                    return new Outcome(only, sig);
                }
                out.add(hs);
            }
            if (HardBindings.isHardBinding(a.baseLabel())) {
                hardBindings.add(a);
                hardBindingUrls.add(url);
            }
        }
        for (AssertionBox a : m.assertions()) {
            if (a.decodeError() != null) {
                String code = "json".equals(a.contentType()) ? StatusCodes.ASSERTION_JSON_INVALID : StatusCodes.ASSERTION_CBOR_INVALID;
                out.add(new ValidationStatus(code, base + "/" + ASSERTIONS_PREFIX + a.label(), a.decodeError()));
            }
        }
        if (asset != null && !m.updateManifest()) {
            // c2pa-rs (claim.rs verify_hash_binding) checks bindings only for the binding (active) claim, and logs
            // multipleHardBindings whenever the count is not exactly one, so a claim without any gets both codes
            if (hardBindings.isEmpty()) {
                out.add(new ValidationStatus(StatusCodes.CLAIM_HARD_BINDINGS_MISSING, base, "claim missing data binding"));
            }
            if (hardBindings.size() != 1) {
                out.add(new ValidationStatus(StatusCodes.ASSERTION_MULTIPLE_HARD_BINDINGS, base, "claim does not have exactly one data binding"));
            } else {
                out.add(HardBindings.verify(hardBindings.get(0), hardBindingUrls.get(0), claimAlg, asset, limits));
            }
        }
        return new Outcome(out, sig);
    }

    private static SignatureOutcome safeVerify(ClaimSignatureVerifier v, ParsedManifest m, String url) {
        if (v == null || m.claimBytes() == null) {
            return new SignatureOutcome(List.of(), null, null, null, null, null, false);
        }
        try {
            SignatureOutcome o = v.verify(m.signatureBytes(), m.claimBytes(), url);
            return o != null ? o : new SignatureOutcome(List.of(), null, null, null, null, null, false);
        } catch (RuntimeException e) {
            return new SignatureOutcome(List.of(new ValidationStatus(StatusCodes.CLAIM_SIGNATURE_MISMATCH, url,
                    "signature verifier failed: " + e.getClass().getSimpleName())), null, null, null, null, null, false);
        }
    }

    /** The claim's assertion references: v1 {@code assertions}; v2 {@code created_assertions} + {@code gathered_assertions}. */
    static List<Object> assertionRefs(ParsedManifest m) {
        List<Object> refs = new ArrayList<>();
        for (String key : m.claimVersion() >= 2 ? List.of("created_assertions", "gathered_assertions") : List.of("assertions")) {
            if (m.claim().get(key) instanceof List<?> l) {
                refs.addAll(l);
            }
        }
        return refs;
    }

    /** Resolves a hashed URI to an assertion of this manifest (other manifests' assertions are reported missing). */
    static AssertionBox resolve(ParsedManifest m, HashedUri h) {
        if (!m.label().equals(h.manifestLabel(m.label()))) {
            return null;
        }
        String p = h.pathInManifest();
        return p.startsWith(ASSERTIONS_PREFIX) ? m.assertion(p.substring(ASSERTIONS_PREFIX.length())) : null;
    }

    private static ValidationStatus hashCheck(byte[] store, AssertionBox a, String alg, byte[] expected, String url) {
        byte[] actual = boxHash(store, a, alg);
        if (Arrays.equals(actual, expected)) {
            return new ValidationStatus(StatusCodes.ASSERTION_HASHED_URI_MATCH, url, "hashed uri matched: " + url);
        }
        for (var content : a.box().children()) {
            if (!content.isSuperbox()
                    && Arrays.equals(HashAlgorithms.hash(alg, store, content.payloadOffset(), content.payloadLength()), expected)) {
                // c2pa-rs (store.rs is_old_assertion): a hash over the assertion data alone marks a pre-release manifest
                return new ValidationStatus(StoreParser.STATUS_PRERELEASE, url, "pre-release assertion hashing");
            }
        }
        return new ValidationStatus(StatusCodes.ASSERTION_HASHED_URI_MISMATCH, url, "hash does not match assertion data: " + url);
    }

    /** The hash of an assertion superbox payload (everything after its box header; C2PA 2.2 section 8.3). */
    static byte[] boxHash(byte[] store, AssertionBox a, String alg) {
        return HashAlgorithms.hash(alg, store, a.box().payloadOffset(), a.box().payloadLength());
    }
}
