package dev.unmask.gan;

/**
 * Settings of the up-sampling auto-encoder that makes reconstruction fakes for detector training.
 *
 * @param patch side of the square training patches in pixels (multiple of 4, 16-256)
 * @param batch patches per step (1-256)
 * @param steps training steps (1-1,000,000)
 * @param learningRate Adam step size (0, 0.1]
 * @param channels base channel count of the encoder (4-256; the bottleneck has 4x as many)
 * @param maxSide longest side of the images that are reconstructed; larger images are centre-cropped to it
 *     (64-4096), which bounds memory
 * @param seed random seed for weights, patch positions and order
 */
public record AutoencoderConfig(int patch, int batch, int steps, double learningRate, int channels, int maxSide, long seed) {
    /** Defaults: 64-px patches, batch 16, 2000 steps, lr 2e-4, 32 base channels, 1024 px, seed 1. */
    public static AutoencoderConfig defaults() {
        return new AutoencoderConfig(64, 16, 2000, 2e-4, 32, 1024, 1);
    }

    /** Validates every field; the message names the field and its range. */
    public AutoencoderConfig {
        check(patch >= 16 && patch <= 256 && patch % 4 == 0, "patch must be a multiple of 4 in 16..256, was " + patch);
        check(batch >= 1 && batch <= 256, "batch must be in 1..256, was " + batch);
        check(steps >= 1 && steps <= 1_000_000, "steps must be in 1..1000000, was " + steps);
        check(learningRate > 0 && learningRate <= 0.1, "learning rate must be in (0, 0.1], was " + learningRate);
        check(channels >= 4 && channels <= 256, "channels must be in 4..256, was " + channels);
        check(maxSide >= 64 && maxSide <= 4096, "max side must be in 64..4096, was " + maxSide);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** A copy with another step count. */
    public AutoencoderConfig withSteps(int s) {
        return new AutoencoderConfig(patch, batch, s, learningRate, channels, maxSide, seed);
    }
}
