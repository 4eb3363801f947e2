package dev.unmask.provenance.jumbf;

/**
 * A JUMBF description box ({@code jumd}, ISO/IEC 19566-5 section B.3; C2PA 2.2 section A.3): the content type
 * UUID of the superbox, its toggles and the optional label, id, SHA-256 hash and private box.
 *
 * @param typeUuid content type as 32 lowercase hex digits (e.g. {@code 6332706100110010800000aa00389b71} for c2pa)
 * @param toggles raw toggle byte
 * @param label the label, or null when the label toggle is off
 * @param id the id, or null
 * @param hash the 32-byte hash, or null
 * @param hasPrivate whether a private box follows
 */
public record JumbfDescription(String typeUuid, int toggles, String label, Integer id, byte[] hash, boolean hasPrivate) {
    /** Toggle bit: the box is requestable (has a label). */
    public static final int TOGGLE_LABEL = 0x02;
    /** Toggle bit: an id follows the label. */
    public static final int TOGGLE_ID = 0x04;
    /** Toggle bit: a SHA-256 hash follows. */
    public static final int TOGGLE_HASH = 0x08;
    /** Toggle bit: a private box follows. */
    public static final int TOGGLE_PRIVATE = 0x10;

    /** The four-character prefix of the type UUID (e.g. {@code c2pa}, {@code c2ma}, {@code c2as}, {@code cbor}). */
    public String typeTag() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i + 1 < Math.min(typeUuid.length(), 8); i += 2) {
            int c = Integer.parseInt(typeUuid, i, i + 2, 16);
            sb.append(c >= 0x20 && c < 0x7f ? (char) c : '?');
        }
        return sb.toString();
    }
}
