package dev.unmask.video.decode;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import org.bytedeco.javacv.Frame;

/**
 * Converts a decoded frame to {@link BufferedImage#TYPE_INT_RGB}, turning it upright in the same pass. The decoder
 * side asks FFmpeg's scaler for {@code bgr0} (bytes B, G, R, 0), which read as little-endian 32-bit integers are
 * exactly {@code 0x00RRGGBB}: an upright frame is then one bulk copy per row. {@code bgr24} frames (3 bytes per
 * pixel) are packed pixel by pixel. Stateless.
 */
public final class FrameImages {
    private FrameImages() {}

    /**
     * The frame as an upright RGB image.
     *
     * @param rotationCw 0, 90, 180 or 270: degrees to turn clockwise for display
     * @throws IllegalArgumentException when the frame is not 8-bit with 3 or 4 channels
     */
    public static BufferedImage uprightRgb(Frame f, int rotationCw) {
        if (f.imageDepth != Frame.DEPTH_UBYTE || f.imageChannels < 3 || f.imageChannels > 4 || f.image == null
                || !(f.image[0] instanceof ByteBuffer)) {
            throw new IllegalArgumentException("expected an 8-bit frame with 3 or 4 channels, got depth " + f.imageDepth
                    + " with " + f.imageChannels + " channels");
        }
        ByteBuffer b = (ByteBuffer) f.image[0];
        int w = f.imageWidth;
        int h = f.imageHeight;
        boolean quarter = rotationCw == 90 || rotationCw == 270;
        int ow = quarter ? h : w;
        BufferedImage out = new BufferedImage(ow, quarter ? w : h, BufferedImage.TYPE_INT_RGB);
        int[] px = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        if (f.imageChannels == 4) {
            IntBuffer ints = b.duplicate().order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                if (rotationCw == 0) {
                    ints.get(y * f.imageStride / 4, px, y * ow, w);
                } else {
                    ints.get(y * f.imageStride / 4, row, 0, w);
                    place(px, row, w, h, ow, y, rotationCw);
                }
            }
        } else {
            byte[] bytes = new byte[w * 3];
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                b.get(y * f.imageStride, bytes, 0, bytes.length);
                for (int x = 0, i = 0; x < w; x++, i += 3) {
                    row[x] = (bytes[i + 2] & 0xff) << 16 | (bytes[i + 1] & 0xff) << 8 | (bytes[i] & 0xff);
                }
                place(px, row, w, h, ow, y, rotationCw);
            }
        }
        for (int i = 0; i < px.length; i++) {
            px[i] &= 0xffffff;
        }
        return out;
    }

    /** Writes source row {@code y} into the turned image. */
    private static void place(int[] px, int[] row, int w, int h, int ow, int y, int rotationCw) {
        switch (rotationCw) {
            case 90 -> {
                for (int x = 0, o = h - 1 - y; x < w; x++, o += ow) {
                    px[o] = row[x];
                }
            }
            case 180 -> {
                for (int x = 0, o = (h - 1 - y) * ow + w - 1; x < w; x++, o--) {
                    px[o] = row[x];
                }
            }
            case 270 -> {
                for (int x = 0, o = (w - 1) * ow + y; x < w; x++, o -= ow) {
                    px[o] = row[x];
                }
            }
            default -> System.arraycopy(row, 0, px, y * ow, w);
        }
    }
}
