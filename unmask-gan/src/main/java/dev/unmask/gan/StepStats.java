package dev.unmask.gan;

/**
 * What one training step measured.
 *
 * @param step the step number after this step (1 for the first)
 * @param dLoss discriminator loss (real and fake halves added)
 * @param gLoss generator loss
 * @param dAccReal fraction of real images the discriminator called real (logit > 0)
 * @param dAccFake fraction of generated images the discriminator called fake (logit < 0)
 * @param seconds wall time of the step
 */
public record StepStats(int step, double dLoss, double gLoss, double dAccReal, double dAccFake, double seconds) {

    /** One log line. */
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "step %d  D %.4f  G %.4f  D(real) %.2f  D(fake) %.2f  %.3f s",
                step, dLoss, gLoss, dAccReal, dAccFake, seconds);
    }
}
