package dev.unmask.gan;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Embeds an XMP packet in a PNG as an uncompressed {@code iTXt} chunk with keyword {@code XML:com.adobe.xmp}
 * (XMP Specification Part 3, section 1.1.5; PNG Specification, 3rd edition, section 11.3.3.4), inserted right
 * after IHDR, so before any IDAT. The packet declares the IPTC digital source type
 * {@code trainedAlgorithmicMedia} (IPTC Photo Metadata Standard 2023.1, Iptc4xmpExt:DigitalSourceType; NewsCodes
 * vocabulary "digitalsourcetype") and names the generating software in xmp:CreatorTool and tiff:Software.
 */
final class PngXmp {
    /** IPTC NewsCodes term for media created by a trained model. */
    static final String TRAINED_ALGORITHMIC_MEDIA =
            "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia";
    /** The iTXt keyword for XMP. */
    static final String KEYWORD = "XML:com.adobe.xmp";
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private PngXmp() {
    }

    /** The XMP packet declaring trained-algorithmic media made by {@code software}. */
    static String packet(String software) {
        String sw = escape(software);
        return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                + " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                + "  <rdf:Description rdf:about=\"\"\n"
                + "    xmlns:Iptc4xmpExt=\"http://iptc.org/std/Iptc4xmpExt/2008-02-29/\"\n"
                + "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
                + "    xmlns:tiff=\"http://ns.adobe.com/tiff/1.0/\"\n"
                + "    Iptc4xmpExt:DigitalSourceType=\"" + TRAINED_ALGORITHMIC_MEDIA + "\"\n"
                + "    xmp:CreatorTool=\"" + sw + "\"\n"
                + "    tiff:Software=\"" + sw + "\"/>\n"
                + " </rdf:RDF>\n"
                + "</x:xmpmeta>\n"
                + "<?xpacket end=\"r\"?>";
    }

    /** {@code png} with an iTXt XMP chunk holding {@code xmp} inserted after IHDR. */
    static byte[] insert(byte[] png, String xmp) {
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (png.length < 33 || png[i] != SIGNATURE[i]) {
                throw new IllegalArgumentException("not a PNG");
            }
        }
        int ihdrLength = readInt(png, 8);
        if (ihdrLength != 13 || png[12] != 'I' || png[13] != 'H' || png[14] != 'D' || png[15] != 'R') {
            throw new IllegalArgumentException("PNG does not start with IHDR");
        }
        int at = 8 + 12 + ihdrLength;
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(KEYWORD.getBytes(StandardCharsets.ISO_8859_1));
        data.write(0); // keyword terminator
        data.write(0); // compression flag: uncompressed
        data.write(0); // compression method
        data.write(0); // empty language tag
        data.write(0); // empty translated keyword
        data.writeBytes(xmp.getBytes(StandardCharsets.UTF_8));
        byte[] chunk = chunk("iTXt", data.toByteArray());
        byte[] out = new byte[png.length + chunk.length];
        System.arraycopy(png, 0, out, 0, at);
        System.arraycopy(chunk, 0, out, at, chunk.length);
        System.arraycopy(png, at, out, at + chunk.length, png.length - at);
        return out;
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] out = new byte[12 + data.length];
        writeInt(out, 0, data.length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(t, 0, out, 4, 4);
        System.arraycopy(data, 0, out, 8, data.length);
        CRC32 crc = new CRC32();
        crc.update(out, 4, 4 + data.length);
        writeInt(out, 8 + data.length, (int) crc.getValue());
        return out;
    }

    private static int readInt(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    private static void writeInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
