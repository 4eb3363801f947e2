package dev.unmask.provenance.sign;

/**
 * A file format the signer can embed a manifest store into.
 */
interface Container {
    /**
     * Parses the asset, removes an existing C2PA manifest container if {@code replace}, and says where the new one
     * goes.
     */
    Prepared prepare(byte[] asset, boolean replace) throws SigningException;

    /** The bytes inserted at {@link Prepared#insertAt()} to carry {@code jumbf}. */
    byte[] wrap(byte[] jumbf) throws SigningException;

    /**
     * @param asset the asset without any C2PA manifest
     * @param insertAt where the wrapped store is inserted
     * @param removedExisting whether a manifest was removed
     */
    record Prepared(byte[] asset, int insertAt, boolean removedExisting) {}
}
