package dev.unmask.provenance.c2pa;

import dev.unmask.provenance.jumbf.JumbfBox;
import java.util.List;
import java.util.Map;

/**
 * One manifest of a store as read from JUMBF (C2PA 2.2 sections 10 and A.3), before validation.
 *
 * @param label manifest label, e.g. {@code urn:uuid:...} or {@code urn:c2pa:...}
 * @param box the manifest superbox (its payload is hashed by an ingredient's {@code c2pa_manifest}, section 8.3)
 * @param updateManifest whether this is an update manifest (type {@code c2um}, section 10.4), which has no hard binding
 * @param claimLabel {@code c2pa.claim} or {@code c2pa.claim.v2}, or null when missing
 * @param claimBytes exact content of the claim CBOR box (the signed payload), or null
 * @param claim decoded claim map, or null
 * @param signatureBox the {@code c2pa.signature} superbox, or null
 * @param signatureBytes the COSE_Sign1 bytes, or null
 * @param assertions the assertion store, in order
 * @param structureFailures failures found while reading (claim.missing, claim.multiple, claim.malformed...)
 * @param assertionIndex the assertions by label (the first of duplicated labels)
 */
public record ParsedManifest(String label, JumbfBox box, boolean updateManifest, String claimLabel, byte[] claimBytes, Map<?, ?> claim,
        JumbfBox signatureBox, byte[] signatureBytes, List<AssertionBox> assertions,
        List<ValidationStatus> structureFailures, Map<String, AssertionBox> assertionIndex) {
    /** Claim version: 2 for {@code c2pa.claim.v2}, else 1. */
    public int claimVersion() {
        return "c2pa.claim.v2".equals(claimLabel) ? 2 : 1;
    }

    /** The assertion with this exact label, or null. */
    public AssertionBox assertion(String assertionLabel) {
        return assertionIndex.get(assertionLabel);
    }

    /** The claim's string field, or null. */
    public String claimString(String key) {
        return claim != null && claim.get(key) instanceof String s ? s : null;
    }
}
