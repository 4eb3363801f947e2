package dev.unmask.provenance.analyzer;

import dev.unmask.provenance.c2pa.StatusCodes;
import java.util.Set;

/**
 * Groups C2PA failure codes (C2PA 2.2 section 15.2.2) by what they imply about the asset: a hard-binding or
 * hashed-URI mismatch means bytes changed after signing (section 15.12, 18.5-18.7); a signature or credential
 * failure means the claim cannot be attributed (section 15.7); everything else (malformed structures, expired
 * credentials, unsupported algorithms) is reported without a verdict.
 */
final class StatusClasses {
    /** The content or an assertion no longer matches the hash the signer recorded. */
    static final Set<String> BINDING = Set.of(
            StatusCodes.ASSERTION_DATA_HASH_MISMATCH,
            StatusCodes.ASSERTION_BMFF_HASH_MISMATCH,
            StatusCodes.ASSERTION_BOXES_HASH_MISMATCH,
            StatusCodes.ASSERTION_COLLECTION_HASH_MISMATCH,
            StatusCodes.ASSERTION_MULTI_ASSET_HASH_MISMATCH,
            StatusCodes.ASSERTION_HASHED_URI_MISMATCH,
            StatusCodes.HASHED_URI_MISMATCH);
    /** The claim signature, the signing credential or an ingredient's recorded manifest does not check out. */
    static final Set<String> SIGNATURE = Set.of(
            StatusCodes.CLAIM_SIGNATURE_MISMATCH,
            StatusCodes.CLAIM_SIGNATURE_MISSING,
            StatusCodes.SIGNING_CREDENTIAL_INVALID,
            StatusCodes.SIGNING_CREDENTIAL_REVOKED,
            StatusCodes.SIGNING_CREDENTIAL_OCSP_REVOKED,
            StatusCodes.INGREDIENT_CLAIM_SIGNATURE_MISMATCH,
            StatusCodes.INGREDIENT_MANIFEST_MISMATCH);

    private StatusClasses() {}
}
