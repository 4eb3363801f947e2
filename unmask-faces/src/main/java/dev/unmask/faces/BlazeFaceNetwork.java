package dev.unmask.faces;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import dev.unmask.onnx.OnnxSessions;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One BlazeFace model on ONNX Runtime, with MediaPipe's tensor decoding ({@code TensorsToDetectionsCalculator}):
 * scores are {@code sigmoid(clamp(logit, -100, 100))}; the box centre is the anchor centre plus the predicted offset
 * divided by the input size, its width and height the prediction divided by the input size (anchors have a
 * fixed size of 1), keypoints like the centre. Thread-safe: ONNX Runtime sessions may be run concurrently.
 */
final class BlazeFaceNetwork implements AutoCloseable {
    /** MediaPipe's {@code sigmoid_score} clipping of the raw logits. */
    static final double SCORE_CLIP = 100;

    private final BlazeFaceModel model;
    private final OrtSession session;
    private final float[] anchors;
    private final OrtEnvironment environment;
    /**
     * One direct input buffer per thread: ONNX Runtime reads a direct buffer in place, while a heap array is copied
     * into a new direct buffer on every call, freed only by garbage collection (the same change made MesoNet 2.5
     * times faster).
     */
    private final ThreadLocal<FloatBuffer> input;

    BlazeFaceNetwork(BlazeFaceModel model, int intraOpThreads) {
        this.model = model;
        this.session = OnnxModelSessions.open(model.resource(), intraOpThreads);
        this.anchors = SsdAnchors.centers(model.inputSize(), model.strides());
        try {
            this.environment = OnnxSessions.environment();
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime did not start: " + e.getMessage(), e);
        }
        int floats = model.inputSize() * model.inputSize() * 3;
        this.input = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(4 * floats).order(ByteOrder.nativeOrder()).asFloatBuffer());
    }

    BlazeFaceModel model() {
        return model;
    }

    /**
     * Runs the network on one NHWC input and decodes every anchor whose score reaches {@code minScore}.
     *
     * @return candidates in normalised input coordinates ([0, 1] of the input side)
     */
    List<Candidate> run(float[] input, double minScore) throws OrtException {
        int s = model.inputSize();
        FloatBuffer buffer = this.input.get().put(0, input, 0, s * s * 3);
        try (OnnxTensor tensor = OnnxTensor.createTensor(environment, buffer, new long[] {1, s, s, 3});
             OrtSession.Result result = session.run(Map.of(BlazeFaceModel.INPUT, tensor))) {
            float[] scoresFine = floats(result, BlazeFaceModel.SCORES_FINE);
            float[] scoresCoarse = floats(result, BlazeFaceModel.SCORES_COARSE);
            float[] boxesFine = floats(result, BlazeFaceModel.BOXES_FINE);
            float[] boxesCoarse = floats(result, BlazeFaceModel.BOXES_COARSE);
            int nFine = scoresFine.length;
            if (nFine + scoresCoarse.length != anchors.length / 2
                    || boxesFine.length != nFine * BlazeFaceModel.COORDS
                    || boxesCoarse.length != scoresCoarse.length * BlazeFaceModel.COORDS) {
                throw new IllegalStateException(model + ": unexpected output sizes " + nFine + "+" + scoresCoarse.length
                        + " for " + anchors.length / 2 + " anchors");
            }
            List<Candidate> out = new ArrayList<>();
            decode(scoresFine, boxesFine, 0, minScore, out);
            decode(scoresCoarse, boxesCoarse, nFine, minScore, out);
            return out;
        }
    }

    private void decode(float[] scores, float[] boxes, int anchorOffset, double minScore, List<Candidate> out) {
        double inv = 1.0 / model.inputSize();
        for (int i = 0; i < scores.length; i++) {
            double logit = Math.max(-SCORE_CLIP, Math.min(SCORE_CLIP, scores[i]));
            double score = 1 / (1 + Math.exp(-logit));
            if (score < minScore) {
                continue;
            }
            int a = 2 * (anchorOffset + i);
            double ax = anchors[a];
            double ay = anchors[a + 1];
            int b = i * BlazeFaceModel.COORDS;
            double cx = ax + boxes[b] * inv;
            double cy = ay + boxes[b + 1] * inv;
            double w = boxes[b + 2] * inv;
            double h = boxes[b + 3] * inv;
            double[] kp = new double[2 * Landmark.values().length];
            for (int k = 0; k < kp.length; k += 2) {
                kp[k] = ax + boxes[b + 4 + k] * inv;
                kp[k + 1] = ay + boxes[b + 5 + k] * inv;
            }
            out.add(new Candidate(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2, kp, score));
        }
    }

    private static float[] floats(OrtSession.Result result, String name) throws OrtException {
        OnnxValue v = result.get(name).orElseThrow(() -> new IllegalStateException("model has no output " + name));
        FloatBuffer fb = ((OnnxTensor) v).getFloatBuffer();
        float[] a = new float[fb.remaining()];
        fb.get(a);
        return a;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // closing a session only frees native memory; nothing to report
        }
    }
}
