package dev.unmask.provenance.c2pa;

import com.upokecenter.cbor.CBORObject;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;

/** Builds small C2PA stores and JPEGs in tests (JUMBF per C2PA 2.2 A.3, APP11 per ISO 19566-5 annex A). */
final class StoreBuilder {
    static final byte[] JPEG_BODY = {(byte) 0xff, (byte) 0xdb, 0, 4, 1, 2, (byte) 0xff, (byte) 0xda, 0, 2, 9, 9, 9, (byte) 0xff, (byte) 0xd9};
    private static final int MAX_APP11_DATA = 65535 - 2 - 8;

    private StoreBuilder() {}

    static byte[] box(String type, byte[] payload) {
        return ByteBuffer.allocate(8 + payload.length).putInt(8 + payload.length)
                .put(type.getBytes(StandardCharsets.ISO_8859_1)).put(payload).array();
    }

    static byte[] jumd(String tag, String label) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(tag.getBytes(StandardCharsets.ISO_8859_1));
        o.writeBytes(new byte[] {0, 0x11, 0, 0x10, (byte) 0x80, 0, 0, (byte) 0xaa, 0, 0x38, (byte) 0x9b, 0x71});
        o.write(0x03);
        o.writeBytes(label.getBytes(StandardCharsets.UTF_8));
        o.write(0);
        return box("jumd", o.toByteArray());
    }

    static byte[] superbox(String tag, String label, byte[]... children) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(jumd(tag, label));
        for (byte[] c : children) {
            o.writeBytes(c);
        }
        return box("jumb", o.toByteArray());
    }

    static byte[] cborAssertion(String label, CBORObject value) {
        return superbox("cbor", label, box("cbor", value.EncodeToBytes()));
    }

    /** SHA-256 of a superbox payload (after its 8-byte header), as hashed URIs require. */
    static byte[] payloadHash(byte[] superbox) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(Arrays.copyOfRange(superbox, 8, superbox.length));
    }

    static CBORObject hashedUri(String assertionLabel, byte[] assertionBox) throws Exception {
        return CBORObject.NewMap().Add("url", "self#jumbf=c2pa.assertions/" + assertionLabel).Add("hash", payloadHash(assertionBox));
    }

    /** A v1 manifest referencing every assertion with a correct hashed URI. */
    static byte[] manifest(String label, List<String> labels, List<byte[]> assertions) throws Exception {
        CBORObject refs = CBORObject.NewArray();
        for (int i = 0; i < labels.size(); i++) {
            refs.Add(hashedUri(labels.get(i), assertions.get(i)));
        }
        CBORObject claim = CBORObject.NewMap().Add("claim_generator", "unmask-test").Add("signature", "self#jumbf=c2pa.signature")
                .Add("assertions", refs).Add("dc:format", "image/jpeg").Add("instanceID", "xmp:iid:test").Add("alg", "sha256");
        return manifestWithClaim(label, claim.EncodeToBytes(), assertions);
    }

    static byte[] manifestWithClaim(String label, byte[] claimCbor, List<byte[]> assertions) {
        return superbox("c2ma", label, superbox("c2as", "c2pa.assertions", assertions.toArray(byte[][]::new)),
                superbox("c2cl", "c2pa.claim", box("cbor", claimCbor)),
                signatureBox());
    }

    /** The placeholder signature superbox every built manifest carries. */
    static byte[] signatureBox() {
        return superbox("c2cs", "c2pa.signature", box("cbor", new byte[] {(byte) 0xd2, (byte) 0x84, 0x40, (byte) 0xa0, (byte) 0xf6, 0x40}));
    }

    static byte[] store(byte[]... manifests) {
        return superbox("c2pa", "c2pa", manifests);
    }

    /** SOI + the store in APP11 segments (header repeated in each) + {@link #JPEG_BODY}. */
    static byte[] jpeg(byte[] store) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(0xff);
        o.write(0xd8);
        o.writeBytes(app11(store));
        o.writeBytes(JPEG_BODY);
        return o.toByteArray();
    }

    static byte[] app11(byte[] store) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        int pos = 0;
        int seq = 1;
        while (pos < store.length) {
            byte[] header = seq == 1 ? new byte[0] : Arrays.copyOfRange(store, 0, 8);
            int n = Math.min(MAX_APP11_DATA - header.length, store.length - pos);
            int len = 2 + 8 + header.length + n;
            o.write(0xff);
            o.write(0xeb);
            o.write(len >> 8);
            o.write(len & 0xff);
            o.writeBytes(new byte[] {'J', 'P', 0, 1});
            o.writeBytes(ByteBuffer.allocate(4).putInt(seq++).array());
            o.writeBytes(header);
            o.write(store, pos, n);
            pos += n;
        }
        return o.toByteArray();
    }

    /** A data-hash assertion over a JPEG made by {@link #jpeg}, excluding the APP11 segments. */
    static CBORObject dataHash(long start, long length, byte[] hash) {
        return CBORObject.NewMap().Add("exclusions", CBORObject.NewArray().Add(CBORObject.NewMap().Add("start", start).Add("length", length)))
                .Add("alg", "sha256").Add("hash", hash).Add("name", "jumbf manifest");
    }

    /** A complete, valid signed-looking JPEG with one manifest (data hash + given extra assertions). */
    static byte[] validJpeg(String manifestLabel) throws Exception {
        byte[] bodyHash = MessageDigest.getInstance("SHA-256").digest(concat(new byte[] {(byte) 0xff, (byte) 0xd8}, JPEG_BODY));
        long length = 100;
        for (int i = 0; i < 4; i++) {
            byte[] dh = cborAssertion("c2pa.hash.data", dataHash(2, length, bodyHash));
            byte[] store = store(manifest(manifestLabel, List.of("c2pa.hash.data"), List.of(dh)));
            long real = app11(store).length;
            if (real == length) {
                return jpeg(store);
            }
            length = real;
        }
        throw new IllegalStateException("exclusion length did not converge");
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
