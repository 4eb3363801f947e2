package dev.unmask.provenance.c2pa;

import java.util.Map;
import java.util.TreeMap;

/**
 * The standard C2PA validation status codes (C2PA specification 2.2, section 15.2.2), with the same strings as
 * the reference implementation, and the category each belongs to. {@code signingCredential.expired} and
 * {@code signingCredential.revoked} are used by the reference implementation in addition to the specification's
 * table, and {@code com.adobe.prerelease} is the reference implementation's own failure code for manifests written
 * by pre-release software. Codes not listed here (custom codes) are treated as informational.
 */
public final class StatusCodes {
    /** Reference-implementation code, failure: the manifest was written by pre-release C2PA software. */
    public static final String COM_ADOBE_PRERELEASE = "com.adobe.prerelease";

    /** Standard code, success. */
    public static final String ASSERTION_ACCESSIBLE = "assertion.accessible";
    /** Standard code, success. */
    public static final String ASSERTION_BMFF_HASH_MATCH = "assertion.bmffHash.match";
    /** Standard code, success. */
    public static final String ASSERTION_BOXES_HASH_MATCH = "assertion.boxesHash.match";
    /** Standard code, success. */
    public static final String ASSERTION_COLLECTION_HASH_MATCH = "assertion.collectionHash.match";
    /** Standard code, success. */
    public static final String ASSERTION_DATA_HASH_MATCH = "assertion.dataHash.match";
    /** Standard code, success. */
    public static final String ASSERTION_HASHED_URI_MATCH = "assertion.hashedURI.match";
    /** Standard code, success. */
    public static final String ASSERTION_MULTI_ASSET_HASH_MATCH = "assertion.multiAssetHash.match";
    /** Standard code, success. */
    public static final String CLAIM_SIGNATURE_INSIDE_VALIDITY = "claimSignature.insideValidity";
    /** Standard code, success. */
    public static final String CLAIM_SIGNATURE_VALIDATED = "claimSignature.validated";
    /** Standard code, success. */
    public static final String INGREDIENT_CLAIM_SIGNATURE_VALIDATED = "ingredient.claimSignature.validated";
    /** Standard code, success. */
    public static final String INGREDIENT_MANIFEST_VALIDATED = "ingredient.manifest.validated";
    /** Standard code, success. */
    public static final String SIGNING_CREDENTIAL_OCSP_NOT_REVOKED = "signingCredential.ocsp.notRevoked";
    /** Standard code, success. */
    public static final String SIGNING_CREDENTIAL_TRUSTED = "signingCredential.trusted";
    /** Standard code, success. */
    public static final String TIME_STAMP_TRUSTED = "timeStamp.trusted";
    /** Standard code, success. */
    public static final String TIME_STAMP_VALIDATED = "timeStamp.validated";

    /** Standard code, informational. */
    public static final String ALGORITHM_DEPRECATED = "algorithm.deprecated";
    /** Standard code, informational. */
    public static final String INGREDIENT_UNKNOWN_PROVENANCE = "ingredient.unknownProvenance";
    /** Standard code, informational. */
    public static final String SIGNING_CREDENTIAL_OCSP_INACCESSIBLE = "signingCredential.ocsp.inaccessible";
    /** Standard code, informational. */
    public static final String SIGNING_CREDENTIAL_OCSP_SKIPPED = "signingCredential.ocsp.skipped";
    /** Standard code, informational. */
    public static final String TIME_OF_SIGNING_INSIDE_VALIDITY = "timeOfSigning.insideValidity";
    /** Standard code, informational. */
    public static final String TIME_OF_SIGNING_OUTSIDE_VALIDITY = "timeOfSigning.outsideValidity";
    /** Standard code, informational. */
    public static final String TIME_STAMP_MALFORMED = "timeStamp.malformed";
    /** Standard code, informational. */
    public static final String TIME_STAMP_MISMATCH = "timeStamp.mismatch";
    /** Standard code, informational. */
    public static final String TIME_STAMP_OUTSIDE_VALIDITY = "timeStamp.outsideValidity";
    /** Standard code, informational. */
    public static final String TIME_STAMP_UNTRUSTED = "timeStamp.untrusted";

