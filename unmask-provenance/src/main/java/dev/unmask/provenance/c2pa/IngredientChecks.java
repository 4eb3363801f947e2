package dev.unmask.provenance.c2pa;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a manifest's ingredients (C2PA 2.2 sections 15.11.3 and 18.10) like c2pa-rs {@code
 * Store::ingredient_checks}: the ingredient's {@code c2pa_manifest} (v1/v2) or {@code active_manifest} (v3) hashed
 * URI must resolve to a manifest of the same store whose box payload hash matches (ingredient.manifest.validated /
 * mismatch / missing; a pre-1.3 hash over the claim bytes is accepted silently); on a mismatch the
 * {@code claim_signature} hashed URI is compared with the signature box (ingredient.claimSignature.*). The ingredient
 * manifest is then validated itself (without the asset's hard binding) and its ingredients followed recursively up
 * to {@link C2paLimits#maxIngredientDepth()}; each manifest is expanded once per tree (cycles stop there).
 */
final class IngredientChecks {
    private static final String INGREDIENT = "c2pa.ingredient";
    private static final String INPUT_TO = "inputTo";
    private static final String V3_SUFFIX = ".v3";

    private final Map<String, ParsedManifest> byLabel;
    private final byte[] store;
    private final C2paLimits limits;
    private final Map<String, ManifestValidator.Outcome> cache;
    private final ClaimSignatureVerifier verifier;

    IngredientChecks(Map<String, ParsedManifest> byLabel, byte[] store, ClaimSignatureVerifier verifier, C2paLimits limits,
            Map<String, ManifestValidator.Outcome> cache) {
        this.byLabel = byLabel;
        this.store = store;
        this.verifier = verifier;
        this.limits = limits;
        this.cache = cache;
    }

    List<IngredientNode> check(ParsedManifest m, int depth, Set<String> visited) {
        List<IngredientNode> nodes = new ArrayList<>();
        for (AssertionBox a : m.assertions()) {
            if (INGREDIENT.equals(a.unversionedLabel())) {
                nodes.add(node(m, a, depth, visited));
            }
        }
        return nodes;
    }

    private IngredientNode node(ParsedManifest m, AssertionBox a, int depth, Set<String> visited) {
        String url = "self#jumbf=/c2pa/" + m.label() + "/c2pa.assertions/" + a.label();
        List<ValidationStatus> st = new ArrayList<>();
        if (!(a.data() instanceof Map<?, ?> d)) {
            st.add(new ValidationStatus(StatusCodes.ASSERTION_INGREDIENT_MALFORMED, url, "ingredient is not a map"));
            return new IngredientNode(url, null, null, null, null, st, null, List.of());
        }
        String title = first(d, "dc:title", "title");
        String format = first(d, "dc:format", "format");
        String rel = ClaimSummaries.str(d.get("relationship"));
        HashedUri h = HashedUri.from(any(d, "c2pa_manifest", "activeManifest", "active_manifest"));
        if (h == null) {
            if (!INPUT_TO.equals(rel)) {
                st.add(new ValidationStatus(StatusCodes.INGREDIENT_UNKNOWN_PROVENANCE, url,
                        (title == null ? "no title" : title) + ": ingredient does not have provenance"));
            }
            return new IngredientNode(url, title, format, rel, null, st, null, List.of());
        }
        if (a.baseLabel().endsWith(V3_SUFFIX) && any(d, "validationResults", "validation_results") == null) {
            st.add(new ValidationStatus(StatusCodes.ASSERTION_INGREDIENT_MALFORMED, url, "ingredient v3 without validation_results"));
        }
        String label = h.manifestLabel(null);
        ParsedManifest target = label == null ? null : byLabel.get(label);
        if (target == null) {
            st.add(new ValidationStatus(StatusCodes.INGREDIENT_MANIFEST_MISSING, h.url(), "ingredient manifest " + label + " is missing"));
            return new IngredientNode(url, title, format, rel, label, st, null, List.of());
        }
        String alg = h.alg() != null ? h.alg() : target.claimString("alg");
        if (!HashAlgorithms.supported(alg)) {
            st.add(new ValidationStatus(StatusCodes.ALGORITHM_UNSUPPORTED, h.url(), "unsupported hash algorithm " + alg));
        } else if (h.hash() != null) {
            manifestHash(target, d, h, alg, st);
        }
        ManifestValidator.Outcome own = cache.computeIfAbsent(label, k -> ManifestValidator.validate(target, store, null, verifier, limits));
        st.addAll(own.statuses());
        List<IngredientNode> children = List.of();
        if (depth + 1 >= limits.maxIngredientDepth()) {
            st.add(new ValidationStatus(StatusCodes.GENERAL_ERROR, url, "ingredient chain deeper than " + limits.maxIngredientDepth()));
        } else if (visited.add(label)) {
            children = check(target, depth + 1, visited);
        }
        return new IngredientNode(url, title, format, rel, label, st, own.signature(), children);
    }

    private void manifestHash(ParsedManifest target, Map<?, ?> d, HashedUri h, String alg, List<ValidationStatus> st) {
        byte[] boxHash = HashAlgorithms.hash(alg, store, target.box().payloadOffset(), target.box().payloadLength());
        if (Arrays.equals(boxHash, h.hash())) {
            st.add(new ValidationStatus(StatusCodes.INGREDIENT_MANIFEST_VALIDATED, h.url(), "ingredient hash matched"));
            return;
        }
        if (target.claimBytes() != null && Arrays.equals(HashAlgorithms.hash(alg, target.claimBytes(), 0, target.claimBytes().length), h.hash())) {
            return; // pre-1.3 ingredient hash over the claim bytes (c2pa-rs accepts it without a status)
        }
        st.add(new ValidationStatus(StatusCodes.INGREDIENT_MANIFEST_MISMATCH, h.url(), "ingredient hash does not match found ingredient"));
        HashedUri sig = HashedUri.from(any(d, "claimSignature", "claim_signature"));
        if (sig != null && target.signatureBox() != null && sig.hash() != null) {
            String salg = sig.alg() != null ? sig.alg() : alg;
            if (HashAlgorithms.supported(salg)) {
                byte[] sh = HashAlgorithms.hash(salg, store, target.signatureBox().payloadOffset(), target.signatureBox().payloadLength());
                st.add(Arrays.equals(sh, sig.hash())
                        ? new ValidationStatus(StatusCodes.INGREDIENT_CLAIM_SIGNATURE_VALIDATED, sig.url(), "ingredient claimSignature validated")
                        : new ValidationStatus(StatusCodes.INGREDIENT_CLAIM_SIGNATURE_MISMATCH, sig.url(), "ingredient claimSignature mismatch"));
            }
        }
    }

    /** The first present key (ingredient v3 is serialised with camelCase keys by c2pa-rs). */
    private static Object any(Map<?, ?> d, String... keys) {
        for (String k : keys) {
            if (d.get(k) != null) {
                return d.get(k);
            }
        }
        return null;
    }

    private static String first(Map<?, ?> d, String a, String b) {
        String v = ClaimSummaries.str(d.get(a));
        return v != null ? v : ClaimSummaries.str(d.get(b));
    }
}
