package dev.unmask.provenance.c2pa;

import java.util.List;

/**
 * An ingredient of a manifest and, when it carries provenance, the ingredient's own manifest in the same store
 * (C2PA 2.2 sections 18.10 and 15.11.3): a tree.
 *
 * @param assertionUrl JUMBF URI of the ingredient assertion
 * @param title the ingredient title ({@code dc:title} / {@code title}), or null
 * @param format the ingredient format, or null
 * @param relationship {@code parentOf}, {@code componentOf} or {@code inputTo}, or null
 * @param manifestLabel the label of the ingredient's manifest, or null when it has no provenance
 * @param statuses the validation of this ingredient (the ingredient's "validation deltas")
 * @param signature the ingredient manifest's signature outcome, or null
 * @param ingredients the ingredient manifest's own ingredients
 */
public record IngredientNode(String assertionUrl, String title, String format, String relationship,
        String manifestLabel, List<ValidationStatus> statuses, SignatureOutcome signature,
        List<IngredientNode> ingredients) {
    /** Copies the lists. */
    public IngredientNode {
        statuses = List.copyOf(statuses);
        ingredients = List.copyOf(ingredients);
    }

    /** Whether this ingredient or any below it has a failure status. */
    public boolean hasFailure() {
        return statuses.stream().anyMatch(s -> s.kind() == StatusKind.FAILURE)
                || ingredients.stream().anyMatch(IngredientNode::hasFailure);
    }
}
