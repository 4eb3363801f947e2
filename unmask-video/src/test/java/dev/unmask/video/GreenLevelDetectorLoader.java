package dev.unmask.video;

import dev.unmask.api.detector.Detector;
import dev.unmask.api.detector.DetectorDescriptor;
import dev.unmask.api.detector.DetectorLoader;
import java.awt.image.BufferedImage;

/**
 * A deterministic frame-level detector for tests (kind {@code test-green-level}, registered in the test class path's
 * services file): the "probability" is the share of strongly green pixels times ten, capped at 1, so the green square
 * of {@link SyntheticVideos#noFaces} scores about 0.33 and a grey frame 0.
 */
public final class GreenLevelDetectorLoader implements DetectorLoader {
    @Override
    public String kind() {
        return "test-green-level";
    }

    @Override
    public Detector load(DetectorDescriptor descriptor) {
        return new Detector() {
            @Override
            public DetectorDescriptor descriptor() {
                return descriptor;
            }

            @Override
            public double probabilityFake(BufferedImage image) {
                int w = image.getWidth();
                int h = image.getHeight();
                int[] px = image.getRGB(0, 0, w, h, null, 0, w);
                long green = 0;
                for (int p : px) {
                    if (((p >> 8) & 0xff) > 150 && ((p >> 16) & 0xff) < 100) {
                        green++;
                    }
                }
                return Math.min(1, 10.0 * green / px.length);
            }

            @Override
            public void close() {
                // nothing to free
            }
        };
    }
}
