package dev.unmask.provenance.c2pa;

/** The three categories of C2PA validation results (C2PA specification 2.2, section 15.2.2). */
public enum StatusKind {
    /** A check passed. */
    SUCCESS,
    /** Worth knowing; does not make the manifest invalid. */
    INFORMATIONAL,
    /** A check failed; the manifest (or the part named by the url) is not valid. */
    FAILURE
}
