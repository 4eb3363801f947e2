package dev.unmask.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import dev.unmask.testkit.ExternalCommands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand-written ONNX encoding is checked by the ONNX project's own checker (full shape inference) when Debian's
 * {@code python3-onnx} is installed; skipped, and saying so, when it is not.
 */
class TinyOnnxModelsTest {
    private static final String PYTHON = ExternalCommands.PYTHON;

    @Test
    void officialCheckerAcceptsEveryVariant(@TempDir Path dir) throws Exception {
        assumeTrue(ExternalCommands.pythonHas("onnx"),
                "python3-onnx is not installed; the cross-check with onnx.checker is skipped");
        TinyOnnxModels.Spec sig = TinyOnnxModels.Spec.sigmoid(false, 16, new float[] {1f, 2f, 3f}, -1f);
        List<TinyOnnxModels.Spec> specs = List.of(sig, TinyOnnxModels.Spec.sigmoid(true, 16, new float[] {1f, 2f, 3f}, -1f),
                sig.withHead(""), sig.withShape(-1, 3, -1, -1), sig.withInputType(TinyOnnxModels.INT64),
                new TinyOnnxModels.Spec(false, new long[] {1, 3, 8, 8}, new float[][] {{1f, -1f}, {0f, 0f}, {0f, 0f}},
                        new float[] {0f, 0f}, "Softmax", TinyOnnxModels.FLOAT, null));
        for (int i = 0; i < specs.size(); i++) {
            Path f = dir.resolve("m" + i + ".onnx");
            Files.write(f, TinyOnnxModels.build(specs.get(i)));
            assertEquals(0, ExternalCommands.run(List.of(PYTHON, "-c", "import onnx, sys; onnx.checker.check_model(onnx.load(sys.argv[1]), full_check=True)",
                    f.toString())), "onnx.checker refused variant " + i);
        }
    }

    @Test
    void threadSettingIsValidated() {
        String before = System.getProperty(OnnxSessions.THREADS_PROPERTY);
        try {
            System.setProperty(OnnxSessions.THREADS_PROPERTY, "0");
            assertEquals("unmask.onnx.threads must be an integer in 1..64, was '0'",
                    assertThrows(IllegalArgumentException.class, OnnxSessions::threads).getMessage());
            System.setProperty(OnnxSessions.THREADS_PROPERTY, "2");
            assertEquals(2, OnnxSessions.threads());
        } finally {
            if (before == null) {
                System.clearProperty(OnnxSessions.THREADS_PROPERTY);
            } else {
                System.setProperty(OnnxSessions.THREADS_PROPERTY, before);
            }
        }
    }
}
