package dev.unmask.provenance.sign;

import com.upokecenter.cbor.CBORObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * Assembles the JUMBF manifest store of one standard manifest (C2PA 2.2 sections 11.1.4 and 10):
 * <pre>
 * jumb "c2pa" (c2pa)                          manifest store
 *   jumb "urn:c2pa:UUID" (c2ma)               the (active) manifest
 *     jumb "c2pa.assertions" (c2as)           assertion store
 *       [jumb "c2pa.ingredient.v3" (cbor)]  jumb "c2pa.actions.v2" (cbor)  + extra assertions (cbor/json)
 *       + jumb "c2pa.hash.data" (cbor)
 *     jumb "c2pa.claim.v2" (c2cl)  cbor       claim
 *     jumb "c2pa.signature" (c2cs) cbor       COSE_Sign1 over the claim bytes
 * </pre>
 * Hashed URIs hash the assertion superbox contents without its header (C2PA 2.2 section 8.4.2.3).
 */
final class ManifestWriter {
    /** C2PA hash algorithm identifier used everywhere. */
    static final String ALG = "sha256";
    /** Label of the manifest store superbox. */
    static final String STORE_LABEL = "c2pa";
    /** Label of the assertion store. */
    static final String ASSERTIONS_LABEL = "c2pa.assertions";
    /** Claim label (C2PA 2.2 section 10.1). */
    static final String CLAIM_LABEL = "c2pa.claim.v2";
    /** Claim signature label. */
    static final String SIGNATURE_LABEL = "c2pa.signature";
    /** Actions assertion label (v2, C2PA 2.2 section 18.14). */
    static final String ACTIONS_LABEL = "c2pa.actions.v2";
    /** Data hash (hard binding) assertion label (C2PA 2.2 section 18.5). */
    static final String DATA_HASH_LABEL = "c2pa.hash.data";
    /** Relative JUMBF URI of the claim signature. */
    static final String SIGNATURE_URI = "self#jumbf=" + SIGNATURE_LABEL;
    /** Name of the exclusion in the data hash. */
    static final String DATA_HASH_NAME = "jumbf manifest";
    /** Length of a SHA-256 digest. */
    static final int HASH_LENGTH = 32;

    /** One assertion: label, JUMBF content type (cbor/json) and payload. */
    record Assertion(String label, String type, byte[] payload) {}

    /** Everything that goes into the store besides the signature. */
    record Content(String manifestLabel, String instanceId, CBORObject generatorInfo, String title,
            List<Assertion> assertions) {}

    private ManifestWriter() {}

    /** The {@code c2pa.hash.data} assertion for one exclusion range. */
    static Assertion dataHash(byte[] hash, long start, long length, int padLength) {
        CBORObject ex = CBORObject.NewOrderedMap();
        ex.Add("start", start);
        ex.Add("length", length);
        CBORObject m = CBORObject.NewOrderedMap();
        m.Add("exclusions", CBORObject.NewArray().Add(ex));
        m.Add("name", DATA_HASH_NAME);
        m.Add("alg", ALG);
        m.Add("hash", CBORObject.FromObject(hash));
        m.Add("pad", CBORObject.FromObject(new byte[padLength]));
        return new Assertion(DATA_HASH_LABEL, Jumbf.TYPE_CBOR, DeterministicCbor.encode(m));
    }

    /** The claim bytes for {@code content} (deterministic CBOR, C2PA 2.2 section 10.2). */
    static byte[] claim(Content content) {
        CBORObject refs = CBORObject.NewArray();
        for (Assertion a : content.assertions()) {
            refs.Add(hashedUri(a));
        }
        CBORObject c = CBORObject.NewOrderedMap();
        c.Add("instanceID", content.instanceId());
        c.Add("claim_generator_info", content.generatorInfo());
        c.Add("signature", SIGNATURE_URI);
        c.Add("created_assertions", refs);
        if (content.title() != null) {
            c.Add("dc:title", content.title());
        }
        c.Add("alg", ALG);
        return DeterministicCbor.encode(c);
    }

    /** The hashed URI ({@code url}, {@code alg}, {@code hash}) of assertion {@code a} (C2PA 2.2 section 8.4.2). */
    static CBORObject hashedUri(Assertion a) {
        CBORObject ref = CBORObject.NewOrderedMap();
        ref.Add("url", "self#jumbf=" + ASSERTIONS_LABEL + "/" + a.label());
        ref.Add("alg", ALG);
        ref.Add("hash", CBORObject.FromObject(sha256(assertionContents(a))));
        return ref;
    }

    /** The complete manifest store for {@code content}, its claim bytes and the COSE_Sign1 bytes. */
    static byte[] store(Content content, byte[] claim, byte[] coseSign1) {
        List<byte[]> boxes = new ArrayList<>();
        for (Assertion a : content.assertions()) {
            boxes.add(Jumbf.superbox(assertionContents(a)));
        }
        byte[] assertionStore = Jumbf.superbox(
                Jumbf.superboxContents(Jumbf.TYPE_ASSERTIONS, ASSERTIONS_LABEL, boxes.toArray(byte[][]::new)));
        byte[] claimBox = Jumbf.superbox(
                Jumbf.superboxContents(Jumbf.TYPE_CLAIM, CLAIM_LABEL, Jumbf.box(Jumbf.TYPE_CBOR, claim)));
        byte[] sigBox = Jumbf.superbox(
                Jumbf.superboxContents(Jumbf.TYPE_SIGNATURE, SIGNATURE_LABEL, Jumbf.box(Jumbf.TYPE_CBOR, coseSign1)));
        byte[] manifest = Jumbf.superbox(Jumbf.superboxContents(Jumbf.TYPE_MANIFEST, content.manifestLabel(),
                assertionStore, claimBox, sigBox));
        return Jumbf.superbox(Jumbf.superboxContents(Jumbf.TYPE_STORE, STORE_LABEL, manifest));
    }

    /** The assertion superbox contents (description box + content box), which its hashed URI hashes. */
    static byte[] assertionContents(Assertion a) {
        return Jumbf.superboxContents(a.type(), a.label(), Jumbf.box(a.type(), a.payload()));
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
