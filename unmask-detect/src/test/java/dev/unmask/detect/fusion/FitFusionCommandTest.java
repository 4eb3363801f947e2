package dev.unmask.detect.fusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.core.scan.FusionModel;
import dev.unmask.detect.analyzer.DefaultDetector;
import dev.unmask.detect.testing.Cli;
import dev.unmask.detect.testing.SyntheticImages;
import dev.unmask.detect.testing.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code unmask detector fit-fusion} end to end on the tiny deterministic set, with the brightness test detector as
 * the only analyzer (fast): the detector's coefficient is fitted, the manipulated direction keeps the prior, the file
 * records its data manifest, and the same data give the same bytes.
 */
class FitFusionCommandTest {
    @TempDir static Path dir;
    static Path model;
    static String previousDefault;

    @BeforeAll
    static void data() throws Exception {
        SyntheticImages.write(dir, 8, 48);
        model = TestModels.brightness(dir, "brightness", 0.6, "hf.gain=40", "scope.general=true");
        previousDefault = System.setProperty(DefaultDetector.PROPERTY, "none");
    }

    @AfterAll
    static void restore() {
        if (previousDefault == null) {
            System.clearProperty(DefaultDetector.PROPERTY);
        } else {
            System.setProperty(DefaultDetector.PROPERTY, previousDefault);
        }
    }

    private static Cli fit(Path out, String... extra) {
        java.util.List<String> a = new java.util.ArrayList<>(java.util.List.of("detector", "fit-fusion", "--real", dir.resolve("real").toString(),
                "--fake", dir.resolve("fake").toString(), "--only", "detector", "--detector", model.toString(), "--threads", "2",
                "--out", out.toString()));
        a.addAll(java.util.List.of(extra));
        return Cli.run(a.toArray(String[]::new));
    }

    @Test
    void fitsTheDetectorsCoefficientReproducibly() throws Exception {
        Path out = dir.resolve("fusion-model.properties");
        Cli r = fit(out);
        assertEquals(0, r.exit(), r.err() + r.out());
        FusionModel m = FusionModel.read(out);
        FusionModel prior = FusionModel.prior(0.6, 0.3, 0.8);
        double k = prior.directions().get("synthetic").otherCoefficient();
        assertTrue(m.directions().get("synthetic").fitted());
        assertNotEquals(k, m.directions().get("synthetic").coefficient("detector"), 1e-6, "the detector's coefficient moved");
        assertEquals(prior.directions().get("synthetic").intercept(), m.directions().get("synthetic").intercept(), 1e-6, "intercept fixed");
        assertEquals(false, m.directions().get("manipulated").fitted(), "no manipulated images: the prior applies");
        assertEquals(k, m.directions().get("manipulated").coefficient("detector"), 1e-6);
        String text = Files.readString(out);
        assertTrue(text.contains("data.images=8 real, 8 synthetic\n"), text);
        assertTrue(text.matches("(?s).*data\\.manifest\\.sha256=[0-9a-f]{64}\n.*"), text);
        assertTrue(r.out().contains("synthetic: 8 positive / 8 negative images; AUC hand-set "), r.out());
        Path again = dir.resolve("again.properties");
        assertEquals(0, fit(again).exit());
        assertEquals(text.replace(out.toString(), ""), Files.readString(again).replace(again.toString(), ""), "same data, same model");
    }

    @Test
    void usageErrors() {
        Cli noFakes = Cli.run("detector", "fit-fusion", "--real", dir.resolve("real").toString(), "--out", dir.resolve("x").toString());
        assertEquals(2, noFakes.exit());
        assertTrue(noFakes.err().contains("give --fake and/or --manipulated images"), noFakes.err());
        Cli badBand = fit(dir.resolve("y"), "--decide", "0.3", "--inconclusive", "0.4");
        assertEquals(2, badBand.exit());
        assertTrue(badBand.err().contains("thresholds must satisfy 0 < inconclusive < decide < 1"), badBand.err());
        Cli missing = Cli.run("detector", "fit-fusion", "--real", dir.resolve("nope").toString(), "--fake", dir.resolve("fake").toString(),
                "--out", dir.resolve("z").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("--real: no such file or folder"), missing.err());
    }
}
