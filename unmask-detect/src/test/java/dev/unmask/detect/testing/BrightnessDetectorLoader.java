package dev.unmask.detect.testing;

import dev.unmask.api.detector.Detector;
import dev.unmask.api.detector.DetectorDescriptor;
import dev.unmask.api.detector.DetectorException;
import dev.unmask.api.detector.DetectorLoader;
import java.awt.image.BufferedImage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A test-only detector kind, {@value #KIND}: a fixed function of the image, so evaluation and fusion tests run real
 * images through a real detector folder without a trained network. {@code p = sigmoid(gain * (mean - 0.5) +
 * hf.gain * (edge - hf.centre))}, where {@code mean} is the mean of R, G and B over [0, 1] and {@code edge} the mean
 * absolute horizontal difference of the green channel over [0, 1]. Keys: {@code gain} (8), {@code hf.gain} (0),
 * {@code hf.centre} (0.05), and {@code fail.below.width}: images narrower than this make it throw.
 */
public final class BrightnessDetectorLoader implements DetectorLoader {
    /** The kind this loader runs. */
    public static final String KIND = "test-mean-brightness";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Detector load(DetectorDescriptor d) throws DetectorException {
        double gain;
        double hfGain;
        double hfCentre;
        int failBelow;
        try {
            gain = Double.parseDouble(d.property("gain", "8"));
            hfGain = Double.parseDouble(d.property("hf.gain", "0"));
            hfCentre = Double.parseDouble(d.property("hf.centre", "0.05"));
            failBelow = d.intProperty("fail.below.width", 0);
        } catch (NumberFormatException e) {
            throw new DetectorException(d.folder() + ": bad number in " + DetectorDescriptor.FILE_NAME + ": " + e.getMessage());
        }
        AtomicBoolean closed = new AtomicBoolean();
        return new Detector() {
            @Override
            public DetectorDescriptor descriptor() {
                return d;
            }

            @Override
            public double probabilityFake(BufferedImage image) throws DetectorException {
                if (closed.get()) {
                    throw new DetectorException("closed");
                }
                if (image.getWidth() < failBelow) {
                    throw new DetectorException("image narrower than " + failBelow + " px");
                }
                int w = image.getWidth();
                int h = image.getHeight();
                int[] px = image.getRGB(0, 0, w, h, null, 0, w);
                double sum = 0;
                double edge = 0;
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int p = px[y * w + x];
                        sum += ((p >> 16) & 0xff) + ((p >> 8) & 0xff) + (p & 0xff);
                        if (x > 0) {
                            edge += Math.abs(((p >> 8) & 0xff) - ((px[y * w + x - 1] >> 8) & 0xff));
                        }
                    }
                }
                double mean = sum / (3.0 * 255 * w * h);
                double e = w > 1 ? edge / (255.0 * (w - 1) * h) : 0;
                return 1 / (1 + Math.exp(-(gain * (mean - 0.5) + hfGain * (e - hfCentre))));
            }

            @Override
            public void close() {
                closed.set(true);
            }
        };
    }
}
