package dev.unmask.provenance.cose;

import com.upokecenter.cbor.CBORException;
import com.upokecenter.cbor.CBORObject;
import com.upokecenter.cbor.CBORType;

/**
 * A parsed COSE_Sign1 structure (RFC 9052 section 4.2): {@code [protected: bstr, unprotected: map, payload: bstr /
 * nil, signature: bstr]}, optionally with CBOR tag 18. C2PA claim signatures have a detached payload (the claim,
 * C2PA specification 2.2 section 10.3.1). Parsing is bounded by {@link #MAX_COSE_BYTES}; CBOR nesting depth is
 * bounded by the CBOR library.
 *
 * @param protectedBytes the serialized protected header exactly as signed
 * @param protectedHeader the decoded protected header map (empty when the bstr is empty)
 * @param unprotectedHeader the unprotected header map
 * @param signature the signature bytes
 */
public record CoseSign1(byte[] protectedBytes, CBORObject protectedHeader, CBORObject unprotectedHeader,
        byte[] signature) {
    /** CBOR tag of COSE_Sign1. */
    public static final int TAG_COSE_SIGN1 = 18;
    /** Largest COSE_Sign1 parsed, 32 MiB (a chain and time-stamps are a few KiB in practice). */
    public static final int MAX_COSE_BYTES = 32 << 20;
    /** Number of elements of a COSE_Sign1 array. */
    private static final int SIGN1_ELEMENTS = 4;
    /** Header label of the signature algorithm (RFC 9052 section 3.1). */
    public static final int LABEL_ALG = 1;
    /** Header label of x5chain (RFC 9360). */
    public static final int LABEL_X5CHAIN = 33;

    /** Parses {@code bytes}; every structural problem becomes a {@link CoseFormatException}. */
    public static CoseSign1 parse(byte[] bytes) throws CoseFormatException {
        if (bytes == null || bytes.length == 0) {
            throw new CoseFormatException("empty COSE_Sign1");
        }
        if (bytes.length > MAX_COSE_BYTES) {
            throw new CoseFormatException("COSE_Sign1 larger than " + MAX_COSE_BYTES + " bytes");
        }
        CBORObject root = decode(bytes, "COSE_Sign1");
        if (root.isTagged()) {
            if (!root.HasOneTag(TAG_COSE_SIGN1)) {
                throw new CoseFormatException("unexpected CBOR tag on COSE_Sign1");
            }
            root = root.UntagOne();
        }
        if (root.getType() != CBORType.Array || root.size() != SIGN1_ELEMENTS) {
            throw new CoseFormatException("COSE_Sign1 is not a 4-element array");
        }
        CBORObject prot = root.get(0);
        CBORObject unprot = root.get(1);
        CBORObject payload = root.get(2);
        CBORObject sig = root.get(3);
        if (prot.getType() != CBORType.ByteString || prot.isTagged()) {
            throw new CoseFormatException("protected header is not a byte string");
        }
        if (unprot.getType() != CBORType.Map) {
            throw new CoseFormatException("unprotected header is not a map");
        }
        if (!payload.isNull() && payload.getType() != CBORType.ByteString) {
            throw new CoseFormatException("payload is neither nil nor a byte string");
        }
        if (sig.getType() != CBORType.ByteString) {
            throw new CoseFormatException("signature is not a byte string");
        }
        byte[] protBytes = prot.GetByteString();
        CBORObject protMap = protBytes.length == 0 ? CBORObject.NewMap() : decode(protBytes, "protected header");
        if (protMap.getType() != CBORType.Map) {
            throw new CoseFormatException("protected header is not a map");
        }
        return new CoseSign1(protBytes, protMap, unprot, sig.GetByteString());
    }

    /** The value of a label in the protected header, or null. */
    public CBORObject protectedValue(Object label) {
        return protectedHeader.get(CBORObject.FromObject(label));
    }

    /** The value of a label in the unprotected header, or null. */
    public CBORObject unprotectedValue(Object label) {
        return unprotectedHeader.get(CBORObject.FromObject(label));
    }

    static CBORObject decode(byte[] bytes, String what) throws CoseFormatException {
        try {
            return CBORObject.DecodeFromBytes(bytes);
        } catch (CBORException | IllegalArgumentException | IllegalStateException e) {
            throw new CoseFormatException(what + " is not valid CBOR: " + e.getMessage());
        } catch (StackOverflowError e) {
            throw new CoseFormatException(what + " is nested too deeply");
        }
    }
}
