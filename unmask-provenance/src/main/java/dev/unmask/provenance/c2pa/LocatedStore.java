package dev.unmask.provenance.c2pa;

/**
 * Where a manifest store was found in an asset (C2PA 2.2 section A: embedding manifests).
 *
 * @param kind embedded, remote (URL only), none, or malformed (a store is present but could not be extracted)
 * @param jumbf the reassembled manifest store superbox bytes when embedded, else null
 * @param remoteUrl the remote manifest URL (XMP {@code dcterms:provenance}) when remote, else null
 * @param container the container the store was found in, e.g. {@code jpeg-app11}, {@code png-caBX}, {@code bmff-uuid}
 * @param problem why extraction failed when malformed, else null
 */
public record LocatedStore(Kind kind, byte[] jumbf, String remoteUrl, String container, String problem) {
    /** Outcome of locating the store. */
    public enum Kind {
        /** A JUMBF manifest store is embedded in the asset. */
        EMBEDDED,
        /** The asset points to a remote manifest store (never fetched). */
        REMOTE,
        /** No manifest store. */
        NONE,
        /** A manifest store container is present but broken. */
        MALFORMED
    }

    static LocatedStore none() {
        return new LocatedStore(Kind.NONE, null, null, null, null);
    }

    static LocatedStore malformed(String container, String problem) {
        return new LocatedStore(Kind.MALFORMED, null, null, container, problem);
    }
}
