package dev.unmask.provenance.watermark;

import java.nio.charset.StandardCharsets;

/**
 * Marks that public image generators embed with invisible-watermark, with their bit order as the library sees
 * them ({@code np.unpackbits}, most significant bit first; integers through Python's {@code bin(x)[2:]}, which
 * drops leading zeros).
 */
public enum KnownPayload {
    /** CompVis/stable-diffusion scripts/txt2img.py: bytes "StableDiffusionV1" (136 bits), dwtDct, uint8. */
    STABLE_DIFFUSION_V1("StableDiffusionV1", bytesToBits("StableDiffusionV1".getBytes(StandardCharsets.UTF_8))),
    /** Stability-AI/stablediffusion scripts: bytes "SDV2" (32 bits), dwtDct, uint8. */
    STABLE_DIFFUSION_V2("SDV2", bytesToBits("SDV2".getBytes(StandardCharsets.US_ASCII))),
    /**
     * Stability-AI/generative-models sgm/inference/helpers.py and diffusers' SDXL watermarker:
     * {@code 0xB3EC907BB19E} (48 bits), dwtDct, float path.
     */
    SDXL("SDXL 0xB3EC907BB19E", pyBin(0xB3EC907BB19EL)),
    /**
     * black-forest-labs/flux src/flux/util.py: {@code 0b0010101011111110...0101110}; {@code bin()} drops the two
     * leading zeros, so 46 bits are embedded; dwtDct, float path.
     */
    FLUX("FLUX 0x2AFE879CF52E", pyBin(0x2AFE879CF52EL));

    private final String label;
    private final boolean[] bits;

    KnownPayload(String label, boolean[] bits) {
        this.label = label;
        this.bits = bits;
    }

    /** Human-readable name of the payload. */
    public String label() {
        return label;
    }

    /** The embedded bit sequence (a copy). */
    public boolean[] bits() {
        return bits.clone();
    }

    /** MSB-first bits of bytes ({@code np.unpackbits}). */
    public static boolean[] bytesToBits(byte[] bytes) {
        boolean[] out = new boolean[bytes.length * Byte.SIZE];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((bytes[i / Byte.SIZE] >> (Byte.SIZE - 1 - i % Byte.SIZE)) & 1) != 0;
        }
        return out;
    }

    /** Python's {@code [int(b) for b in bin(v)[2:]]} for a positive value. */
    static boolean[] pyBin(long v) {
        int n = Long.SIZE - Long.numberOfLeadingZeros(v);
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
            out[i] = ((v >>> (n - 1 - i)) & 1) != 0;
        }
        return out;
    }
}
