package dev.unmask.detect.train;

import java.util.SplittableRandom;

/**
 * Independent random streams derived from the run's seed, so that every random choice of a run is a pure
 * function of (seed, epoch, position): the shuffled order of an epoch and each sample's crop and augmentation.
 * Nothing carries random state from one epoch to the next, so a run resumed after epoch k continues exactly as an
 * uninterrupted run would, and samples can be prepared in parallel without changing the result. Mixing uses the
 * SplitMix64 finaliser (Steele, Lea and Flood, "Fast Splittable Pseudorandom Number Generators", OOPSLA 2014).
 */
public final class SampleSeeds {
    private SampleSeeds() {
    }

    /** The stream that shuffles epoch {@code epoch} (1-based). */
    public static SplittableRandom order(long seed, int epoch) {
        return new SplittableRandom(mix(mix(seed ^ 0x6F72646572L) + epoch));
    }

    /** The stream of the sample at {@code position} of epoch {@code epoch}. */
    public static SplittableRandom sample(long seed, int epoch, int position) {
        return new SplittableRandom(mix(mix(mix(seed) + epoch) + position));
    }

    /** A well-mixed 64-bit value. */
    public static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
