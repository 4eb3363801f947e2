package dev.unmask.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.api.Analyzer;
import dev.unmask.core.scan.AnalyzerSet;
import dev.unmask.core.scan.VerdictFusion;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Every analyzer of the command line has a weight in fusion.properties. (The converse, that every weight names an
 * analyzer, needs the plug-in modules too and is checked in unmask-app.)
 */
class FusionWeightsTest {
    @Test
    void everyRegisteredAnalyzerHasAWeight() throws Exception {
        Properties p = new Properties();
        try (InputStream in = VerdictFusion.class.getResourceAsStream("fusion.properties")) {
            p.load(in);
        }
        for (Analyzer a : AnalyzerSet.discover()) {
            assertTrue(p.containsKey("weight." + a.info().id()), "analyzer " + a.info().id() + " has no weight in fusion.properties");
        }
    }
}
