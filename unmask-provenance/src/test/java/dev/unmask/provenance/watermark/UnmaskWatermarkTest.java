package dev.unmask.provenance.watermark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UnmaskWatermarkTest {
    private static final long RUN_ID = 0xA1B2_C3D4_E5F6L;
    private static final byte[] KEY = UnmaskWatermark.DEFAULT_KEY;

    private static void assertRecovered(BufferedImage img, String what) {
        UnmaskDetection d = UnmaskWatermark.detect(img, KEY);
        assertTrue(d.detected(), what + ": " + d.message());
        assertTrue(d.crcOk());
        assertEquals(RUN_ID, d.runId(), what);
        assertEquals(UnmaskWatermark.codeword(RUN_ID, KEY), d.rawBits(), what);
    }

    @Test
    void roundTripJpeg75AndHalfSizeOnRealPhotos() throws Exception {
        for (String name : new String[] {"photos/astronaut.png", "photos/chelsea.png", "camera-jpeg/sample2.jpg"}) {
            BufferedImage photo = WatermarkTestImages.load(name);
            BufferedImage marked = UnmaskWatermark.embed(photo, RUN_ID, KEY);
            assertEquals(photo.getWidth(), marked.getWidth());
            assertTrue(WatermarkBench.psnr(photo, marked) >= 38, name + " PSNR");
            assertRecovered(marked, name + " none");
            assertRecovered(WatermarkTestImages.jpeg(marked, 75), name + " jpeg75");
            assertRecovered(WatermarkTestImages.resize(marked, 0.5), name + " resize0.5");
        }
    }

    @Test
    void wrongKeyAndUnmarkedPhotosAreNotDetected() throws Exception {
        BufferedImage photo = WatermarkTestImages.load("photos/coffee.png");
        BufferedImage marked = UnmaskWatermark.embed(photo, RUN_ID, KEY);
        assertFalse(UnmaskWatermark.detect(marked, "another key".getBytes(StandardCharsets.US_ASCII)).detected());
        for (String name : WatermarkTestImages.PHOTOS) {
            BufferedImage img = WatermarkTestImages.load(name);
            assertFalse(UnmaskWatermark.detect(img, KEY).detected(), name);
            for (int k = 0; k < 8; k++) {
                byte[] key = ("unit-random-key-" + k).getBytes(StandardCharsets.US_ASCII);
                UnmaskDetection d = UnmaskWatermark.detect(img, key);
                assertFalse(d.crcOk(), name + " key " + k);
                assertEquals(UnmaskDetection.Status.NOT_DETECTED, d.status());
            }
        }
    }

    @Test
    void flatImageIsNotDetectedButCanBeMarked() {
        BufferedImage flat = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 300; x++) {
                flat.setRGB(x, y, 0x707070);
            }
        }
        assertFalse(UnmaskWatermark.detect(flat, KEY).detected());
        assertRecovered(UnmaskWatermark.embed(flat, RUN_ID, KEY), "flat");
    }

    @Test
    void tinyImageIsTooSmall() {
        BufferedImage tiny = new BufferedImage(100, 400, BufferedImage.TYPE_INT_RGB);
        UnmaskDetection d = UnmaskWatermark.detect(tiny, KEY);
        assertEquals(UnmaskDetection.Status.TOO_SMALL, d.status());
        assertTrue(d.message().contains("too small"));
        assertThrows(IllegalArgumentException.class, () -> UnmaskWatermark.embed(tiny, RUN_ID, KEY));
    }

    @Test
    void runIdMustFit48Bits() {
        assertThrows(IllegalArgumentException.class, () -> UnmaskWatermark.codeword(1L << 48, KEY));
        assertThrows(IllegalArgumentException.class, () -> UnmaskWatermark.codeword(-1, KEY));
    }

    @Test
    void crcIsCcittFalse() {
        // binascii.crc_hqx(b"123456", 0xFFFF) == 0x2EF4
        assertEquals(0x2EF4, Crc16.of(0x313233343536L, 6));
    }

    @Test
    void powerIterationAgreesWithJacobi() {
        java.util.Random rnd = new java.util.Random(3);
        for (int t = 0; t < 200; t++) {
            double[] b = new double[16];
            for (int i = 0; i < 16; i++) {
                b[i] = t % 2 == 0 ? rnd.nextGaussian() * 50 : 250 + rnd.nextGaussian() * 3;
            }
            assertEquals(TopSingular.of(b, 4).sigma, TopSingular.sigma(b, 4), 1e-9);
        }
    }
}
