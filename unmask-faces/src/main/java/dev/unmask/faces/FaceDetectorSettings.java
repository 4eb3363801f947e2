package dev.unmask.faces;

/**
 * Settings of a {@link FaceDetector}.
 *
 * @param model which BlazeFace model runs
 * @param scoreThreshold faces scoring below this are not reported (MediaPipe's {@code min_score_thresh})
 * @param nmsIou candidates overlapping a better one by more than this IoU merge into it (MediaPipe uses 0.3)
 * @param minFaceSize faces whose shorter box side is below this many image pixels are dropped
 * @param maxFaces at most this many faces are returned, best first
 * @param tiling also run the model on overlapping tiles of large images, so faces that are small relative to
 *     the frame are seen at a size the model handles (see {@link TilePlan})
 * @param intraOpThreads ONNX Runtime threads per inference (1 in a scan, where files already run in parallel)
 */
public record FaceDetectorSettings(BlazeFaceModel model, double scoreThreshold, double nmsIou, double minFaceSize,
                                   int maxFaces, boolean tiling, int intraOpThreads) {
    /** Defaults, chosen on the labelled fixture {@code testdata/faces} (see the module README). */
    public static final FaceDetectorSettings DEFAULTS =
            new FaceDetectorSettings(BlazeFaceModel.BACK_256, 0.75, 0.3, 16, 64, true, 1);

    /** Validates the components. */
    public FaceDetectorSettings {
        if (model == null) {
            throw new IllegalArgumentException("model is missing");
        }
        if (!(scoreThreshold > 0 && scoreThreshold < 1)) {
            throw new IllegalArgumentException("score threshold must be in (0, 1), was " + scoreThreshold);
        }
        if (!(nmsIou > 0 && nmsIou < 1)) {
            throw new IllegalArgumentException("NMS IoU must be in (0, 1), was " + nmsIou);
        }
        if (!(minFaceSize >= 0)) {
            throw new IllegalArgumentException("minimum face size must be >= 0, was " + minFaceSize);
        }
        if (maxFaces < 1) {
            throw new IllegalArgumentException("max faces must be >= 1, was " + maxFaces);
        }
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("intra-op threads must be >= 1, was " + intraOpThreads);
        }
    }

    /** These settings with another model. */
    public FaceDetectorSettings withModel(BlazeFaceModel m) {
        return new FaceDetectorSettings(m, scoreThreshold, nmsIou, minFaceSize, maxFaces, tiling, intraOpThreads);
    }

    /** These settings with tiling on or off. */
    public FaceDetectorSettings withTiling(boolean t) {
        return new FaceDetectorSettings(model, scoreThreshold, nmsIou, minFaceSize, maxFaces, t, intraOpThreads);
    }

    /** These settings with another score threshold. */
    public FaceDetectorSettings withScoreThreshold(double s) {
        return new FaceDetectorSettings(model, s, nmsIou, minFaceSize, maxFaces, tiling, intraOpThreads);
    }
}
