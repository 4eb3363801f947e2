package dev.unmask.provenance.sign;

import com.upokecenter.cbor.CBORObject;
import java.util.UUID;

/**
 * The {@code c2pa.ingredient.v3} assertion describing the input asset of an edit as the {@code parentOf}
 * ingredient (C2PA 2.2 sections 18.15.2 to 18.15.6), and the {@code c2pa.opened} action that must reference it by
 * hashed URI (sections 18.14 and 15.10.3.2.2: exactly one hashed URI in {@code parameters.ingredients} resolving to
 * a parentOf ingredient of the same manifest).
 *
 * <p>The ingredient carries no {@code activeManifest}/{@code claimSignature}: either the input had no manifest, or
 * the signer removed it ({@link C2paSigner.Builder#replaceExisting(boolean)}) and does not carry it over, which the
 * ingredient's {@code description} then states. Its {@code instanceID} is derived from the SHA-256 of the input
 * bytes (section 8.3 leaves the method to the claim generator for assets without C2PA data; XMP is not read).
 */
final class ParentIngredient {
    /** Label of the (only) ingredient assertion written. */
    static final String LABEL = "c2pa.ingredient.v3";
    /** Relationship of the input to the signed asset (C2PA 2.2 Table 10). */
    static final String PARENT_OF = "parentOf";
    /** Prefix of the derived instance identifier. */
    static final String IID_PREFIX = "xmp:iid:";
    /** Bytes of the input's SHA-256 used for the derived UUID. */
    private static final int UUID_BYTES = 16;
    /** RFC 9562 version 8 (custom) in the UUID's version nibble. */
    private static final int UUID_VERSION_8 = 0x80;
    /** RFC 9562 variant bits {@code 10}. */
    private static final int UUID_VARIANT = 0x80;
    /** Statement recorded when the input's own manifest store was dropped. */
    static final String REMOVED_MANIFEST_NOTE = "The input carried a C2PA manifest store, which was removed by the "
            + "signer and is not included as this ingredient's manifest.";

    private ParentIngredient() {}

    /**
     * The ingredient assertion for an input asset.
     *
     * @param input the input file as given to the signer
     * @param mime its IANA media type ({@code dc:format})
     * @param title its name ({@code dc:title}), or null to omit
     * @param removedManifest whether the signer removed a manifest store from the input
     */
    static ManifestWriter.Assertion assertion(byte[] input, String mime, String title, boolean removedManifest) {
        CBORObject m = CBORObject.NewOrderedMap();
        if (title != null) {
            m.Add("dc:title", title);
        }
        m.Add("dc:format", mime);
        m.Add("relationship", PARENT_OF);
        m.Add("instanceID", instanceId(input));
        if (removedManifest) {
            m.Add("description", REMOVED_MANIFEST_NOTE);
        }
        return new ManifestWriter.Assertion(LABEL, Jumbf.TYPE_CBOR, DeterministicCbor.encode(m));
    }

    /** {@code xmp:iid:} plus a version-8 UUID made of the first 16 bytes of the SHA-256 of {@code input}. */
    static String instanceId(byte[] input) {
        byte[] h = ManifestWriter.sha256(input);
        h[6] = (byte) ((h[6] & 0x0F) | UUID_VERSION_8);
        h[8] = (byte) ((h[8] & 0x3F) | UUID_VARIANT);
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < UUID_BYTES / 2; i++) {
            hi = (hi << Byte.SIZE) | (h[i] & 0xFF);
            lo = (lo << Byte.SIZE) | (h[i + UUID_BYTES / 2] & 0xFF);
        }
        return IID_PREFIX + new UUID(hi, lo);
    }

    /** The {@code parameters} map of the {@code c2pa.opened} action referencing {@code ingredient}. */
    static CBORObject openedParameters(ManifestWriter.Assertion ingredient) {
        CBORObject p = CBORObject.NewOrderedMap();
        p.Add("ingredients", CBORObject.NewArray().Add(ManifestWriter.hashedUri(ingredient)));
        return p;
    }
}
