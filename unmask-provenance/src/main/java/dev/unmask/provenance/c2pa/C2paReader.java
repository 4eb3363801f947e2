package dev.unmask.provenance.c2pa;

import dev.unmask.api.MediaType;
import dev.unmask.provenance.jumbf.JumbfBox;
import dev.unmask.provenance.jumbf.JumbfException;
import dev.unmask.provenance.jumbf.JumbfParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and validates the C2PA manifest store of an asset (C2PA specification 2.2: embedding in section A, JUMBF
 * layout A.3, claims 10, validation 15, hard bindings 18). The claim signature itself is verified by the given
 * {@link ClaimSignatureVerifier}. Nothing is fetched from the network; every structure is bounded by
 * {@link C2paLimits}; malformed input becomes failure statuses, never an exception.
 */
public final class C2paReader {
    private static final String STORE_LABEL = "c2pa";

    private C2paReader() {}

    /**
     * Reads and validates the manifest store of {@code fileBytes}.
     *
     * @param fileBytes the whole asset
     * @param type the detected media type (used only for messages; the container is recognised from the bytes)
     * @param verifier verifies claim signatures; null skips signature verification (the state is then never VALID)
     * @param limits resource bounds; null for {@link C2paLimits#defaults()}
     * @return the result; never null, never throws for any input
     */
    public static ManifestStoreResult read(byte[] fileBytes, MediaType type, ClaimSignatureVerifier verifier, C2paLimits limits) {
        C2paLimits lim = limits == null ? C2paLimits.defaults() : limits;
        byte[] file = fileBytes == null ? new byte[0] : fileBytes;
        try {
            return readChecked(file, type, verifier, lim);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return failed(null, "internal error while reading the manifest store: " + e.getClass().getSimpleName());
        }
    }

    private static ManifestStoreResult readChecked(byte[] file, MediaType type, ClaimSignatureVerifier verifier, C2paLimits lim) {
        LocatedStore loc = ManifestLocator.locate(file, type, lim);
        switch (loc.kind()) {
            case NONE:
                return new ManifestStoreResult(StoreState.NO_MANIFEST, null, null, null, List.of(), List.of(), List.of());
            case REMOTE:
                return new ManifestStoreResult(StoreState.REMOTE, loc.remoteUrl(), loc.container(), null, List.of(), List.of(), List.of());
            case MALFORMED:
                return failed(loc.container(), loc.problem());
            default:
                break;
        }
        byte[] store = loc.jumbf();
        if (store.length > lim.maxStoreBytes()) {
            return failed(loc.container(), "manifest store larger than " + lim.maxStoreBytes() + " bytes");
        }
        JumbfBox root;
        try {
            root = JumbfParser.parse(store, lim.maxDepth(), lim.maxBoxes());
        } catch (JumbfException e) {
            return failed(loc.container(), "malformed JUMBF: " + e.getMessage());
        }
        if (!STORE_LABEL.equals(root.label())) {
            return failed(loc.container(), "top-level JUMBF superbox is not a C2PA manifest store");
        }
        List<ParsedManifest> parsed = new StoreParser(store, lim).manifests(root);
        if (parsed.isEmpty()) {
            return new ManifestStoreResult(StoreState.INVALID, null, loc.container(), null, List.of(),
                    List.of(new ValidationStatus(StatusCodes.CLAIM_MISSING, "self#jumbf=/c2pa", "manifest store has no manifest")), parsed);
        }
        Map<String, ParsedManifest> byLabel = new LinkedHashMap<>();
        parsed.forEach(m -> byLabel.putIfAbsent(m.label(), m));
        ParsedManifest active = parsed.get(parsed.size() - 1);
        Map<String, ManifestValidator.Outcome> cache = new HashMap<>();
        IngredientChecks ingredients = new IngredientChecks(byLabel, store, verifier, lim, cache);
        List<ManifestReport> reports = new ArrayList<>();
        for (ParsedManifest m : parsed) {
            boolean isActive = m == active;
            ManifestValidator.Outcome o = isActive ? ManifestValidator.validate(m, store, file, verifier, lim)
                    : cache.computeIfAbsent(m.label(), k -> ManifestValidator.validate(m, store, null, verifier, lim));
            List<IngredientNode> tree = List.of();
            if (isActive) {
                HashSet<String> visited = new HashSet<>();
                visited.add(m.label());
                tree = ingredients.check(m, 0, visited);
            }
            reports.add(ManifestReport.of(m.label(), isActive, m.claim() == null ? null : ClaimSummaries.of(m), o.signature(), o.statuses(), tree));
        }
        ManifestStoreResult provisional = new ManifestStoreResult(StoreState.INVALID, null, loc.container(), active.label(), reports, List.of(), parsed);
        return new ManifestStoreResult(state(provisional), null, loc.container(), active.label(), reports, List.of(), parsed);
    }

    /**
     * VALID when the active claim signature validated, nothing failed in the active manifest or its ingredients
     * ({@code signingCredential.untrusted} tolerated, as c2pa-rs does) and the hard binding was actually verified.
     */
    private static StoreState state(ManifestStoreResult r) {
        ManifestReport a = r.active();
        boolean signed = a.success().stream().anyMatch(s -> StatusCodes.CLAIM_SIGNATURE_VALIDATED.equals(s.code()));
        boolean failed = r.failureCodes().stream().anyMatch(c -> !StatusCodes.SIGNING_CREDENTIAL_UNTRUSTED.equals(c));
        boolean unbound = a.informational().stream().anyMatch(s -> HardBindings.BOXES_HASH_NOT_VERIFIED.equals(s.code()));
        return signed && !failed && !unbound ? StoreState.VALID : StoreState.INVALID;
    }

    private static ManifestStoreResult failed(String container, String problem) {
        return new ManifestStoreResult(StoreState.INVALID, null, container, null, List.of(),
                List.of(new ValidationStatus(StatusCodes.GENERAL_ERROR, "self#jumbf=/c2pa", problem)), List.of());
    }
}
