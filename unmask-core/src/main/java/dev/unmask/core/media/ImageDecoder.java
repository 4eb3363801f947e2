package dev.unmask.core.media;

import dev.unmask.api.MediaException;
import dev.unmask.core.imaging.Planes;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes image bytes with ImageIO (the JDK's readers plus TwelveMonkeys for WebP, TIFF and CMYK JPEG),
 * asking the reader for the declared dimensions first and refusing them through the guard before any pixel
 * buffer is allocated.
 */
public final class ImageDecoder {
    static {
        ImageIO.setUseCache(false);
    }

    private final StructureGuard guard;

    /** A decoder that checks dimensions with {@code guard}. */
    public ImageDecoder(StructureGuard guard) {
        this.guard = guard;
    }

    /** Declared width and height, read from the header without decoding pixels. */
    public int[] dimensions(byte[] bytes) throws MediaException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader r = reader(in);
            try {
                r.setInput(in, true, true);
                return new int[] {r.getWidth(0), r.getHeight(0)};
            } finally {
                r.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw failure(e);
        }
    }

    /**
     * Decodes the first image in {@code bytes} as {@code TYPE_INT_RGB}.
     *
     * @throws MediaException when no reader accepts the bytes, the guard refuses the dimensions, or decoding fails
     */
    public BufferedImage decode(byte[] bytes) throws MediaException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader r = reader(in);
            try {
                r.setInput(in, true, true);
                guard.checkDimensions(r.getWidth(0), r.getHeight(0));
                BufferedImage img = r.read(0);
                return Planes.toRgb(img);
            } finally {
                r.dispose();
            }
        } catch (MediaException e) {
            throw e;
        } catch (OutOfMemoryError e) {
            throw new MediaException(MediaException.TOO_MANY_PIXELS, "not enough memory to decode this image: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw failure(e);
        }
    }

    private static ImageReader reader(ImageInputStream in) throws MediaException {
        if (in == null) {
            throw new MediaException(MediaException.DECODE_FAILED, "cannot open an image stream");
        }
        Iterator<ImageReader> it = ImageIO.getImageReaders(in);
        if (!it.hasNext()) {
            throw new MediaException(MediaException.DECODE_FAILED, "no image decoder accepts these bytes");
        }
        return it.next();
    }

    private static MediaException failure(Exception e) {
        if (e instanceof EOFException) {
            return new MediaException(MediaException.TRUNCATED, "the image data ends early (truncated): " + message(e), e);
        }
        String m = message(e);
        String low = m.toLowerCase(java.util.Locale.ROOT);
        if (low.contains("unexpected end") || low.contains("premature end") || low.contains("eof")) {
            return new MediaException(MediaException.TRUNCATED, "the image data ends early (truncated): " + m, e);
        }
        return new MediaException(MediaException.DECODE_FAILED, "the image could not be decoded: " + m, e);
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
