package dev.unmask.video.decode;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.ByteBuffer;
import org.bytedeco.javacv.Frame;

/**
 * Converts a decoded {@code bgr24} frame to {@link BufferedImage#TYPE_INT_RGB}, turning it upright in the same
 * pass (one copy instead of JavaCV's converter plus a rotation). Stateless.
 */
public final class FrameImages {
    private FrameImages() {}

    /**
     * The frame as an upright RGB image.
     *
     * @param rotationCw 0, 90, 180 or 270: degrees to turn clockwise for display
     * @throws IllegalArgumentException when the frame is not 8-bit with 3 channels
     */
    public static BufferedImage uprightRgb(Frame f, int rotationCw) {
        if (f.imageDepth != Frame.DEPTH_UBYTE || f.imageChannels != 3 || f.image == null || !(f.image[0] instanceof ByteBuffer)) {
            throw new IllegalArgumentException("expected an 8-bit 3-channel frame, got depth " + f.imageDepth
                    + " with " + f.imageChannels + " channels");
        }
        ByteBuffer b = (ByteBuffer) f.image[0];
        int w = f.imageWidth;
        int h = f.imageHeight;
        int stride = f.imageStride;
        boolean quarter = rotationCw == 90 || rotationCw == 270;
        int ow = quarter ? h : w;
        int oh = quarter ? w : h;
        BufferedImage out = new BufferedImage(ow, oh, BufferedImage.TYPE_INT_RGB);
        int[] px = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        byte[] row = new byte[w * 3];
        for (int y = 0; y < h; y++) {
            b.get(y * stride, row, 0, row.length);
            for (int x = 0, i = 0; x < w; x++, i += 3) {
                int rgb = (row[i + 2] & 0xff) << 16 | (row[i + 1] & 0xff) << 8 | (row[i] & 0xff);
                int o = switch (rotationCw) {
                    case 90 -> x * ow + (h - 1 - y);
                    case 180 -> (h - 1 - y) * ow + (w - 1 - x);
                    case 270 -> (w - 1 - x) * ow + y;
                    default -> y * ow + x;
                };
                px[o] = rgb;
            }
        }
        return out;
    }
}
