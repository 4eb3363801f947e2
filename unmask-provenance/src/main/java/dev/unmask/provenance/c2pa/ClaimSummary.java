package dev.unmask.provenance.c2pa;

import java.util.List;

/**
 * The human-facing content of a claim and its assertions (C2PA 2.2 sections 10.2 and 18).
 *
 * @param claimVersion 1 ({@code c2pa.claim}) or 2 ({@code c2pa.claim.v2})
 * @param generator {@code claim_generator}, or the first {@code claim_generator_info} name and version
 * @param title {@code dc:title}, or null
 * @param format {@code dc:format}, or null
 * @param instanceId {@code instanceID}, or null
 * @param alg the claim's default hash algorithm, or null
 * @param actions the actions of all action assertions, in order
 * @param authors author names from a schema.org CreativeWork assertion
 * @param assertionLabels labels of all assertions in the assertion store
 * @param redactedAssertions the claim's redacted assertion URIs
 */
public record ClaimSummary(int claimVersion, String generator, String title, String format, String instanceId,
        String alg, List<ActionInfo> actions, List<String> authors, List<String> assertionLabels,
        List<String> redactedAssertions) {
    /** Copies the lists. */
    public ClaimSummary {
        actions = List.copyOf(actions);
        authors = List.copyOf(authors);
        assertionLabels = List.copyOf(assertionLabels);
        redactedAssertions = List.copyOf(redactedAssertions);
    }
}
