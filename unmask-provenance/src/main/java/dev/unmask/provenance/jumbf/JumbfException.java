package dev.unmask.provenance.jumbf;

/** A malformed or over-limit JUMBF structure (ISO/IEC 19566-5). Never escapes the public C2PA API. */
public final class JumbfException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the problem. */
    public JumbfException(String message) {
        super(message);
    }
}
