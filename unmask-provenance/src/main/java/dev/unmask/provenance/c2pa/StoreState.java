package dev.unmask.provenance.c2pa;

/** The overall outcome of reading an asset's provenance (C2PA 2.2 section 15.3, validation states). */
public enum StoreState {
    /** The active manifest validated: claim signature valid and no failures in it or its ingredients. */
    VALID,
    /** A manifest store is present but a check failed (or it could not be read). */
    INVALID,
    /** The asset carries no manifest store. */
    NO_MANIFEST,
    /** The asset points to a remote manifest store, which is not fetched. */
    REMOTE
}
