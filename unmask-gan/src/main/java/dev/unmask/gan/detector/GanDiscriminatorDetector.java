package dev.unmask.gan.detector;

import dev.unmask.api.detector.Detector;
import dev.unmask.api.detector.DetectorDescriptor;
import dev.unmask.api.detector.DetectorException;
import dev.unmask.gan.ImageFolderData;
import dev.unmask.gan.TrainedGan;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A GAN's discriminator used as a detector of its own generator's images. The image is centre-cropped to a square
 * and resized to the run's size exactly as training images were ({@link ImageFolderData}), scaled to [-1, 1], and
 * scored by the discriminator in inference mode; its logit is positive for "real", so the fake score is
 * {@code s = -logit} and the probability is Platt-calibrated: {@code sigmoid(a s + b)} ({@link PlattScaling};
 * a = 1, b = 0 when the folder is uncalibrated).
 */
final class GanDiscriminatorDetector implements Detector {
    private final DetectorDescriptor descriptor;
    private final TrainedGan gan;
    private final PlattScaling calibration;

    GanDiscriminatorDetector(DetectorDescriptor descriptor, TrainedGan gan, PlattScaling calibration) {
        this.descriptor = descriptor;
        this.gan = gan;
        this.calibration = calibration;
    }

    @Override
    public DetectorDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public double probabilityFake(BufferedImage image) throws DetectorException {
        return calibration.probability(fakeScore(gan, image));
    }

    /** The uncalibrated fake score {@code -logit} of one image. */
    static double fakeScore(TrainedGan gan, BufferedImage image) throws DetectorException {
        if (image == null || image.getWidth() < 1 || image.getHeight() < 1) {
            throw new DetectorException("no image to score");
        }
        int size = gan.config().size();
        float[] x = ImageFolderData.fromImages(List.of(image), size, 0).batch(new int[] {0}, null);
        float logit = gan.logits(x, 1)[0];
        if (!Float.isFinite(logit)) {
            throw new DetectorException("the discriminator returned " + logit);
        }
        return -logit;
    }

    @Override
    public void close() {
        gan.close();
    }
}
