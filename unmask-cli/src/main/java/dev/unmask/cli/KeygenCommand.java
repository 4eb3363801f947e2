package dev.unmask.cli;

import dev.unmask.provenance.sign.SigningAlgorithm;
import dev.unmask.provenance.sign.TestCredentials;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code unmask keygen}: a test CA and a C2PA claim-signing certificate, for trying {@code unmask sign}. */
@Command(name = "keygen", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Make a TEST certificate authority and a signing certificate with the C2PA claim-signing EKU",
                "(1.3.6.1.4.1.62558.2.1), written as PEM files: signer.key.pem, signer.chain.pem, ca.cert.pem.",
                "Validators trust these only if you add ca.cert.pem to their trust anchors; for production, get a",
                "certificate from a CA on the C2PA trust list."})
final class KeygenCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder for the PEM files (created; existing files are not overwritten).")
    Path out;

    @Option(names = "--alg", paramLabel = "ALG", description = "Signature algorithm: es256 (default) or ed25519.")
    String alg = "es256";

    @Option(names = "--name", paramLabel = "CN", description = "Common name of the signing certificate (default: ${DEFAULT-VALUE}).")
    String name = "Unmask test signer";

    @Option(names = "--days", paramLabel = "N", description = "Validity in days (default: ${DEFAULT-VALUE}).")
    int days = 365;

    @Override
    public Integer call() throws Exception {
        SigningAlgorithm a = parseAlgorithm(alg);
        if (days < 1 || days > 36_500) {
            throw new UsageException("--days must be in 1..36500, not " + days);
        }
        for (String f : new String[] {TestCredentials.KEY_FILE, TestCredentials.CHAIN_FILE, TestCredentials.CA_FILE}) {
            if (Files.exists(out.resolve(f))) {
                throw new UsageException(out.resolve(f) + " already exists; choose another --out folder");
            }
        }
        Files.createDirectories(out);
        TestCredentials c = TestCredentials.generate(a, name, Instant.now().minus(Duration.ofMinutes(5)), Duration.ofDays(days));
        c.writePem(out);
        PrintWriter w = spec.commandLine().getOut();
        w.println("Wrote a test CA and signing certificate (" + a.name().toLowerCase(Locale.ROOT) + ") to " + out + ":");
        w.println("  " + out.resolve(TestCredentials.KEY_FILE) + "    private key (keep it secret)");
        w.println("  " + out.resolve(TestCredentials.CHAIN_FILE) + "  signing certificate and CA (for --cert)");
        w.println("  " + out.resolve(TestCredentials.CA_FILE) + "       CA certificate (a trust anchor for validation)");
        w.println("Subject: " + c.signerCertificate().getSubjectX500Principal().getName());
        w.println("Valid until: " + c.signerCertificate().getNotAfter().toInstant());
        w.flush();
        return UnmaskCommand.OK;
    }

    static SigningAlgorithm parseAlgorithm(String alg) {
        return switch (alg.toLowerCase(Locale.ROOT)) {
            case "es256" -> SigningAlgorithm.ES256;
            case "ed25519", "eddsa" -> SigningAlgorithm.ED25519;
            default -> throw new UsageException("--alg takes es256 or ed25519, not '" + alg + "'");
        };
    }
}
