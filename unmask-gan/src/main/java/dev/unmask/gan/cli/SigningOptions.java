package dev.unmask.gan.cli;

import dev.unmask.cli.UsageException;
import dev.unmask.gan.SampleLabels;
import dev.unmask.provenance.sign.SigningAlgorithm;
import dev.unmask.provenance.sign.SigningCredentials;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/** C2PA signing options shared by the GAN commands that write images (the same credentials {@code unmask sign} takes). */
final class SigningOptions {
    @Option(names = "--sign-cert", paramLabel = "PEM",
            description = "Certificate chain, signer first (PEM), to embed a signed C2PA manifest (needs --sign-key).")
    Path cert;

    @Option(names = "--sign-key", paramLabel = "PEM", description = "Private signing key (PKCS#8 PEM) for --sign-cert.")
    Path key;

    @Option(names = "--sign-alg", paramLabel = "ALG", description = "Signature algorithm matching the key: es256 (default) or ed25519.")
    String alg = "es256";

    /** Whether credentials were given. */
    boolean signs() {
        return cert != null || key != null;
    }

    /** The labels to apply: signed when both files are given, XMP and watermark only when neither is. */
    SampleLabels labels() {
        if (cert == null && key == null) {
            return SampleLabels.unsigned();
        }
        if (cert == null || key == null) {
            throw new UsageException("C2PA signing needs both --sign-cert and --sign-key");
        }
        SigningAlgorithm a = switch (alg.toLowerCase(Locale.ROOT)) {
            case "es256" -> SigningAlgorithm.ES256;
            case "ed25519", "eddsa" -> SigningAlgorithm.ED25519;
            default -> throw new UsageException("--sign-alg takes es256 or ed25519, not '" + alg + "'");
        };
        try {
            return SampleLabels.signed(SigningCredentials.fromPem(key, cert), a);
        } catch (IOException | RuntimeException e) {
            throw new UsageException("cannot read the signing key or certificate: " + e.getMessage());
        }
    }

    /** The sentence printed when no C2PA manifest was added. */
    static String howToSign(String command) {
        return "C2PA: no manifest added (no signing credentials given). To add a signed one, pass --sign-cert CHAIN.pem "
                + "--sign-key KEY.pem to 'unmask gan " + command + "' (test credentials: 'unmask keygen --out keys/', then "
                + "--sign-cert keys/signer.chain.pem --sign-key keys/signer.key.pem), or sign a file later with 'unmask sign'.";
    }
}
