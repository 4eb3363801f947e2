package dev.unmask.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.api.Analyzer;
import dev.unmask.core.scan.AnalyzerSet;
import dev.unmask.core.scan.VerdictFusion;
import java.io.InputStream;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * With every module on the class path: each weight in fusion.properties names an analyzer that exists (so a renamed
 * analyzer cannot silently lose its weight), and each analyzer has a weight.
 */
class FusionWeightsTest {
    @Test
    void weightsAndAnalyzersMatch() throws Exception {
        Set<String> ids = AnalyzerSet.discover().stream().map(a -> a.info().id()).collect(Collectors.toSet());
        Properties p = new Properties();
        try (InputStream in = VerdictFusion.class.getResourceAsStream("fusion.properties")) {
            p.load(in);
        }
        for (String k : p.stringPropertyNames()) {
            if (!k.startsWith("weight.") || k.equals("weight.default")) {
                continue;
            }
            String analyzer = k.substring("weight.".length()).split("\\.")[0];
            assertTrue(ids.contains(analyzer), k + " names no registered analyzer (known: " + ids + ")");
        }
        for (Analyzer a : AnalyzerSet.discover()) {
            assertTrue(p.containsKey("weight." + a.info().id()), "analyzer " + a.info().id() + " has no weight in fusion.properties");
        }
    }
}