    /** Standard code, failure. */
    public static final String ALGORITHM_UNSUPPORTED = "algorithm.unsupported";
    /** Standard code, failure. */
    public static final String ASSERTION_ACTION_INGREDIENT_MISMATCH = "assertion.action.ingredientMismatch";
    /** Standard code, failure. */
    public static final String ASSERTION_ACTION_MALFORMED = "assertion.action.malformed";
    /** Standard code, failure. */
    public static final String ASSERTION_ACTION_REDACTED = "assertion.action.redacted";
    /** Standard code, failure. */
    public static final String ASSERTION_ACTION_REDACTION_MISMATCH = "assertion.action.redactionMismatch";
    /** Standard code, failure. */
    public static final String ASSERTION_BMFF_HASH_MALFORMED = "assertion.bmffHash.malformed";
    /** Standard code, failure. */
    public static final String ASSERTION_BMFF_HASH_MISMATCH = "assertion.bmffHash.mismatch";
    /** Standard code, failure. */
    public static final String ASSERTION_BOXES_HASH_MALFORMED = "assertion.boxesHash.malformed";
    /** Standard code, failure. */
    public static final String ASSERTION_BOXES_HASH_MISMATCH = "assertion.boxesHash.mismatch";
    /** Standard code, failure. */
    public static final String ASSERTION_BOXES_HASH_UNKNOWN_BOX = "assertion.boxesHash.unknownBox";
    /** Standard code, failure. */
    public static final String ASSERTION_CBOR_INVALID = "assertion.cbor.invalid";
    /** Standard code, failure. */
    public static final String ASSERTION_CLOUD_DATA_ACTIONS = "assertion.cloud-data.actions";
    /** Standard code, failure. */
    public static final String ASSERTION_CLOUD_DATA_HARD_BINDING = "assertion.cloud-data.hardBinding";
    /** Standard code, failure. */
    public static final String ASSERTION_CLOUD_DATA_MALFORMED = "assertion.cloud-data.malformed";
    /** Standard code, failure. */
    public static final String ASSERTION_COLLECTION_HASH_INCORRECT_FILE_COUNT = "assertion.collectionHash.incorrectFileCount";
    /** Standard code, failure. */
    public static final String ASSERTION_COLLECTION_HASH_INVALID_URI = "assertion.collectionHash.invalidURI";
    /** Standard code, failure. */
    public static final String ASSERTION_COLLECTION_HASH_MALFORMED = "assertion.collectionHash.malformed";
    /** Standard code, failure. */
    public static final String ASSERTION_COLLECTION_HASH_MISMATCH = "assertion.collectionHash.mismatch";
    /** Standard code, failure. */
    public static final String ASSERTION_DATA_HASH_MALFORMED = "assertion.dataHash.malformed";
    /** Standard code, failure. */
    public static final String ASSERTION_DATA_HASH_MISMATCH = "assertion.dataHash.mismatch";
    /** Standard code, failure. */
    public static final String ASSERTION_DATA_HASH_REDACTED = "assertion.dataHash.redacted";
    /** Standard code, failure. */
    public static final String ASSERTION_HASHED_URI_MISMATCH = "assertion.hashedURI.mismatch";
    /** Standard code, failure. */
    public static final String ASSERTION_INACCESSIBLE = "assertion.inaccessible";
    /** Standard code, failure. */
    public static final String ASSERTION_INGREDIENT_MALFORMED = "assertion.ingredient.malformed";
    /** Standard code, failure. */
    public static final String ASSERTION_JSON_INVALID = "assertion.json.invalid";
    /** Standard code, failure. */
    public static final String ASSERTION_MISSING = "assertion.missing";
    /** Standard code, failure. */
    public static final String ASSERTION_MULTI_ASSET_HASH_MALFORMED = "assertion.multiAssetHash.malformed";
    /** Standard code, failure. */
    public static final String ASSERTION_MULTI_ASSET_HASH_MISSING_PART = "assertion.multiAssetHash.missingPart";
    /** Standard code, failure. */
    public static final String ASSERTION_MULTI_ASSET_HASH_MISMATCH = "assertion.multiAssetHash.mismatch";
    /** Standard code, failure. */
    public static final String ASSERTION_MULTIPLE_HARD_BINDINGS = "assertion.multipleHardBindings";
    /** Standard code, failure. */
    public static final String ASSERTION_NOT_REDACTED = "assertion.notRedacted";
    /** Standard code, failure. */
    public static final String ASSERTION_OUTSIDE_MANIFEST = "assertion.outsideManifest";
    /** Standard code, failure. */
    public static final String ASSERTION_SELF_REDACTED = "assertion.selfRedacted";
    /** Standard code, failure. */
    public static final String ASSERTION_TIMESTAMP_MALFORMED = "assertion.timestamp.malformed";
    /** Standard code, failure. */
    public static final String ASSERTION_UNDECLARED = "assertion.undeclared";
    /** Standard code, failure. */
    public static final String CLAIM_CBOR_INVALID = "claim.cbor.invalid";
    /** Standard code, failure. */
    public static final String CLAIM_HARD_BINDINGS_MISSING = "claim.hardBindings.missing";
    /** Standard code, failure. */
    public static final String CLAIM_MALFORMED = "claim.malformed";
    /** Standard code, failure. */
    public static final String CLAIM_MISSING = "claim.missing";
    /** Standard code, failure. */
    public static final String CLAIM_MULTIPLE = "claim.multiple";
    /** Standard code, failure. */
    public static final String CLAIM_SIGNATURE_MISSING = "claimSignature.missing";
    /** Standard code, failure. */
    public static final String CLAIM_SIGNATURE_MISMATCH = "claimSignature.mismatch";
    /** Standard code, failure. */
    public static final String CLAIM_SIGNATURE_OUTSIDE_VALIDITY = "claimSignature.outsideValidity";
    /** Standard code, failure. */
    public static final String GENERAL_ERROR = "general.error";
    /** Standard code, failure. */
    public static final String HASHED_URI_MISSING = "hashedURI.missing";
    /** Standard code, failure. */
    public static final String HASHED_URI_MISMATCH = "hashedURI.mismatch";
    /** Standard code, failure. */
    public static final String INGREDIENT_CLAIM_SIGNATURE_MISSING = "ingredient.claimSignature.missing";
    /** Standard code, failure. */
    public static final String INGREDIENT_CLAIM_SIGNATURE_MISMATCH = "ingredient.claimSignature.mismatch";
    /** Standard code, failure. */
    public static final String INGREDIENT_MANIFEST_MISSING = "ingredient.manifest.missing";
    /** Standard code, failure. */
    public static final String INGREDIENT_MANIFEST_MISMATCH = "ingredient.manifest.mismatch";
    /** Standard code, failure. */
    public static final String MANIFEST_COMPRESSED_INVALID = "manifest.compressed.invalid";
    /** Standard code, failure. */
    public static final String MANIFEST_INACCESSIBLE = "manifest.inaccessible";
    /** Standard code, failure. */
    public static final String MANIFEST_MULTIPLE_PARENTS = "manifest.multipleParents";
    /** Standard code, failure. */
    public static final String MANIFEST_TIMESTAMP_INVALID = "manifest.timestamp.invalid";
    /** Standard code, failure. */
    public static final String MANIFEST_TIMESTAMP_WRONG_PARENTS = "manifest.timestamp.wrongParents";
    /** Standard code, failure. */
    public static final String MANIFEST_UPDATE_INVALID = "manifest.update.invalid";
    /** Standard code, failure. */
    public static final String MANIFEST_UPDATE_WRONG_PARENTS = "manifest.update.wrongParents";
    /** Standard code, failure. */
    public static final String SIGNING_CREDENTIAL_EXPIRED = "signingCredential.expired";
    /** Standard code, failure. */
    public static final String SIGNING_CREDENTIAL_INVALID = "signingCredential.invalid";
    /** Standard code, failure. */
    public static final String SIGNING_CREDENTIAL_OCSP_REVOKED = "signingCredential.ocsp.revoked";
    /** Standard code, failure. */
    public static final String SIGNING_CREDENTIAL_OCSP_UNKNOWN = "signingCredential.ocsp.unknown";
    /** Standard code, failure. */
    public static final String SIGNING_CREDENTIAL_REVOKED = "signingCredential.revoked";
    /** Standard code, failure. */
    public static final String SIGNING_CREDENTIAL_UNTRUSTED = "signingCredential.untrusted";

