package dev.unmask.provenance.sign;

/**
 * The result of {@link C2paSigner#signDetailed}.
 *
 * @param bytes the new file with the manifest store embedded
 * @param manifestLabel the active manifest's label ({@code urn:c2pa:<uuid>})
 * @param instanceId the claim's {@code instanceID}
 * @param exclusionStart byte offset of the inserted manifest container (first APP11 marker / caBX chunk start)
 * @param exclusionLength length of the inserted container, which is also the data hash exclusion
 * @param manifestStoreLength length of the JUMBF manifest store
 * @param replacedExisting true when an existing C2PA manifest was removed before signing (never merged)
 */
public record SignedAsset(byte[] bytes, String manifestLabel, String instanceId, long exclusionStart,
        long exclusionLength, int manifestStoreLength, boolean replacedExisting) {}
