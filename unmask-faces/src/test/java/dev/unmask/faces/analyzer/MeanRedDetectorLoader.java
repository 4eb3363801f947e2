package dev.unmask.faces.analyzer;

import dev.unmask.api.detector.Detector;
import dev.unmask.api.detector.DetectorDescriptor;
import dev.unmask.api.detector.DetectorLoader;
import dev.unmask.core.imaging.Planes;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test-only detector kind ({@code test-mean-red}): its "probability of fake" is the mean red value of the image
 * it receives, divided by 255, so a test can recompute it from the crop. It records the sizes it was given.
 */
public final class MeanRedDetectorLoader implements DetectorLoader {
    /** Widths and heights of every image any test-mean-red detector received. */
    static final List<int[]> SEEN = new CopyOnWriteArrayList<>();

    @Override
    public String kind() {
        return "test-mean-red";
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
                SEEN.add(new int[] {image.getWidth(), image.getHeight()});
                return meanRed(image);
            }

            @Override
            public void close() {
                // nothing to free
            }
        };
    }

    static double meanRed(BufferedImage image) {
        long sum = 0;
        int[] px = Planes.rgbPixels(image);
        for (int p : px) {
            sum += (p >> 16) & 0xff;
        }
        return sum / (255.0 * px.length);
    }
}