    private static final Map<String, StatusKind> KINDS = new TreeMap<>();

    static {
        KINDS.put(COM_ADOBE_PRERELEASE, StatusKind.FAILURE);
        KINDS.put(ASSERTION_ACCESSIBLE, StatusKind.SUCCESS);
        KINDS.put(ASSERTION_BMFF_HASH_MATCH, StatusKind.SUCCESS);
        KINDS.put(ASSERTION_BOXES_HASH_MATCH, StatusKind.SUCCESS);
        KINDS.put(ASSERTION_COLLECTION_HASH_MATCH, StatusKind.SUCCESS);
        KINDS.put(ASSERTION_DATA_HASH_MATCH, StatusKind.SUCCESS);
        KINDS.put(ASSERTION_HASHED_URI_MATCH, StatusKind.SUCCESS);
        KINDS.put(ASSERTION_MULTI_ASSET_HASH_MATCH, StatusKind.SUCCESS);
        KINDS.put(CLAIM_SIGNATURE_INSIDE_VALIDITY, StatusKind.SUCCESS);
        KINDS.put(CLAIM_SIGNATURE_VALIDATED, StatusKind.SUCCESS);
        KINDS.put(INGREDIENT_CLAIM_SIGNATURE_VALIDATED, StatusKind.SUCCESS);
        KINDS.put(INGREDIENT_MANIFEST_VALIDATED, StatusKind.SUCCESS);
        KINDS.put(SIGNING_CREDENTIAL_OCSP_NOT_REVOKED, StatusKind.SUCCESS);
        KINDS.put(SIGNING_CREDENTIAL_TRUSTED, StatusKind.SUCCESS);
        KINDS.put(TIME_STAMP_TRUSTED, StatusKind.SUCCESS);
        KINDS.put(TIME_STAMP_VALIDATED, StatusKind.SUCCESS);
        KINDS.put(ALGORITHM_DEPRECATED, StatusKind.INFORMATIONAL);
        KINDS.put(INGREDIENT_UNKNOWN_PROVENANCE, StatusKind.INFORMATIONAL);
        KINDS.put(SIGNING_CREDENTIAL_OCSP_INACCESSIBLE, StatusKind.INFORMATIONAL);
        KINDS.put(SIGNING_CREDENTIAL_OCSP_SKIPPED, StatusKind.INFORMATIONAL);
        KINDS.put(TIME_OF_SIGNING_INSIDE_VALIDITY, StatusKind.INFORMATIONAL);
        KINDS.put(TIME_OF_SIGNING_OUTSIDE_VALIDITY, StatusKind.INFORMATIONAL);
        KINDS.put(TIME_STAMP_MALFORMED, StatusKind.INFORMATIONAL);
        KINDS.put(TIME_STAMP_MISMATCH, StatusKind.INFORMATIONAL);
        KINDS.put(TIME_STAMP_OUTSIDE_VALIDITY, StatusKind.INFORMATIONAL);
        KINDS.put(TIME_STAMP_UNTRUSTED, StatusKind.INFORMATIONAL);
        KINDS.put(ALGORITHM_UNSUPPORTED, StatusKind.FAILURE);
        KINDS.put(ASSERTION_ACTION_INGREDIENT_MISMATCH, StatusKind.FAILURE);
        KINDS.put(ASSERTION_ACTION_MALFORMED, StatusKind.FAILURE);
        KINDS.put(ASSERTION_ACTION_REDACTED, StatusKind.FAILURE);
        KINDS.put(ASSERTION_ACTION_REDACTION_MISMATCH, StatusKind.FAILURE);
        KINDS.put(ASSERTION_BMFF_HASH_MALFORMED, StatusKind.FAILURE);
        KINDS.put(ASSERTION_BMFF_HASH_MISMATCH, StatusKind.FAILURE);
        KINDS.put(ASSERTION_BOXES_HASH_MALFORMED, StatusKind.FAILURE);
        KINDS.put(ASSERTION_BOXES_HASH_MISMATCH, StatusKind.FAILURE);
        KINDS.put(ASSERTION_BOXES_HASH_UNKNOWN_BOX, StatusKind.FAILURE);
        KINDS.put(ASSERTION_CBOR_INVALID, StatusKind.FAILURE);
        KINDS.put(ASSERTION_CLOUD_DATA_ACTIONS, StatusKind.FAILURE);
        KINDS.put(ASSERTION_CLOUD_DATA_HARD_BINDING, StatusKind.FAILURE);
        KINDS.put(ASSERTION_CLOUD_DATA_MALFORMED, StatusKind.FAILURE);
        KINDS.put(ASSERTION_COLLECTION_HASH_INCORRECT_FILE_COUNT, StatusKind.FAILURE);
        KINDS.put(ASSERTION_COLLECTION_HASH_INVALID_URI, StatusKind.FAILURE);
        KINDS.put(ASSERTION_COLLECTION_HASH_MALFORMED, StatusKind.FAILURE);
        KINDS.put(ASSERTION_COLLECTION_HASH_MISMATCH, StatusKind.FAILURE);
        KINDS.put(ASSERTION_DATA_HASH_MALFORMED, StatusKind.FAILURE);
        KINDS.put(ASSERTION_DATA_HASH_MISMATCH, StatusKind.FAILURE);
        KINDS.put(ASSERTION_DATA_HASH_REDACTED, StatusKind.FAILURE);
        KINDS.put(ASSERTION_HASHED_URI_MISMATCH, StatusKind.FAILURE);
        KINDS.put(ASSERTION_INACCESSIBLE, StatusKind.FAILURE);
        KINDS.put(ASSERTION_INGREDIENT_MALFORMED, StatusKind.FAILURE);
        KINDS.put(ASSERTION_JSON_INVALID, StatusKind.FAILURE);
        KINDS.put(ASSERTION_MISSING, StatusKind.FAILURE);
        KINDS.put(ASSERTION_MULTI_ASSET_HASH_MALFORMED, StatusKind.FAILURE);
        KINDS.put(ASSERTION_MULTI_ASSET_HASH_MISSING_PART, StatusKind.FAILURE);
        KINDS.put(ASSERTION_MULTI_ASSET_HASH_MISMATCH, StatusKind.FAILURE);
        KINDS.put(ASSERTION_MULTIPLE_HARD_BINDINGS, StatusKind.FAILURE);
        KINDS.put(ASSERTION_NOT_REDACTED, StatusKind.FAILURE);
        KINDS.put(ASSERTION_OUTSIDE_MANIFEST, StatusKind.FAILURE);
        KINDS.put(ASSERTION_SELF_REDACTED, StatusKind.FAILURE);
        KINDS.put(ASSERTION_TIMESTAMP_MALFORMED, StatusKind.FAILURE);
        KINDS.put(ASSERTION_UNDECLARED, StatusKind.FAILURE);
        KINDS.put(CLAIM_CBOR_INVALID, StatusKind.FAILURE);
        KINDS.put(CLAIM_HARD_BINDINGS_MISSING, StatusKind.FAILURE);
        KINDS.put(CLAIM_MALFORMED, StatusKind.FAILURE);
        KINDS.put(CLAIM_MISSING, StatusKind.FAILURE);
        KINDS.put(CLAIM_MULTIPLE, StatusKind.FAILURE);
        KINDS.put(CLAIM_SIGNATURE_MISSING, StatusKind.FAILURE);
        KINDS.put(CLAIM_SIGNATURE_MISMATCH, StatusKind.FAILURE);
        KINDS.put(CLAIM_SIGNATURE_OUTSIDE_VALIDITY, StatusKind.FAILURE);
        KINDS.put(GENERAL_ERROR, StatusKind.FAILURE);
        KINDS.put(HASHED_URI_MISSING, StatusKind.FAILURE);
        KINDS.put(HASHED_URI_MISMATCH, StatusKind.FAILURE);
        KINDS.put(INGREDIENT_CLAIM_SIGNATURE_MISSING, StatusKind.FAILURE);
        KINDS.put(INGREDIENT_CLAIM_SIGNATURE_MISMATCH, StatusKind.FAILURE);
        KINDS.put(INGREDIENT_MANIFEST_MISSING, StatusKind.FAILURE);
        KINDS.put(INGREDIENT_MANIFEST_MISMATCH, StatusKind.FAILURE);
        KINDS.put(MANIFEST_COMPRESSED_INVALID, StatusKind.FAILURE);
        KINDS.put(MANIFEST_INACCESSIBLE, StatusKind.FAILURE);
        KINDS.put(MANIFEST_MULTIPLE_PARENTS, StatusKind.FAILURE);
        KINDS.put(MANIFEST_TIMESTAMP_INVALID, StatusKind.FAILURE);
        KINDS.put(MANIFEST_TIMESTAMP_WRONG_PARENTS, StatusKind.FAILURE);
        KINDS.put(MANIFEST_UPDATE_INVALID, StatusKind.FAILURE);
        KINDS.put(MANIFEST_UPDATE_WRONG_PARENTS, StatusKind.FAILURE);
        KINDS.put(SIGNING_CREDENTIAL_EXPIRED, StatusKind.FAILURE);
        KINDS.put(SIGNING_CREDENTIAL_INVALID, StatusKind.FAILURE);
        KINDS.put(SIGNING_CREDENTIAL_OCSP_REVOKED, StatusKind.FAILURE);
        KINDS.put(SIGNING_CREDENTIAL_OCSP_UNKNOWN, StatusKind.FAILURE);
        KINDS.put(SIGNING_CREDENTIAL_REVOKED, StatusKind.FAILURE);
        KINDS.put(SIGNING_CREDENTIAL_UNTRUSTED, StatusKind.FAILURE);
    }

    private StatusCodes() {}

    /** The category of a code; custom (unknown) codes are informational. */
    public static StatusKind kindOf(String code) {
        return KINDS.getOrDefault(code, StatusKind.INFORMATIONAL);
    }

    /** Whether {@code code} is one of the standard codes above. */
    public static boolean isStandard(String code) {
        return KINDS.containsKey(code);
    }
}
