package dev.unmask.provenance.cose;

/** A COSE structure that is malformed or exceeds a bound; callers turn it into a validation status. */
public final class CoseFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    /** With a message. */
    public CoseFormatException(String message) {
        super(message);
    }
}
