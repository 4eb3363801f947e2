package dev.unmask.provenance.sign;

import dev.unmask.testkit.TestData;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/** Shared signer set-ups for the signing tests. */
final class SignFixtures {
    static final UUID MANIFEST_ID = UUID.fromString("5e7b01fc-4932-4bab-ab32-d4f12a8aa322");
    static final String INSTANCE_ID = "xmp:iid:0b6f0a3e-4f0b-4a7e-9a55-1d7d0c8f1e22";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    private SignFixtures() {}

    static SigningCredentials fixtureCredentials(SigningAlgorithm alg) throws Exception {
        String name = alg == SigningAlgorithm.ES256 ? "es256" : "ed25519";
        return SigningCredentials.fromPem(TestData.file("c2pa/certs/" + name + ".pem"),
                TestData.file("c2pa/certs/" + name + ".pub"));
    }

    static C2paSigner.Builder builder(SigningAlgorithm alg) throws Exception {
        return C2paSigner.builder()
                .credentials(fixtureCredentials(alg))
                .algorithm(alg)
                .claimGenerator("Unmask", "0.1.0")
                .action(Action.created(Action.SOURCE_TRAINED_ALGORITHMIC))
                .title("test asset")
                .manifestId(MANIFEST_ID)
                .instanceId(INSTANCE_ID)
                .clock(CLOCK);
    }

    static byte[] bytes(String fixture) throws Exception {
        return Files.readAllBytes(TestData.file(fixture));
    }
}
