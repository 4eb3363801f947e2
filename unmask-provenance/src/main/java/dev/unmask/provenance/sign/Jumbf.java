package dev.unmask.provenance.sign;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A small JUMBF writer (ISO/IEC 19566-5; C2PA 2.2 section 11.1 and Annex A.3). Boxes are
 * {@code LBox(4) TBox(4) payload}; a superbox ({@code jumb}) starts with a description box ({@code jumd}) holding
 * the 16-byte content type UUID, a toggles byte and a NUL-terminated label.
 */
final class Jumbf {
    /** Box header size: 32-bit LBox plus 32-bit TBox. */
    static final int HEADER = 8;
    /** jumd toggles: requestable (bit 0) and label present (bit 1). */
    static final int TOGGLES_REQUESTABLE_LABEL = 0x03;
    /** Common tail of the C2PA / JUMBF type UUIDs: {@code -0011-0010-8000-00AA00389B71}. */
    private static final byte[] UUID_TAIL = {0x00, 0x11, 0x00, 0x10, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00,
        0x38, (byte) 0x9B, 0x71};

    /** Manifest store (C2PA 2.2 section 11.1.4.1). */
    static final String TYPE_STORE = "c2pa";
    /** Standard manifest. */
    static final String TYPE_MANIFEST = "c2ma";
    /** Assertion store. */
    static final String TYPE_ASSERTIONS = "c2as";
    /** Claim. */
    static final String TYPE_CLAIM = "c2cl";
    /** Claim signature. */
    static final String TYPE_SIGNATURE = "c2cs";
    /** CBOR content (ISO/IEC 19566-5 / C2PA). */
    static final String TYPE_CBOR = "cbor";
    /** JSON content. */
    static final String TYPE_JSON = "json";

    private Jumbf() {}

    /** The 16-byte type UUID whose first four bytes are {@code fourcc}. */
    static byte[] typeUuid(String fourcc) {
        byte[] u = new byte[16];
        System.arraycopy(fourcc(fourcc), 0, u, 0, 4);
        System.arraycopy(UUID_TAIL, 0, u, 4, UUID_TAIL.length);
        return u;
    }

    /** A plain box {@code LBox TBox payload}. */
    static byte[] box(String type, byte[] payload) {
        long size = (long) HEADER + payload.length;
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("box too large");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) size);
        writeInt(out, (int) size);
        out.writeBytes(fourcc(type));
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /** A description box for a superbox of content type {@code typeFourcc} and {@code label}. */
    static byte[] description(String typeFourcc, String label) {
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.writeBytes(typeUuid(typeFourcc));
        p.write(TOGGLES_REQUESTABLE_LABEL);
        p.writeBytes(label.getBytes(StandardCharsets.UTF_8));
        p.write(0);
        return box("jumd", p.toByteArray());
    }

    /** The payload of a superbox: its description box followed by the children (what hashed URIs hash). */
    static byte[] superboxContents(String typeFourcc, String label, byte[]... children) {
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.writeBytes(description(typeFourcc, label));
        for (byte[] c : children) {
            p.writeBytes(c);
        }
        return p.toByteArray();
    }

    /** A complete {@code jumb} superbox from its contents. */
    static byte[] superbox(byte[] contents) {
        return box("jumb", contents);
    }

    static byte[] fourcc(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        if (b.length != 4) {
            throw new IllegalArgumentException("not a four-character code: " + s);
        }
        return b;
    }

    static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }
}
