package dev.unmask.provenance.watermark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Cross-checks the colour conversion and Haar band against the real OpenCV and PyWavelets (python3 with cv2 and
 * pywt, e.g. Debian's python3-opencv and python3-pywt); skipped when they are not installed.
 */
class OpenCvCrossCheckTest {
    private static final int W = 64;
    private static final int H = 48;
    private static final String SCRIPT = String.join("\n",
            "import sys, numpy as np, cv2, pywt",
            "raw = np.fromfile(sys.argv[1], dtype=np.uint8).reshape(%d, %d, 3)".formatted(H, W),
            "u8 = cv2.cvtColor(raw, cv2.COLOR_BGR2YUV)[:, :, 1]",
            "uf = cv2.cvtColor(raw.astype(np.float32), cv2.COLOR_BGR2YUV)[:, :, 1]",
            "a8 = pywt.dwt2(u8, 'haar')[0]",
            "af = pywt.dwt2(uf, 'haar')[0]",
            "print(' '.join(str(int(v)) for v in u8.flatten()))",
            "print(' '.join(repr(float(v)) for v in uf.flatten()))",
            "print(' '.join(repr(float(v)) for v in a8.flatten()))",
            "print(' '.join(repr(float(v)) for v in af.flatten()))");

    @Test
    void uChannelAndHaarMatchOpenCvAndPywt() throws Exception {
        Path dir = Files.createTempDirectory("iwm");
        Path raw = dir.resolve("bgr.raw");
        Path script = dir.resolve("check.py");
        Random rnd = new Random(7);
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        byte[] bgr = new byte[W * H * 3];
        for (int i = 0; i < W * H; i++) {
            int r = rnd.nextInt(256);
            int g = rnd.nextInt(256);
            int b = rnd.nextInt(256);
            img.setRGB(i % W, i / W, (r << 16) | (g << 8) | b);
            bgr[3 * i] = (byte) b;
            bgr[3 * i + 1] = (byte) g;
            bgr[3 * i + 2] = (byte) r;
        }
        Files.write(raw, bgr);
        Files.writeString(script, SCRIPT);
        String[] lines;
        try {
            Process p = new ProcessBuilder(python(), script.toString(), raw.toString()).redirectErrorStream(false)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean done = p.waitFor(60, TimeUnit.SECONDS);
            assumeTrue(done && p.exitValue() == 0, "python3 with cv2 and pywt not available");
            lines = out.strip().split("\n");
        } catch (java.io.IOException e) {
            assumeTrue(false, "python3 not available");
            return;
        }
        String[] u8 = lines[0].split(" ");
        String[] uf = lines[1].split(" ");
        int mismatch8 = 0;
        int mismatchF = 0;
        for (int i = 0; i < W * H; i++) {
            int p = img.getRGB(i % W, i / W);
            int r = (p >> 16) & 0xFF;
            int g = (p >> 8) & 0xFF;
            int b = p & 0xFF;
            mismatch8 += OpenCvYuv.u8(b, OpenCvYuv.y8(b, g, r)) == Integer.parseInt(u8[i]) ? 0 : 1;
            float f = OpenCvYuv.uF(b, OpenCvYuv.yF(b, g, r));
            mismatchF += Math.abs(f - Float.parseFloat(uf[i])) <= 1e-4f * Math.max(1, Math.abs(f)) ? 0 : 1;
        }
        assertEquals(0, mismatch8, "8-bit U values differing from OpenCV");
        assertEquals(0, mismatchF, "float U values differing from OpenCV");
        double[] a8 = IwmCodec.band(tile(img), ColourPath.UINT8, false).values();
        String[] ref8 = lines[2].split(" ");
        for (int i = 0; i < ref8.length; i++) {
            assertEquals(Double.parseDouble(ref8[i]), a8[bandIndex(i)], 0.0, "LL " + i);
        }
        double[] af = IwmCodec.band(tile(img), ColourPath.FLOAT32, false).values();
        String[] refF = lines[3].split(" ");
        for (int i = 0; i < refF.length; i++) {
            double want = Double.parseDouble(refF[i]);
            assertEquals(want, af[bandIndex(i)], 1e-4 * Math.max(1, Math.abs(want)), "float LL " + i);
        }
    }

    /** The system interpreter (where distribution packages install cv2 and pywt) when present. */
    private static String python() {
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    /** Pads the image to the library's minimum size by tiling so the band of the top-left part can be compared. */
    private static BufferedImage tile(BufferedImage img) {
        BufferedImage big = new BufferedImage(W * 6, H * 6, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < big.getHeight(); y++) {
            for (int x = 0; x < big.getWidth(); x++) {
                big.setRGB(x, y, img.getRGB(x % W, y % H));
            }
        }
        return big;
    }

    private static int bandIndex(int i) {
        int row = i / (W / 2);
        int col = i % (W / 2);
        return row * (W * 6 / 2) + col;
    }
}
