package dev.unmask.bench;

import dev.unmask.api.MediaKind;
import dev.unmask.api.MediaType;
import dev.unmask.provenance.c2pa.C2paBenchHooks;
import dev.unmask.provenance.c2pa.C2paLimits;
import dev.unmask.provenance.c2pa.C2paReader;
import dev.unmask.provenance.c2pa.ManifestStoreResult;
import dev.unmask.provenance.c2pa.ParsedManifest;
import dev.unmask.provenance.c2pa.SignatureOutcome;
import dev.unmask.provenance.cose.CoseClaimVerifier;
import dev.unmask.provenance.trust.TrustSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Time per file of C2PA validation (C2PA specification 2.2, section 15) on the c2pa-rs fixtures, and its split into
 * the three costs the validator has:
 * <ul>
 *   <li>{@link #full}: {@code C2paReader.read} with a {@link CoseClaimVerifier} over the test trust anchors, allowed
 *       list and EKU configuration (so certificate chain building is included) — everything the reader does;</li>
 *   <li>{@link #parse}: locating the store in the container, the JUMBF box tree and the claim/assertion CBOR and JSON
 *       decoding ({@link C2paBenchHooks#parse}, the reader's own {@code StoreParser}), no hashing nor verification;</li>
 *   <li>{@link #hash}: every hashed-URI assertion hash of every manifest and the active manifest's hard binding over
 *       the asset (data hash minus exclusions with the reader's {@code RangeHasher}, or BMFF hash), on pre-parsed
 *       manifests ({@link C2paBenchHooks#hash});</li>
 *   <li>{@link #signature}: {@link CoseClaimVerifier#verify} of every manifest's COSE_Sign1 over its claim bytes
 *       (COSE parse, time-stamp, certificate profile, chain to the trust anchors, signature), as the reader calls it
 *       once per manifest.</li>
 * </ul>
 * The rest of {@code full} (status assembly, ingredient checks, result records) is what the three parts leave.
 * Fixtures are read from the directory in the system property {@value #DIR_PROPERTY} (default
 * {@value #DEFAULT_DIR}, relative to the working directory). Validation time is fixed ({@link #VALIDATION_TIME}) so
 * that certificate validity, and so the code path, does not depend on the day of the run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class C2paValidationBenchmark {
    /** System property naming the fixture directory. */
    public static final String DIR_PROPERTY = "unmask.c2pa.dir";
    /** Default fixture directory, relative to the repository root. */
    public static final String DEFAULT_DIR = "testdata/c2pa";
    /** Fixed validation time (the instant the module's own signature tests use). */
    public static final Instant VALIDATION_TIME = Instant.parse("2026-01-01T00:00:00Z");
    private static final MediaType MP4 = new MediaType("mp4", "video/mp4", MediaKind.VIDEO);
    private static final String SIGNATURE_BOX = "/c2pa.signature";

    /**
     * Small single-manifest JPEG (CA.jpg), JPEG with a parent manifest (CACA.jpg), tampered JPEG (XCA.jpg, data hash
     * mismatch), JPEG with a box hash (boxhash.jpg) and an MP4 with a BMFF hash (video1.mp4).
     */
    @Param({"CA.jpg", "CACA.jpg", "XCA.jpg", "boxhash.jpg", "video1.mp4"})
    public String fixture;

    private byte[] file;
    private MediaType type;
    private C2paLimits limits;
    private CoseClaimVerifier verifier;
    private byte[] store;
    private List<ParsedManifest> manifests;

    /** Reads the fixture and the trust files, pre-parses the store for the hash and signature benchmarks. */
    @Setup
    public void setup() throws IOException {
        Path dir = Path.of(System.getProperty(DIR_PROPERTY, DEFAULT_DIR));
        Path trustDir = dir.resolve("certs").resolve("trust");
        file = Files.readAllBytes(dir.resolve(fixture));
        type = mediaType(fixture);
        limits = C2paLimits.defaults();
        TrustSettings trust = TrustSettings.fromPem(trustDir.resolve("test_cert_root_bundle.pem"),
                trustDir.resolve("allowed_list.pem"), trustDir.resolve("store.cfg"));
        verifier = new CoseClaimVerifier(trust, VALIDATION_TIME);
        store = C2paBenchHooks.storeBytes(file, type, limits);
        manifests = C2paBenchHooks.parse(file, type, limits);
        if (store == null || manifests.isEmpty()) {
            throw new IllegalStateException(fixture + " has no embedded, parseable manifest store");
        }
        ManifestStoreResult r = C2paReader.read(file, type, verifier, limits);
        System.out.printf(Locale.ROOT, "%n[%s] %d bytes, store %d bytes, %d manifest(s), state %s, failures %s%n",
                fixture, file.length, store.length, manifests.size(), r.state(), r.failureCodes());
    }

    /** Full read and validation. */
    @Benchmark
    public ManifestStoreResult full() {
        return C2paReader.read(file, type, verifier, C2paLimits.defaults());
    }

    /** Locate + JUMBF + CBOR/JSON decoding only. */
    @Benchmark
    public List<ParsedManifest> parse() {
        return C2paBenchHooks.parse(file, type, limits);
    }

    /** Assertion hashes and the hard-binding hash only. */
    @Benchmark
    public int hash() {
        return C2paBenchHooks.hash(file, store, manifests, limits);
    }

    /** COSE claim signature verification (with chain building) of every manifest only. */
    @Benchmark
    public void signature(Blackhole bh) {
        for (ParsedManifest m : manifests) {
            if (m.signatureBytes() != null && m.claimBytes() != null) {
                SignatureOutcome o = verifier.verify(m.signatureBytes(), m.claimBytes(), "self#jumbf=/c2pa/" + m.label() + SIGNATURE_BOX);
                bh.consume(o);
            }
        }
    }

    private static MediaType mediaType(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".jpg") || n.endsWith(".jpeg")) {
            return MediaType.JPEG;
        }
        if (n.endsWith(".png")) {
            return MediaType.PNG;
        }
        return n.endsWith(".mp4") || n.endsWith(".mov") ? MP4 : MediaType.UNKNOWN;
    }
}
