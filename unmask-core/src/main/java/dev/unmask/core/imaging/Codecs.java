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
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageInputStream;
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
     * libjpeg does) with the JDK's encoder, whose output is identical across runs and machines. Grey images
     * ({@code TYPE_BYTE_GRAY}) are written as one-channel JPEGs; anything else as RGB with 4:2:0 chroma
     * subsampling, the encoder's default.
     */
    public static byte[] jpeg(BufferedImage img, int quality) {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("JPEG quality must be in 1..100: " + quality);
        }
        BufferedImage src = img.getType() == BufferedImage.TYPE_BYTE_GRAY ? img : Planes.toRgb(img);
        ImageWriter w = jdkFirst(ImageIO.getImageWritersByFormatName("jpeg"));
        if (w == null) {
            throw new IllegalStateException("no JPEG writer");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            w.setOutput(ios);
            ImageWriteParam p = w.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality / 100f);
            w.write(null, new IIOImage(src, null, null), p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            w.dispose();
        }
        return out.toByteArray();
    }

    /**
     * Decodes a JPEG this process wrote itself with {@link #jpeg} (trusted, in-memory data only), with the JDK's
     * reader, keeping its colour model: a one-channel JPEG decodes to {@code TYPE_BYTE_GRAY}.
     */
    public static BufferedImage decodeOwnJpeg(byte[] jpeg) {
        ImageReader r = jdkFirst(ImageIO.getImageReadersByFormatName("jpeg"));
        if (r == null) {
            throw new IllegalStateException("no JPEG reader");
        }
        try (MemoryCacheImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
            r.setInput(in);
            return r.read(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            r.dispose();
        }
    }

    /** The JDK's implementation when present (deterministic across machines), else the first offered. */
    private static <T> T jdkFirst(Iterator<T> it) {
        T chosen = null;
        while (it.hasNext()) {
            T c = it.next();
            if (chosen == null || c.getClass().getName().startsWith("com.sun.")) {
                chosen = c;
            }
        }
        return chosen;
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
