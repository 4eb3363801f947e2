package dev.unmask.provenance.c2pa;

import dev.unmask.provenance.jumbf.JumbfBox;

/**
 * One assertion of a manifest's assertion store (C2PA 2.2 section 6 and A.3.3).
 *
 * @param label assertion label as stored, e.g. {@code c2pa.ingredient__1}
 * @param box the assertion superbox; its payload is what a hashed URI hashes (section 8.3)
 * @param contentType {@code cbor}, {@code json}, {@code embedded-file}, {@code uuid} or the raw box type
 * @param data the decoded value for CBOR and JSON assertions, else null
 * @param decodeError why decoding failed, else null
 */
public record AssertionBox(String label, JumbfBox box, String contentType, Object data, String decodeError) {
    /** The label without the {@code __N} instance suffix (section 6.2). */
    public String baseLabel() {
        int i = label.lastIndexOf("__");
        return i > 0 && label.substring(i + 2).chars().allMatch(Character::isDigit) ? label.substring(0, i) : label;
    }

    /** The label without instance suffix and version suffix {@code .vN}. */
    public String unversionedLabel() {
        String b = baseLabel();
        int i = b.lastIndexOf(".v");
        return i > 0 && b.length() > i + 2 && b.substring(i + 2).chars().allMatch(Character::isDigit) ? b.substring(0, i) : b;
    }
}
