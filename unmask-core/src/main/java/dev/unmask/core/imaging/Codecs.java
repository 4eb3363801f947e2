package dev.unmask.core.imaging;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** In-memory PNG and JPEG encoding with fixed, documented settings. */
public final class Codecs {
    private Codecs() {}

    /** Encodes as PNG. */
    public static byte[] png(BufferedImage img) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, "png", out)) {
                throw new IllegalStateException("no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Encodes as baseline JPEG at {@code quality} (1..100, the IJG scale: the standard Annex K tables scaled as
     * libjpeg does) with 4:2:0 chroma subsampling, the JDK encoder's default.
     */
    public static byte[] jpeg(BufferedImage img, int quality) {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("JPEG quality must be in 1..100: " + quality);
        }
        BufferedImage rgb = Planes.toRgb(img);
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter w = null;
        while (it.hasNext()) {
            ImageWriter c = it.next();
            // prefer the JDK's writer: its output is identical across runs and machines
            if (w == null || c.getClass().getName().startsWith("com.sun.")) {
                w = c;
            }
        }
        if (w == null) {
            throw new IllegalStateException("no JPEG writer");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            w.setOutput(ios);
            ImageWriteParam p = w.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality / 100f);
            w.write(null, new IIOImage(rgb, null, null), p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            w.dispose();
        }
        return out.toByteArray();
    }

    /** Decodes bytes produced by {@link #png} or {@link #jpeg} (trusted, in-process data only). */
    public static BufferedImage decodeTrusted(byte[] data) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(data));
            if (img == null) {
                throw new IllegalStateException("no reader for in-memory image");
            }
            return Planes.toRgb(img);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
