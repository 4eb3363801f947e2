package dev.unmask.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A protocol-buffer message writer with the two wire types ONNX models need: varint (wire type 0) and
 * length-delimited (wire type 2) fields, as the protocol-buffers encoding guide defines them. Nested messages are
 * written into their own writer and added as bytes.
 */
final class ProtoWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** Adds a varint field. */
    ProtoWriter varint(int field, long v) {
        raw((long) field << 3);
        raw(v);
        return this;
    }

    /** Adds a length-delimited field (a nested message, packed values or raw bytes). */
    ProtoWriter bytes(int field, byte[] b) {
        raw(((long) field << 3) | 2);
        raw(b.length);
        out.writeBytes(b);
        return this;
    }

    /** Adds a UTF-8 string field. */
    ProtoWriter string(int field, String s) {
        return bytes(field, s.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds a float field (wire type 5, little-endian). */
    ProtoWriter float32(int field, float f) {
        raw(((long) field << 3) | 5);
        int bits = Float.floatToIntBits(f);
        for (int i = 0; i < 4; i++) {
            out.write((bits >>> (8 * i)) & 0xff);
        }
        return this;
    }

    private void raw(long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    /** The message's bytes. */
    byte[] toBytes() {
        return out.toByteArray();
    }
}
