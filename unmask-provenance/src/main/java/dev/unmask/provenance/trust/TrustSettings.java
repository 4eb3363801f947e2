package dev.unmask.provenance.trust;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Trust configuration for C2PA claim-signature and time-stamp validation (C2PA specification 2.2, section 14.4
 * "Trust Lists" and 14.5 "X.509 Certificates"). Nothing is trusted by default: {@link #none()} still performs every
 * cryptographic check but reports every credential as untrusted.
 *
 * @param anchors trust anchors (root or intermediate CA certificates) for claim signers
 * @param allowedEndEntities end-entity certificates trusted directly, whatever their issuer (allowed list)
 * @param allowedCertHashes base64 SHA-256 digests of DER end-entity certificates trusted directly
 * @param allowedEkus dotted OIDs of extended key usages a claim signer may carry (section 14.5.2)
 * @param tsaAnchors trust anchors for RFC 3161 time-stamp authorities
 * @param maxChainLength most certificates accepted in an {@code x5chain} (longer chains are invalid)
 * @param maxChainBytes most DER bytes accepted in an {@code x5chain} in total
 */
public record TrustSettings(
        List<X509Certificate> anchors,
        List<X509Certificate> allowedEndEntities,
        Set<String> allowedCertHashes,
        Set<String> allowedEkus,
        List<X509Certificate> tsaAnchors,
        int maxChainLength,
        int maxChainBytes) {
    /** id-kp-emailProtection (RFC 5280). */
    public static final String EKU_EMAIL_PROTECTION = "1.3.6.1.5.5.7.3.4";
    /** id-kp-documentSigning (RFC 9336). */
    public static final String EKU_DOCUMENT_SIGNING = "1.3.6.1.5.5.7.3.36";
    /** c2pa-kp-claimSigning (C2PA specification 2.2, section 14.5.2). */
    public static final String EKU_C2PA_CLAIM_SIGNING = "1.3.6.1.4.1.62558.2.1";
    /** Microsoft C2PA signing EKU, accepted by the reference implementation's default configuration. */
    public static final String EKU_MS_C2PA_SIGNING = "1.3.6.1.4.1.311.76.59.1.9";
    /** id-kp-timeStamping (RFC 5280), required of time-stamp authorities. */
    public static final String EKU_TIME_STAMPING = "1.3.6.1.5.5.7.3.8";
    /** id-kp-OCSPSigning (RFC 5280). */
    public static final String EKU_OCSP_SIGNING = "1.3.6.1.5.5.7.3.9";
    /** Default claim-signer EKUs. */
    public static final Set<String> DEFAULT_EKUS =
            Set.of(EKU_EMAIL_PROTECTION, EKU_DOCUMENT_SIGNING, EKU_C2PA_CLAIM_SIGNING, EKU_MS_C2PA_SIGNING);
    /** Default maximum number of certificates in an {@code x5chain}. */
    public static final int DEFAULT_MAX_CHAIN_LENGTH = 16;
    /** Default maximum total size of an {@code x5chain}, 64 KiB. */
    public static final int DEFAULT_MAX_CHAIN_BYTES = 64 << 10;
    /** Upper bound for {@link #maxChainLength}. */
    public static final int LIMIT_CHAIN_LENGTH = 1024;
    /** Upper bound for {@link #maxChainBytes}, 16 MiB. */
    public static final int LIMIT_CHAIN_BYTES = 16 << 20;

    private static final Pattern OID = Pattern.compile("[0-2](\\.(0|[1-9][0-9]*))+");
    private static final Pattern SHA256_B64 = Pattern.compile("[A-Za-z0-9+/]{43}=");

    /** Validates and copies. */
    public TrustSettings {
        anchors = List.copyOf(anchors);
        allowedEndEntities = List.copyOf(allowedEndEntities);
        allowedCertHashes = Set.copyOf(allowedCertHashes);
        allowedEkus = Set.copyOf(allowedEkus);
        tsaAnchors = List.copyOf(tsaAnchors);
        for (String eku : allowedEkus) {
            if (!OID.matcher(eku).matches()) {
                throw new IllegalArgumentException("not a dotted OID: " + eku);
            }
        }
        if (maxChainLength < 1 || maxChainLength > LIMIT_CHAIN_LENGTH) {
            throw new IllegalArgumentException("maxChainLength must be in [1, " + LIMIT_CHAIN_LENGTH + "]");
        }
        if (maxChainBytes < 1 || maxChainBytes > LIMIT_CHAIN_BYTES) {
            throw new IllegalArgumentException("maxChainBytes must be in [1, " + LIMIT_CHAIN_BYTES + "]");
        }
    }

    /** No anchors, no allowed list, default EKUs and bounds: everything is checked, nothing is trusted. */
    public static TrustSettings none() {
        return builder().build();
    }

    /** A builder starting from {@link #none()}'s values. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the C2PA trust files: a PEM bundle of trust anchors (e.g. the public C2PA trust list or
     * {@code test_cert_root_bundle.pem}), an allowed list of end-entity certificates (PEM, or one base64 SHA-256
     * certificate digest per line) and an EKU configuration ({@code store.cfg}: one dotted OID per line,
     * {@code //} or {@code #} comments). Any path may be null. The anchors also serve as time-stamp authority
     * anchors, as in the reference implementation, which checks both against one trust policy.
     */
    public static TrustSettings fromPem(Path bundle, Path allowedList, Path ekuConfig) throws IOException {
        Builder b = builder();
        if (bundle != null) {
            List<X509Certificate> roots = PemCertificates.read(bundle);
            b.anchors(roots).tsaAnchors(roots);
        }
        if (allowedList != null) {
            String text = readBounded(allowedList);
            if (text.contains("-----BEGIN CERTIFICATE-----")) {
                b.allowedEndEntities(PemCertificates.parse(text));
            } else {
                b.allowedCertHashes(parseHashes(text));
            }
        }
        if (ekuConfig != null) {
            b.allowedEkus(parseEkuConfig(readBounded(ekuConfig)));
        }
        return b.build();
    }

    /** Parses an EKU configuration: dotted OIDs, one per line; comments and blank lines are skipped. */
    public static Set<String> parseEkuConfig(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String raw : text.split("\\R")) {
            String line = stripComment(raw);
            if (!line.isEmpty() && OID.matcher(line).matches()) {
                out.add(line);
            }
        }
        return out;
    }

    private static Set<String> parseHashes(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String raw : text.split("\\R")) {
            String line = stripComment(raw);
            if (SHA256_B64.matcher(line).matches()) {
                out.add(line);
            }
        }
        return out;
    }

    private static String stripComment(String raw) {
        String line = raw;
        int c = line.indexOf("//");
        if (c >= 0) {
            line = line.substring(0, c);
        }
        c = line.indexOf('#');
        if (c >= 0) {
            line = line.substring(0, c);
        }
        return line.strip();
    }

    private static String readBounded(Path file) throws IOException {
        if (Files.size(file) > PemCertificates.MAX_FILE_BYTES) {
            throw new IOException("trust file too large: " + file);
        }
        return Files.readString(file, StandardCharsets.US_ASCII);
    }

    /** Mutable builder for {@link TrustSettings}. */
    public static final class Builder {
        private final List<X509Certificate> anchors = new ArrayList<>();
        private final List<X509Certificate> allowed = new ArrayList<>();
        private final Set<String> hashes = new LinkedHashSet<>();
        private final Set<String> ekus = new LinkedHashSet<>(DEFAULT_EKUS);
        private final List<X509Certificate> tsa = new ArrayList<>();
        private int maxChainLength = DEFAULT_MAX_CHAIN_LENGTH;
        private int maxChainBytes = DEFAULT_MAX_CHAIN_BYTES;

        private Builder() {}

        /** Adds claim-signer trust anchors. */
        public Builder anchors(List<X509Certificate> certs) {
            anchors.addAll(Objects.requireNonNull(certs));
            return this;
        }

        /** Adds directly trusted end-entity certificates. */
        public Builder allowedEndEntities(List<X509Certificate> certs) {
            allowed.addAll(Objects.requireNonNull(certs));
            return this;
        }

        /** Adds directly trusted end-entity certificate digests (base64 SHA-256 of the DER). */
        public Builder allowedCertHashes(Set<String> digests) {
            hashes.addAll(Objects.requireNonNull(digests));
            return this;
        }

        /** Replaces the allowed EKUs (an empty configuration keeps the defaults). */
        public Builder allowedEkus(Set<String> oids) {
            if (!oids.isEmpty()) {
                ekus.clear();
                ekus.addAll(oids);
            }
            return this;
        }

        /** Adds time-stamp authority trust anchors. */
        public Builder tsaAnchors(List<X509Certificate> certs) {
            tsa.addAll(Objects.requireNonNull(certs));
            return this;
        }

        /** Sets the maximum number of certificates in an {@code x5chain}. */
        public Builder maxChainLength(int n) {
            maxChainLength = n;
            return this;
        }

        /** Sets the maximum total DER size of an {@code x5chain}. */
        public Builder maxChainBytes(int n) {
            maxChainBytes = n;
            return this;
        }

        /** Validates and builds. */
        public TrustSettings build() {
            return new TrustSettings(anchors, allowed, hashes, ekus, tsa, maxChainLength, maxChainBytes);
        }
    }
}
