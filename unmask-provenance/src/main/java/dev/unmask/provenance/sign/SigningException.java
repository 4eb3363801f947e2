package dev.unmask.provenance.sign;

/** Signing was refused or failed; {@link #reason()} says why in machine-readable form. */
public final class SigningException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why signing did not produce a file. */
    public enum Reason {
        /** The asset is not a JPEG or PNG, or is structurally broken. */
        UNSUPPORTED_OR_MALFORMED,
        /** The asset already carries a C2PA manifest and replacement was not requested. */
        ALREADY_SIGNED,
        /** A size bound was exceeded (asset, assertion, manifest store). */
        TOO_LARGE,
        /** The key, certificate chain or algorithm did not work together. */
        CRYPTO
    }

    private final Reason reason;

    /** Creates the exception. */
    public SigningException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Creates the exception with a cause. */
    public SigningException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** The machine-readable reason. */
    public Reason reason() {
        return reason;
    }
}
