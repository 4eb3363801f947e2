package dev.unmask.provenance.c2pa;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything read and validated from an asset's C2PA manifest store (C2PA 2.2 section 15).
 *
 * @param state the overall outcome
 * @param remoteUrl the remote manifest URL when {@code state == REMOTE} (never fetched), else null
 * @param container where the store was found ({@code jpeg-app11}, {@code png-caBX}, {@code bmff-uuid}, {@code xmp}),
 *     or null
 * @param activeManifest label of the active manifest (the last one in the store), or null
 * @param manifests every manifest of the store with its validation, in store order
 * @param storeStatuses failures about the store as a whole (unreadable container or JUMBF), with explanation
 * @param parsed the parsed manifests (claims and decoded assertions), for the full JSON dump
 */
public record ManifestStoreResult(StoreState state, String remoteUrl, String container, String activeManifest,
        List<ManifestReport> manifests, List<ValidationStatus> storeStatuses, List<ParsedManifest> parsed) {
    /** Copies the lists. */
    public ManifestStoreResult {
        manifests = List.copyOf(manifests);
        storeStatuses = List.copyOf(storeStatuses);
        parsed = List.copyOf(parsed);
    }

    /** The active manifest's report, or null. */
    public ManifestReport active() {
        for (ManifestReport r : manifests) {
            if (r.active()) {
                return r;
            }
        }
        return null;
    }

    /**
     * The failure codes that decide the state: store-level failures, the active manifest's failures and the
     * failures in its ingredient tree (c2pa-rs "activeManifest" plus "ingredientDeltas").
     */
    public Set<String> failureCodes() {
        Set<String> codes = new LinkedHashSet<>();
        storeStatuses.forEach(s -> codes.add(s.code()));
        ManifestReport a = active();
        if (a != null) {
            a.failure().forEach(s -> codes.add(s.code()));
            collect(a.ingredients(), codes);
        }
        return codes;
    }

    private static void collect(List<IngredientNode> nodes, Set<String> codes) {
        for (IngredientNode n : nodes) {
            n.statuses().stream().filter(s -> s.kind() == StatusKind.FAILURE).forEach(s -> codes.add(s.code()));
            collect(n.ingredients(), codes);
        }
    }

    /** All statuses of the active manifest and its ingredient tree, flattened (for tests and summaries). */
    public List<ValidationStatus> allActiveStatuses() {
        List<ValidationStatus> all = new ArrayList<>(storeStatuses);
        ManifestReport a = active();
        if (a != null) {
            all.addAll(a.success());
            all.addAll(a.informational());
            all.addAll(a.failure());
            flatten(a.ingredients(), all);
        }
        return all;
    }

    private static void flatten(List<IngredientNode> nodes, List<ValidationStatus> out) {
        for (IngredientNode n : nodes) {
            out.addAll(n.statuses());
            flatten(n.ingredients(), out);
        }
    }

    /** The whole store and its statuses as a JSON-friendly map (CBOR byte strings as base64, bounded). */
    public Map<String, Object> toJson() {
        return StoreJson.render(this);
    }
}
