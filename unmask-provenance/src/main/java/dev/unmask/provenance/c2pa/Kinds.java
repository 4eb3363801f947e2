package dev.unmask.provenance.c2pa;

/**
 * The category of a status as this reader reports it: {@link StatusCodes#kindOf} for standard codes, and failure
 * for the reference implementation's unofficial {@code com.adobe.prerelease} code (c2pa-rs logs it as a failure).
 */
final class Kinds {
    private Kinds() {}

    static StatusKind of(ValidationStatus s) {
        return StoreParser.STATUS_PRERELEASE.equals(s.code()) ? StatusKind.FAILURE : s.kind();
    }
}
