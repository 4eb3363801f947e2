package dev.unmask.provenance.c2pa;

import dev.unmask.api.MediaType;
import dev.unmask.provenance.bmff.BmffBoxes;
import dev.unmask.testkit.TestData;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class C2paExplore2Test {
    @Test
    void dump() throws Exception {
        for (String f : new String[] {"CACA.jpg"}) {
            byte[] b = Files.readAllBytes(TestData.file("c2pa/" + f));
            ManifestStoreResult r = C2paReader.read(b, MediaType.UNKNOWN, StubVerifiers.VALID, C2paLimits.defaults());
            if (f.endsWith("mp4")) {
                System.out.println(BmffBoxes.topLevel(b, 1000));
            }
            for (ParsedManifest p : r.parsed()) {
                System.out.println(f + " " + p.label() + " claim=" + StoreJson.value(p.claim(), 0));
                for (AssertionBox a : p.assertions()) {
                    if (a.label().startsWith("c2pa.ingredient")) {
                        System.out.println("   " + a.label() + " " + ((java.util.Map<?, ?>) a.data()).keySet());
                    }
                }
            }
        }
    }
}
