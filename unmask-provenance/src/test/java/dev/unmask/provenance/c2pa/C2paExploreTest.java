package dev.unmask.provenance.c2pa;

import dev.unmask.api.MediaType;
import dev.unmask.testkit.TestData;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class C2paExploreTest {
    @Test
    void dump() throws Exception {
        for (String f : new String[] {"C.jpg", "CA.jpg", "CACA.jpg", "CA_ct.jpg", "CIE-sig-CA.jpg", "E-sig-CA.jpg", "XCA.jpg",
                "boxhash.jpg", "cloud.jpg", "earth_apollo17.jpg", "legacy.mp4", "legacy_ingredient_hash.jpg", "libpng-test.png",
                "no_alg.jpg", "no_manifest.jpg", "ocsp.jpg", "prerelease.jpg", "sample1.gif", "sample1.png", "sample1.webp", "video1.mp4"}) {
            byte[] b = Files.readAllBytes(TestData.file("c2pa/" + f));
            long t = System.nanoTime();
            ManifestStoreResult r = C2paReader.read(b, MediaType.UNKNOWN, StubVerifiers.VALID, C2paLimits.defaults());
            System.out.printf("%-28s %-12s %s %s ms=%.1f%n", f, r.state(), r.failureCodes(), r.remoteUrl() == null ? "" : r.remoteUrl(), (System.nanoTime() - t) / 1e6);
            for (ValidationStatus s : r.allActiveStatuses()) {
                if (s.kind() != StatusKind.SUCCESS || s.code().startsWith("ingredient")) {
                    System.out.println("    " + s);
                }
            }
        }
    }
}
