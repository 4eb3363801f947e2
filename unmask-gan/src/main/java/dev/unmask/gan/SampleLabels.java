package dev.unmask.gan;

import dev.unmask.provenance.sign.SigningAlgorithm;
import dev.unmask.provenance.sign.SigningCredentials;
import dev.unmask.provenance.watermark.UnmaskWatermark;
import java.util.Objects;

/**
 * Which optional labels {@link GanSampler} applies besides the XMP declaration (always written).
 *
 * @param credentials C2PA signing key and chain, or null to leave the files unsigned
 * @param algorithm claim signature algorithm matching the key (ignored without credentials)
 * @param watermarkKey key of Unmask's invisible watermark ({@link UnmaskWatermark#DEFAULT_KEY} unless the user has
 *     a private one); the watermark is applied whenever the image is at least {@link UnmaskWatermark#MIN_SIDE} px
 */
public record SampleLabels(SigningCredentials credentials, SigningAlgorithm algorithm, byte[] watermarkKey) {

    /** Validates and copies the key. */
    public SampleLabels {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(watermarkKey, "watermarkKey");
        if (watermarkKey.length == 0) {
            throw new IllegalArgumentException("watermark key must not be empty");
        }
        watermarkKey = watermarkKey.clone();
    }

    /** XMP and (when the size allows) the default-key watermark; no C2PA signature. */
    public static SampleLabels unsigned() {
        return new SampleLabels(null, SigningAlgorithm.ES256, UnmaskWatermark.DEFAULT_KEY);
    }

    /** XMP, watermark when the size allows, and a C2PA manifest signed with {@code credentials}. */
    public static SampleLabels signed(SigningCredentials credentials, SigningAlgorithm algorithm) {
        return new SampleLabels(Objects.requireNonNull(credentials, "credentials"), algorithm,
                UnmaskWatermark.DEFAULT_KEY);
    }

    /** Whether files will carry a C2PA manifest. */
    public boolean signs() {
        return credentials != null;
    }

    @Override
    public byte[] watermarkKey() {
        return watermarkKey.clone();
    }
}
