package dev.unmask.provenance.sign;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Embeds a manifest store in a PNG {@code caBX} chunk (C2PA 2.2 Annex A.3 "PNG": ancillary, private, not safe to
 * copy; recommended before IDAT). The chunk is inserted right after IHDR; the data hash exclusion covers the whole
 * chunk (length, type, data and CRC; C2PA 2.2 section 18.5 requires at least length and type).
 */
final class PngContainer implements Container {
    /** PNG signature length. */
    static final int SIGNATURE_LENGTH = 8;
    /** Length(4) + type(4) + CRC(4). */
    static final int CHUNK_OVERHEAD = 12;
    /** Most chunks walked. */
    static final int MAX_CHUNKS = 1 << 20;
    /** The C2PA chunk type. */
    static final String CABX = "caBX";
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    @Override
    public Prepared prepare(byte[] asset, boolean replace) throws SigningException {
        if (asset.length < SIGNATURE_LENGTH + CHUNK_OVERHEAD) {
            throw malformed("too short");
        }
        for (int i = 0; i < SIGNATURE_LENGTH; i++) {
            if (asset[i] != SIGNATURE[i]) {
                throw malformed("bad signature");
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(asset.length);
        out.write(asset, 0, SIGNATURE_LENGTH);
        int pos = SIGNATURE_LENGTH;
        int insertAt = -1;
        boolean removed = false;
        boolean ended = false;
        for (int n = 0; n < MAX_CHUNKS && !ended; n++) {
            if (pos + CHUNK_OVERHEAD > asset.length) {
                throw malformed("truncated chunk at " + pos);
            }
            long len = JpegContainer.readInt(asset, pos) & 0xFFFFFFFFL;
            if (len > asset.length - pos - CHUNK_OVERHEAD) {
                throw malformed("chunk length out of range at " + pos);
            }
            String type = new String(asset, pos + 4, 4, StandardCharsets.ISO_8859_1);
            int total = (int) len + CHUNK_OVERHEAD;
            if (n == 0 && !type.equals("IHDR")) {
                throw malformed("first chunk is not IHDR");
            }
            if (type.equals(CABX)) {
                if (!replace) {
                    throw new SigningException(SigningException.Reason.ALREADY_SIGNED,
                            "the PNG already carries a C2PA manifest store (caBX)");
                }
                removed = true;
            } else {
                out.write(asset, pos, total);
            }
            if (n == 0) {
                insertAt = out.size();
            }
            ended = type.equals("IEND");
            pos += total;
        }
        if (!ended) {
            throw malformed("no IEND chunk");
        }
        out.write(asset, pos, asset.length - pos);
        return new Prepared(out.toByteArray(), insertAt, removed);
    }

    @Override
    public byte[] wrap(byte[] jumbf) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(jumbf.length + CHUNK_OVERHEAD);
        Jumbf.writeInt(out, jumbf.length);
        byte[] type = CABX.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(type);
        out.writeBytes(jumbf);
        CRC32 crc = new CRC32();
        crc.update(type);
        crc.update(jumbf);
        Jumbf.writeInt(out, (int) crc.getValue());
        return out.toByteArray();
    }

    private static SigningException malformed(String why) {
        return new SigningException(SigningException.Reason.UNSUPPORTED_OR_MALFORMED, "PNG: " + why);
    }
}
