package dev.unmask.gan;

import ai.djl.ndarray.NDArray;

/** The adversarial losses of {@link GanConfig.Loss}, on discriminator logits (positive = real). */
final class GanLosses {
    private GanLosses() {
    }

    /** Discriminator loss: mean over the real logits plus mean over the fake logits. */
    static NDArray discriminator(GanConfig.Loss loss, NDArray real, NDArray fake) {
        return switch (loss) {
            case NON_SATURATING -> softplus(real.neg()).mean().add(softplus(fake).mean());
            case HINGE -> real.neg().add(1).maximum(0).mean().add(fake.add(1).maximum(0).mean());
        };
    }

    /** Generator loss on the discriminator's logits for generated images. */
    static NDArray generator(GanConfig.Loss loss, NDArray fake) {
        return switch (loss) {
            case NON_SATURATING -> softplus(fake.neg()).mean();
            case HINGE -> fake.mean().neg();
        };
    }

    /** log(1 + e^x) computed without overflow: max(x, 0) + log(1 + e^-|x|). */
    static NDArray softplus(NDArray x) {
        return x.maximum(0).add(x.abs().neg().exp().add(1).log());
    }
}
