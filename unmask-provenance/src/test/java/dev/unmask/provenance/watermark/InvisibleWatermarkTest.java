package dev.unmask.provenance.watermark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvisibleWatermarkTest {
    @Test
    void payloadBitsMatchTheScripts() {
        assertEquals(136, KnownPayload.STABLE_DIFFUSION_V1.bits().length);
        assertEquals(32, KnownPayload.STABLE_DIFFUSION_V2.bits().length);
        assertEquals(48, KnownPayload.SDXL.bits().length);
        assertEquals(46, KnownPayload.FLUX.bits().length);
        // 'S' = 0x53 = 01010011
        boolean[] sd2 = KnownPayload.STABLE_DIFFUSION_V2.bits();
        assertFalse(sd2[0]);
        assertTrue(sd2[1]);
        assertTrue(sd2[7]);
        assertTrue(KnownPayload.SDXL.bits()[0]);
    }

    @Test
    void roundTripEveryPayloadMethodAndPath() throws Exception {
        BufferedImage photo = WatermarkTestImages.load("photos/astronaut.png");
        for (KnownPayload p : KnownPayload.values()) {
            for (IwmMethod m : IwmMethod.values()) {
                for (ColourPath path : ColourPath.values()) {
                    BufferedImage marked = IwmCodec.encode(photo, p.bits(), m, path);
                    List<KnownWatermark> found = WatermarkDetector.detectKnown(marked);
                    assertFalse(found.isEmpty(), p + " " + m + " " + path);
                    KnownWatermark best = found.get(0);
                    assertEquals(p, best.payload(), p + " " + m + " " + path);
                    assertEquals(m, best.method());
                    assertFalse(best.swappedRedBlue());
                    assertTrue(best.agreeing() >= best.totalBits() - 1, best.toString());
                    assertTrue(best.score() >= 0.8 && best.score() <= 1, best.toString());
                }
            }
        }
    }

    @Test
    void channelOrderSwapIsStillFound() throws Exception {
        BufferedImage photo = WatermarkTestImages.load("photos/coffee.png");
        BufferedImage marked = IwmCodec.encode(photo, KnownPayload.STABLE_DIFFUSION_V1.bits(), IwmMethod.DWT_DCT,
                ColourPath.UINT8);
        List<KnownWatermark> found = WatermarkDetector.detectKnown(WatermarkTestImages.swapRedBlue(marked));
        assertFalse(found.isEmpty());
        assertEquals(KnownPayload.STABLE_DIFFUSION_V1, found.get(0).payload());
        assertTrue(found.get(0).swappedRedBlue());
    }

    @Test
    void unmarkedPhotosGiveNoDetection() throws Exception {
        for (String name : WatermarkTestImages.PHOTOS) {
            KnownScan scan = WatermarkDetector.scan(WatermarkTestImages.load(name));
            assertFalse(scan.tooSmall());
            assertTrue(scan.detections().isEmpty(), name + ": " + scan.message());
            assertEquals(0.0, scan.hypotheses().get(0).score());
            assertEquals(WatermarkDetector.hypothesisCount(), scan.hypotheses().size());
        }
    }

    @Test
    void tinyImageIsTooSmallNotAnException() {
        KnownScan scan = WatermarkDetector.scan(new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB));
        assertTrue(scan.tooSmall());
        assertTrue(scan.message().contains("too small"));
        assertTrue(WatermarkDetector.detectKnown(new BufferedImage(3, 1, BufferedImage.TYPE_INT_RGB)).isEmpty());
        // enough pixels but no complete block: a 40000 x 2 strip
        assertTrue(WatermarkDetector.scan(new BufferedImage(40000, 2, BufferedImage.TYPE_INT_RGB)).tooSmall());
        assertTrue(IwmCodec.decode(new BufferedImage(40000, 6, BufferedImage.TYPE_INT_RGB), 8, IwmMethod.DWT_DCT,
                ColourPath.UINT8, false) == null);
    }

    @Test
    void flatImageGivesNoDetection() {
        BufferedImage flat = new BufferedImage(512, 512, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 512; y++) {
            for (int x = 0; x < 512; x++) {
                flat.setRGB(x, y, 0x808080);
            }
        }
        assertTrue(WatermarkDetector.detectKnown(flat).isEmpty());
    }

    @Test
    void binomialTail() {
        assertEquals(1.0, Binomial.upperTail(10, 0), 1e-12);
        assertEquals(1.0 / 1024, Binomial.upperTail(10, 10), 1e-15);
        assertEquals(11.0 / 1024, Binomial.upperTail(10, 9), 1e-15);
        assertEquals(0.0, Binomial.upperTail(10, 11), 0);
    }
}
