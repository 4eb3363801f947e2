package dev.unmask.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * The child process of {@link OrtTelemetryOptOutTest}: opens a tiny sigmoid model through {@link OnnxSessions} on the
 * main thread (1 MB stack, like any Java program's first model) and runs it once, printing {@code output=<value>}.
 */
public final class OnnxModelRunner {
    private OnnxModelRunner() {}

    /** Entry point; no arguments. */
    public static void main(String[] args) throws Exception {
        byte[] model = TinyOnnxModels.build(TinyOnnxModels.Spec.sigmoid(false, 4, new float[] {1f, 0f, 0f}, 0f));
        float[] zeros = new float[3 * 4 * 4];
        try (OrtSession s = OnnxSessions.open(model, 1);
             OnnxTensor x = OnnxTensor.createTensor(OnnxSessions.environment(), FloatBuffer.wrap(zeros), new long[] {1, 3, 4, 4});
             OrtSession.Result r = s.run(Map.of(s.getInputNames().iterator().next(), x))) {
            float[][] y = (float[][]) r.get(0).getValue();
            System.out.println("output=" + y[0][0]);
        }
    }
}
