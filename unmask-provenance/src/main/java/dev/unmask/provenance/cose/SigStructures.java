package dev.unmask.provenance.cose;

import com.upokecenter.cbor.CBORObject;

/**
 * The to-be-signed structures of RFC 9052 section 4.4: {@code Sig_structure} for COSE_Sign1 (context
 * {@code "Signature1"}) and the structure C2PA time-stamps are computed over (context {@code "CounterSignature"},
 * without a signer protected header, C2PA specification 2.2 section 10.3.2.5 and the reference implementation).
 */
public final class SigStructures {
    private static final byte[] EMPTY = new byte[0];

    private SigStructures() {}

    /** {@code ["Signature1", body_protected, external_aad = h'', payload]}. */
    public static byte[] signature1(byte[] protectedBytes, byte[] payload) {
        return build("Signature1", protectedBytes, payload);
    }

    /** {@code ["CounterSignature", body_protected, external_aad = h'', payload]}. */
    public static byte[] counterSignature(byte[] protectedBytes, byte[] payload) {
        return build("CounterSignature", protectedBytes, payload);
    }

    private static byte[] build(String context, byte[] protectedBytes, byte[] payload) {
        CBORObject a = CBORObject.NewArray();
        a.Add(CBORObject.FromObject(context));
        a.Add(CBORObject.FromObject(protectedBytes));
        a.Add(CBORObject.FromObject(EMPTY));
        a.Add(CBORObject.FromObject(payload));
        return a.EncodeToBytes();
    }
}
