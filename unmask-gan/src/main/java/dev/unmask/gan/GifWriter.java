package dev.unmask.gan;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes an animated GIF (GIF89a) with javax.imageio: every frame with a graphic control extension (delay, no
 * disposal), the first with the NETSCAPE2.0 application extension (loop count 0 = forever) and a comment extension
 * (GIF89a section 24) saying what made it; then inserts an XMP packet as the "XMP DataXMP" application extension
 * with its 258-byte "magic trailer" right after the logical screen descriptor and global colour table (XMP
 * Specification Part 3, section 1.1.2), which ImageIO's writer cannot produce itself: it would split the packet
 * into counted sub-blocks, which XMP readers do not undo. Frames are reduced to a palette of at most 256 colours
 * by ImageIO's writer.
 */
final class GifWriter {
    /** Application identifier and authentication code of the XMP extension. */
    static final byte[] XMP_APP_ID = "XMP DataXMP".getBytes(StandardCharsets.US_ASCII);
    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    private GifWriter() {
    }

    /** The bytes of a looping GIF of {@code frames}, each shown {@code delayMs} ms (rounded to 10 ms, at least 20). */
    static byte[] write(List<BufferedImage> frames, int delayMs, String comment, String xmp) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) {
            throw new IOException("no GIF writer");
        }
        ImageWriter w = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(bytes)) {
            w.setOutput(ios);
            ImageWriteParam param = w.getDefaultWriteParam();
            w.prepareWriteSequence(null);
            for (int i = 0; i < frames.size(); i++) {
                BufferedImage f = frames.get(i);
                IIOMetadata md = w.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(f), param);
                IIOMetadataNode root = (IIOMetadataNode) md.getAsTree(FORMAT);
                IIOMetadataNode gce = child(root, "GraphicControlExtension");
                gce.setAttribute("disposalMethod", "none");
                gce.setAttribute("userInputFlag", "FALSE");
                gce.setAttribute("transparentColorFlag", "FALSE");
                gce.setAttribute("delayTime", Integer.toString(Math.max(2, Math.round(delayMs / 10f))));
                gce.setAttribute("transparentColorIndex", "0");
                if (i == 0) {
                    IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
                    app.setAttribute("applicationID", "NETSCAPE");
                    app.setAttribute("authenticationCode", "2.0");
                    app.setUserObject(new byte[] {1, 0, 0});
                    child(root, "ApplicationExtensions").appendChild(app);
                    IIOMetadataNode c = new IIOMetadataNode("CommentExtension");
                    c.setAttribute("value", comment);
                    child(root, "CommentExtensions").appendChild(c);
                }
                md.setFromTree(FORMAT, root);
                w.writeToSequence(new IIOImage(f, null, md), param);
            }
            w.endWriteSequence();
        } finally {
            w.dispose();
        }
        return insertXmp(bytes.toByteArray(), xmp);
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i) instanceof IIOMetadataNode n && n.getNodeName().equals(name)) {
                return n;
            }
        }
        IIOMetadataNode n = new IIOMetadataNode(name);
        root.appendChild(n);
        return n;
    }

    /** {@code gif} with the XMP application extension inserted before its first block. */
    static byte[] insertXmp(byte[] gif, String xmp) {
        if (gif.length < 13 || gif[0] != 'G' || gif[1] != 'I' || gif[2] != 'F') {
            throw new IllegalArgumentException("not a GIF");
        }
        int flags = gif[10] & 0xFF;
        int at = 13 + ((flags & 0x80) != 0 ? 3 * (1 << ((flags & 0x07) + 1)) : 0);
        if (at > gif.length) {
            throw new IllegalArgumentException("GIF global colour table runs past the end of the file");
        }
        byte[] packet = xmp.getBytes(StandardCharsets.UTF_8);
        for (byte b : packet) {
            if (b == 0) {
                throw new IllegalArgumentException("an XMP packet in a GIF must not contain NUL bytes");
            }
        }
        ByteArrayOutputStream ext = new ByteArrayOutputStream();
        ext.write(0x21);
        ext.write(0xFF);
        ext.write(XMP_APP_ID.length);
        ext.writeBytes(XMP_APP_ID);
        ext.writeBytes(packet);
        ext.write(0x01);
        for (int v = 0xFF; v >= 0; v--) {
            ext.write(v);
        }
        ext.write(0x00);
        byte[] e = ext.toByteArray();
        byte[] out = new byte[gif.length + e.length];
        System.arraycopy(gif, 0, out, 0, at);
        System.arraycopy(e, 0, out, at, e.length);
        System.arraycopy(gif, at, out, at + e.length, gif.length - at);
        return out;
    }
}
