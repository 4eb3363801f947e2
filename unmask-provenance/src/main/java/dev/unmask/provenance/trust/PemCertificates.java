package dev.unmask.provenance.trust;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PEM certificate bundles (RFC 7468), the format of the public C2PA trust list and of the test trust files.
 * Text outside {@code BEGIN/END CERTIFICATE} blocks (comments, headers) is ignored. Bounded: files over
 * {@link #MAX_FILE_BYTES} and bundles over {@link #MAX_CERTIFICATES} are rejected.
 */
public final class PemCertificates {
    /** Largest bundle file read, in bytes (the public C2PA trust list is well under 1 MiB). */
    public static final long MAX_FILE_BYTES = 16L << 20;
    /** Most certificates read from one bundle. */
    public static final int MAX_CERTIFICATES = 10_000;

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]*?)-----END CERTIFICATE-----");

    private PemCertificates() {}

    /** Reads every certificate of a PEM bundle file. */
    public static List<X509Certificate> read(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IOException("certificate bundle larger than " + MAX_FILE_BYTES + " bytes: " + file);
        }
        return parse(Files.readString(file, StandardCharsets.US_ASCII));
    }

    /** Parses every certificate of PEM text; a block that is not a valid certificate fails the whole read. */
    public static List<X509Certificate> parse(String pem) throws IOException {
        List<X509Certificate> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(pem);
        while (m.find()) {
            if (out.size() >= MAX_CERTIFICATES) {
                throw new IOException("more than " + MAX_CERTIFICATES + " certificates in bundle");
            }
            byte[] der = Base64.getMimeDecoder().decode(m.group(1));
            out.add(fromDer(der));
        }
        return List.copyOf(out);
    }

    /** Parses one DER certificate. */
    public static X509Certificate fromDer(byte[] der) throws IOException {
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            return (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            throw new IOException("invalid certificate: " + e.getMessage(), e);
        }
    }
}
