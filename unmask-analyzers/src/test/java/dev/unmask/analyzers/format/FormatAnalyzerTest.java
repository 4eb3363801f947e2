package dev.unmask.analyzers.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.api.Analyzer;
import dev.unmask.api.AnalyzerResult;
import dev.unmask.api.Finding;
import dev.unmask.testkit.AnalyzerContractTest;
import dev.unmask.testkit.TestData;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FormatAnalyzerTest extends AnalyzerContractTest {
    @Override
    protected Analyzer newAnalyzer() {
        return new FormatAnalyzer();
    }

    @Override
    protected String supportedFixture() {
        return "photos/rocket.jpg";
    }

    @Test
    void matchingExtensionGivesNoFinding() throws Exception {
        AnalyzerResult r = initialised().analyze(TestData.media("photos/rocket.jpg"));
        assertTrue(r.findings().isEmpty(), r.findings().toString());
        assertTrue(r.summary().contains("extension matches"));
    }

    @Test
    void pngNamedJpgIsReported() throws Exception {
        byte[] png = Files.readAllBytes(TestData.file("photos/chelsea.png"));
        AnalyzerResult r = initialised().analyze(TestData.media("cat.jpg", png));
        Finding f = r.findings().get(0);
        assertEquals("format.extension-mismatch", f.code());
        assertEquals("jpg", f.values().get("extension"));
        assertEquals("png", f.values().get("detected"));
    }

    @Test
    void dataAfterEndOfImageIsMeasured() throws Exception {
        byte[] jpg = Files.readAllBytes(TestData.file("photos/rocket.jpg"));
        byte[] withTail = Arrays.copyOf(jpg, jpg.length + 1000);
        Arrays.fill(withTail, jpg.length, withTail.length, (byte) 'A');
        AnalyzerResult r = initialised().analyze(TestData.media("rocket.jpg", withTail));
        Finding f = r.findings().stream().filter(x -> x.code().equals("format.trailing-data")).findFirst().orElseThrow();
        assertEquals(1000L, f.values().get("trailing_bytes"));
        byte[] png = Files.readAllBytes(TestData.file("bad-images/text_after_idat.png"));
        assertEquals(0, FormatAnalyzer.trailingBytes(dev.unmask.api.MediaType.PNG, png));
    }
}
