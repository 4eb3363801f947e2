package dev.unmask.provenance.c2pa;

import java.util.List;

/**
 * One validated manifest (C2PA 2.2 sections 10 and 15).
 *
 * @param label the manifest label
 * @param active whether this is the store's active manifest
 * @param claim the claim summary, or null when the claim could not be read
 * @param signature what the signature verifier reported, or null when there is no signature
 * @param success success statuses of this manifest's own checks
 * @param informational informational statuses
 * @param failure failure statuses
 * @param ingredients the ingredient tree (expanded for the active manifest; other manifests list none)
 */
public record ManifestReport(String label, boolean active, ClaimSummary claim, SignatureOutcome signature,
        List<ValidationStatus> success, List<ValidationStatus> informational, List<ValidationStatus> failure,
        List<IngredientNode> ingredients) {
    /** Copies the lists. */
    public ManifestReport {
        success = List.copyOf(success);
        informational = List.copyOf(informational);
        failure = List.copyOf(failure);
        ingredients = List.copyOf(ingredients);
    }

    static ManifestReport of(String label, boolean active, ClaimSummary claim, SignatureOutcome sig,
            List<ValidationStatus> all, List<IngredientNode> ingredients) {
        return new ManifestReport(label, active, claim, sig, filter(all, StatusKind.SUCCESS),
                filter(all, StatusKind.INFORMATIONAL), filter(all, StatusKind.FAILURE), ingredients);
    }

    private static List<ValidationStatus> filter(List<ValidationStatus> all, StatusKind kind) {
        return all.stream().filter(s -> s.kind() == kind).toList();
    }
}
