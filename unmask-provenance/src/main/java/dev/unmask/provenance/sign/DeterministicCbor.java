package dev.unmask.provenance.sign;

import com.upokecenter.cbor.CBORObject;
import com.upokecenter.cbor.CBORType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Encodes CBOR with the Core Deterministic Encoding Requirements of RFC 8949 section 4.2.1 (shortest integer and
 * length heads, definite lengths, map keys sorted by the bytewise order of their encodings), as C2PA 2.2 section 10
 * requires for claims. Applied to every structure the signer writes so that signing is reproducible.
 */
final class DeterministicCbor {
    /** Deepest nesting accepted from caller-supplied assertion values. */
    static final int MAX_DEPTH = 32;

    private DeterministicCbor() {}

    /** The deterministic encoding of {@code value}. */
    static byte[] encode(CBORObject value) {
        return canonical(value, 0).EncodeToBytes();
    }

    /** A copy of {@code value} whose maps keep their keys in deterministic order. */
    static CBORObject canonical(CBORObject value, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("CBOR value nested deeper than " + MAX_DEPTH);
        }
        CBORObject out;
        if (value.getType() == CBORType.Map) {
            List<CBORObject> keys = new ArrayList<>(value.getKeys());
            keys.sort((a, b) -> Arrays.compareUnsigned(a.EncodeToBytes(), b.EncodeToBytes()));
            out = CBORObject.NewOrderedMap();
            for (CBORObject k : keys) {
                out.Add(canonical(k, depth + 1), canonical(value.get(k), depth + 1));
            }
        } else if (value.getType() == CBORType.Array) {
            out = CBORObject.NewArray();
            for (int i = 0; i < value.size(); i++) {
                out.Add(canonical(value.get(i), depth + 1));
            }
        } else {
            return value;
        }
        com.upokecenter.numbers.EInteger[] tags = value.GetAllTags();
        for (int i = tags.length - 1; i >= 0; i--) {
            out = CBORObject.FromObjectAndTag(out, tags[i]);
        }
        return out;
    }
}
