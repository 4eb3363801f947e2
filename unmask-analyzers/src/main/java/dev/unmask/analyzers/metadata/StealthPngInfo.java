package dev.unmask.analyzers.metadata;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reader of "stealth pnginfo", the AUTOMATIC1111 extension (ashen-sensored/sd_webui_stealth_pnginfo) that hides
 * the generation parameters in the least significant bits of the pixels, so that they survive metadata
 * stripping. Layout: bits are taken column by column (x outer, y inner), most significant bit first; the first
 * 15 bytes are a signature ({@code stealth_pnginfo}/{@code stealth_pngcomp} in the alpha channel, one bit a
 * pixel; {@code stealth_rgbinfo}/{@code stealth_rgbcomp} in the red, green and blue channels, three bits a
 * pixel), then a 32-bit big-endian payload length <em>in bits</em>, then the payload: UTF-8 text, gzip-compressed
 * for the {@code comp} variants.
 */
final class StealthPngInfo {
    /** What was found. */
    record Result(String signature, String text) {}

    private static final int SIGNATURE_BITS = 15 * 8;
    private static final int LENGTH_BITS = 32;
    private static final int HEADER_BITS = SIGNATURE_BITS + LENGTH_BITS;
    private static final int PNG_COLOR_TYPE_OFFSET = 25;
    private static final int PNG_MIN_HEADER = 33;

    /** Bits of the hidden stream, by index. */
    private interface Bits {
        int bit(long i);

        long size();
    }

    private StealthPngInfo() {}

    /** Whether the PNG's IHDR declares an alpha channel (colour types 4 and 6). */
    static boolean hasAlpha(byte[] png) {
        if (png.length < PNG_MIN_HEADER) {
            return false;
        }
        int ct = png[PNG_COLOR_TYPE_OFFSET] & 0xff;
        return ct == 4 || ct == 6;
    }

    /**
     * Looks for a hidden payload. {@code rgb} is the already decoded image (its decode proved that the central
     * guard accepts the size); the alpha channel, which it lacks, is read from {@code png} again, only for the
     * leading columns that hold the payload.
     */
    static Result find(byte[] png, BufferedImage rgb, int maxBytes) throws IOException {
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        if (hasAlpha(png)) {
            Result r = readAlpha(png, w, h, maxBytes);
            if (r != null) {
                return r;
            }
        }
        return decode(rgbBits(rgb), "stealth_rgbinfo", "stealth_rgbcomp", maxBytes);
    }

    private static Result readAlpha(byte[] png, int w, int h, int maxBytes) throws IOException {
        if ((long) w * h < HEADER_BITS) {
            return null;
        }
        Raster header = alphaColumns(png, w, h, (int) Math.min(w, ceilDiv(HEADER_BITS, h)));
        if (header == null) {
            return null;
        }
        Bits hb = alphaBits(header, h);
        String sig = new String(bytes(hb, 0, SIGNATURE_BITS / 8), StandardCharsets.ISO_8859_1);
        if (!sig.equals("stealth_pnginfo") && !sig.equals("stealth_pngcomp")) {
            return null;
        }
        long len = bitsToLong(hb, SIGNATURE_BITS, LENGTH_BITS);
        if (len <= 0 || len > (long) maxBytes * 8 || HEADER_BITS + len > (long) w * h) {
            return null;
        }
        Raster all = alphaColumns(png, w, h, (int) Math.min(w, ceilDiv(HEADER_BITS + len, h)));
        return all == null ? null : decode(alphaBits(all, h), "stealth_pnginfo", "stealth_pngcomp", maxBytes);
    }

    private static Raster alphaColumns(byte[] png, int w, int h, int cols) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("png");
            if (in == null || !it.hasNext()) {
                return null;
            }
            ImageReader r = it.next();
            try {
                r.setInput(in, true, true);
                if (r.getWidth(0) != w || r.getHeight(0) != h) {
                    return null;
                }
                ImageReadParam p = r.getDefaultReadParam();
                p.setSourceRegion(new Rectangle(0, 0, cols, h));
                BufferedImage img = r.read(0, p);
                return img.getAlphaRaster();
            } finally {
                r.dispose();
            }
        }
    }

    private static Bits alphaBits(Raster a, int h) {
        long n = (long) a.getWidth() * h;
        return new Bits() {
            @Override
            public int bit(long i) {
                return a.getSample((int) (i / h), (int) (i % h), 0) & 1;
            }

            @Override
            public long size() {
                return n;
            }
        };
    }

    private static Bits rgbBits(BufferedImage img) {
        int h = img.getHeight();
        long n = (long) img.getWidth() * h * 3;
        return new Bits() {
            @Override
            public int bit(long i) {
                long px = i / 3;
                int p = img.getRGB((int) (px / h), (int) (px % h));
                int shift = 16 - 8 * (int) (i % 3);
                return (p >> shift) & 1;
            }

            @Override
            public long size() {
                return n;
            }
        };
    }

    private static Result decode(Bits b, String plain, String gzip, int maxBytes) throws IOException {
        if (b.size() < HEADER_BITS) {
            return null;
        }
        String sig = new String(bytes(b, 0, SIGNATURE_BITS / 8), StandardCharsets.ISO_8859_1);
        if (!sig.equals(plain) && !sig.equals(gzip)) {
            return null;
        }
        long len = bitsToLong(b, SIGNATURE_BITS, LENGTH_BITS);
        if (len <= 0 || len > (long) maxBytes * 8 || HEADER_BITS + len > b.size()) {
            return null;
        }
        byte[] payload = bytes(b, HEADER_BITS, (int) (len / 8));
        if (sig.equals(gzip)) {
            payload = gunzip(payload, maxBytes);
            if (payload == null) {
                return null;
            }
        }
        return new Result(sig, new String(payload, StandardCharsets.UTF_8));
    }

    private static byte[] bytes(Bits b, long startBit, int count) {
        byte[] out = new byte[count];
        for (int k = 0; k < count; k++) {
            out[k] = (byte) bitsToLong(b, startBit + 8L * k, 8);
        }
        return out;
    }

    private static long bitsToLong(Bits b, long start, int n) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = (v << 1) | b.bit(start + i);
        }
        return v;
    }

    private static byte[] gunzip(byte[] data, int maxBytes) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                if (out.size() > maxBytes) {
                    return null;
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            return null;
        }
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
