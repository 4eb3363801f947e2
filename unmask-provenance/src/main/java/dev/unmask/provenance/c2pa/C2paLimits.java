package dev.unmask.provenance.c2pa;

/**
 * Bounds applied while reading an untrusted manifest store (C2PA 2.2 section 15 validation must not be a denial of
 * service vector). All values must be positive.
 *
 * @param maxStoreBytes largest manifest store accepted, in bytes
 * @param maxDepth deepest JUMBF box nesting
 * @param maxBoxes most JUMBF boxes in a store (also bounds JPEG segments, PNG chunks and BMFF top-level boxes)
 * @param maxCborNesting deepest CBOR nesting in a claim or assertion
 * @param maxIngredientDepth deepest ingredient chain followed during validation
 * @param maxExclusions most exclusion ranges in a hard-binding assertion
 */
public record C2paLimits(int maxStoreBytes, int maxDepth, int maxBoxes, int maxCborNesting, int maxIngredientDepth,
        int maxExclusions) {
    /** Default: 64 MiB store. */
    public static final int DEFAULT_MAX_STORE_BYTES = 64 << 20;
    /** Default JUMBF depth; real stores use 4 or 5 levels. */
    public static final int DEFAULT_MAX_DEPTH = 16;
    /** Default box count. */
    public static final int DEFAULT_MAX_BOXES = 5000;
    /** Default CBOR nesting. */
    public static final int DEFAULT_MAX_CBOR_NESTING = 32;
    /** Default ingredient depth (the reference implementation also stops at a fixed depth). */
    public static final int DEFAULT_MAX_INGREDIENT_DEPTH = 16;
    /** Default exclusion count. */
    public static final int DEFAULT_MAX_EXCLUSIONS = 1000;
    /** Most CBOR items per decoded claim or assertion, derived from the store size (one item is at least a byte). */
    static final int MAX_CBOR_ITEMS = 1 << 20;

    /** Validates the limits. */
    public C2paLimits {
        if (maxStoreBytes <= 0 || maxDepth <= 0 || maxBoxes <= 0 || maxCborNesting <= 0 || maxIngredientDepth <= 0
                || maxExclusions <= 0) {
            throw new IllegalArgumentException("all C2PA limits must be positive");
        }
    }

    /** The default limits. */
    public static C2paLimits defaults() {
        return new C2paLimits(DEFAULT_MAX_STORE_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_BOXES, DEFAULT_MAX_CBOR_NESTING,
                DEFAULT_MAX_INGREDIENT_DEPTH, DEFAULT_MAX_EXCLUSIONS);
    }
}
