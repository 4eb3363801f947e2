package dev.unmask.provenance.analyzer;

import dev.unmask.api.AnalyzerOptions;
import dev.unmask.provenance.trust.TrustSettings;
import dev.unmask.provenance.watermark.UnmaskWatermark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * Validated settings of {@link ProvenanceAnalyzer}, read from {@link AnalyzerOptions}.
 *
 * @param trustAnchors PEM bundle of C2PA trust anchors ({@code trust-anchors}), or null: every signer untrusted
 * @param allowedList PEM allowed list of end-entity certificates ({@code allowed-list}), or null
 * @param ekuConfig EKU configuration file ({@code eku-config}, one dotted OID a line), or null for the built-in
 *     {@link TrustSettings#DEFAULT_EKUS}
 * @param watermarks whether to look for invisible watermarks ({@code watermarks})
 * @param unmaskKey the key of Unmask's own watermark ({@code unmask-watermark-key}, hex)
 * @param watermarkMaxPixels images with more pixels are not scanned for watermarks ({@code watermark-max-pixels})
 * @param trust the trust settings built from the three files
 */
public record ProvenanceSettings(Path trustAnchors, Path allowedList, Path ekuConfig, boolean watermarks,
        byte[] unmaskKey, long watermarkMaxPixels, TrustSettings trust) {
    /** Option: PEM bundle of trust anchors. */
    public static final String TRUST_ANCHORS = "trust-anchors";
    /** Option: PEM allowed list. */
    public static final String ALLOWED_LIST = "allowed-list";
    /** Option: EKU configuration. */
    public static final String EKU_CONFIG = "eku-config";
    /** Option: watermark scan on/off. */
    public static final String WATERMARKS = "watermarks";
    /** Option: Unmask watermark key in hex. */
    public static final String UNMASK_KEY = "unmask-watermark-key";
    /** Option: largest image (pixels) scanned for watermarks. */
    public static final String WATERMARK_MAX_PIXELS = "watermark-max-pixels";
    /**
     * Default pixel limit for the watermark scan, 16 MP: the invisible-watermark scan works at native resolution
     * (the mark does not survive resampling) and costs about 0.4 s per 12 MP.
     */
    public static final int DEFAULT_WATERMARK_MAX_PIXELS = 16_000_000;
    /** Upper bound of {@code watermark-max-pixels}. */
    public static final int MAX_WATERMARK_MAX_PIXELS = Integer.MAX_VALUE;
    /** Longest accepted watermark key, in bytes. */
    public static final int MAX_KEY_BYTES = 1024;

    /** Copies the key. */
    public ProvenanceSettings {
        unmaskKey = unmaskKey.clone();
    }

    /** The Unmask watermark key (a copy). */
    @Override
    public byte[] unmaskKey() {
        return unmaskKey.clone();
    }

    /**
     * Reads and validates every option.
     *
     * @throws IllegalArgumentException for a missing or unreadable file, a bad key or a bad number
     */
    public static ProvenanceSettings from(AnalyzerOptions o) {
        Path anchors = path(o, TRUST_ANCHORS);
        Path allowed = path(o, ALLOWED_LIST);
        Path eku = path(o, EKU_CONFIG);
        boolean wm = o.getBoolean(WATERMARKS, true);
        String defaultHex = HexFormat.of().formatHex(UnmaskWatermark.DEFAULT_KEY);
        String hex = o.getString(UNMASK_KEY, defaultHex).trim();
        byte[] key;
        try {
            key = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("option " + UNMASK_KEY + " must be hexadecimal: " + hex, e);
        }
        if (key.length == 0 || key.length > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("option " + UNMASK_KEY + " must be 1.." + MAX_KEY_BYTES + " bytes");
        }
        int maxPixels = o.getInt(WATERMARK_MAX_PIXELS, DEFAULT_WATERMARK_MAX_PIXELS, 1, MAX_WATERMARK_MAX_PIXELS);
        TrustSettings trust;
        try {
            trust = TrustSettings.fromPem(anchors, allowed, eku);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read the C2PA trust files: " + e.getMessage(), e);
        }
        if (eku != null && trust.allowedEkus().isEmpty()) {
            throw new IllegalArgumentException("option " + EKU_CONFIG + ": no dotted OID in " + eku);
        }
        return new ProvenanceSettings(anchors, allowed, eku, wm, key, maxPixels, trust);
    }

    private static Path path(AnalyzerOptions o, String key) {
        String v = o.getString(key, "none");
        if (v.isBlank() || v.equals("none")) {
            return null;
        }
        Path p;
        try {
            p = Path.of(v.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("option " + key + " is not a valid path: " + v, e);
        }
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            throw new IllegalArgumentException("option " + key + ": no readable file at " + p);
        }
        return p;
    }
}
