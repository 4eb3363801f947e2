package dev.unmask.faces.mesonet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.testkit.TestData;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Cross-checks both MesoNet backends (the pure-Java layers and the ONNX Runtime graph built from them) against an
 * independent implementation: the logits PyTorch computes for the same weights and inputs ({@code bench/mesonet_torch.py}, stored in {@code torch-reference.csv}). The inputs are
 * 256&times;256 crops of PNG fixtures taken without resampling, so both sides see identical pixels.
 */
class MesoNetReferenceTest {
    /** Largest allowed logit difference: float32 sums over ~10^4 terms in a different order. */
    static final double TOLERANCE = 1e-3;

    @ParameterizedTest
    @EnumSource(MesoNet.Backend.class)
    void logitsEqualPyTorchsOnTheSameInputs(MesoNet.Backend backend) throws Exception {
        Map<String, float[]> inputs = new LinkedHashMap<>();
        inputs.put("astronaut", crop("photos/astronaut.png", 100, 0));
        inputs.put("chelsea", crop("photos/chelsea.png", 100, 22));
        inputs.put("coffee", crop("photos/coffee.png", 200, 80));
        int checked = 0;
        double maxDiff = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("torch-reference.csv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.startsWith("weights,")) {
                    continue;
                }
                String[] f = line.split(",");
                MesoNet net = MesoNet.load(weightsForFile(f[0]), backend);
                int i = 1;
                for (var e : inputs.entrySet()) {
                    double expected = Double.parseDouble(f[i++]);
                    double actual = net.logit(e.getValue());
                    assertEquals(expected, actual, TOLERANCE, f[0] + " on " + e.getKey());
                    maxDiff = Math.max(maxDiff, Math.abs(expected - actual));
                    checked++;
                }
                net.close();
            }
        }
        assertEquals(12, checked, "4 weight files x 3 inputs");
        System.out.printf("MesoNet (%s backend) vs PyTorch: max |logit difference| %.2e over %d outputs%n",
                backend.id(), maxDiff, checked);
    }

    @Test
    void outputIsTheSigmoidOfTheLogitAndFakeIsItsComplement() throws Exception {
        MesoNet net = MesoNet.load(MesoNet.Weights.MESO4_DF); // the default backend
        BufferedImage img = ImageIO.read(TestData.file("photos/chelsea.png").toFile()).getSubimage(100, 22, 256, 256);
        float[] x = MesoNet.toInput(img);
        double real = net.forward(x);
        assertEquals(1 / (1 + Math.exp(-net.logit(x))), real, 1e-12);
        assertEquals(1 - real, net.probabilityFake(img), 1e-6);
        assertTrue(real > 0 && real < 1);
    }

    private static MesoNet.Weights weightsForFile(String name) {
        for (MesoNet.Weights w : MesoNet.Weights.values()) {
            if (w.resource().endsWith("/" + name + ".h5")) {
                return w;
            }
        }
        throw new IllegalArgumentException("no weights for " + name);
    }

    private static float[] crop(String fixture, int x, int y) throws Exception {
        BufferedImage img = ImageIO.read(TestData.file(fixture).toFile());
        return MesoNet.toInput(img.getSubimage(x, y, 256, 256));
    }
}
