package dev.unmask.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.api.Analyzer;
import dev.unmask.core.scan.AnalyzerSet;
import dev.unmask.core.scan.VerdictFusion;
import java.io.InputStream;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every weight in fusion.properties names an analyzer that exists, so a renamed analyzer cannot silently lose its weight. */
class FusionWeightsTest {
    /** Analyzers of plug-in modules, not on this module's class path; their modules' tests check their weights. */
    private static final Set<String> PLUGIN_ANALYZERS = Set.of("detector");

    @Test
    void everyWeightKeyNamesARegisteredAnalyzer() throws Exception {
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
            assertTrue(ids.contains(analyzer) || PLUGIN_ANALYZERS.contains(analyzer), k + " names no registered analyzer (known: " + ids + ")");
        }
        for (Analyzer a : AnalyzerSet.discover()) {
            assertTrue(p.containsKey("weight." + a.info().id()), "analyzer " + a.info().id() + " has no weight in fusion.properties");
        }
    }
}
