package dev.unmask.faces;

/**
 * The two BlazeFace models Unmask ships (V. Bazarevsky et al., "BlazeFace: Sub-millisecond Neural Face Detection
 * on Mobile GPUs", CVPR Workshops 2019; MediaPipe's {@code face_detection_front} and {@code face_detection_back}).
 *
 * <p>Both have 896 anchors: a 16&times;16 grid with 2 anchors per cell and an 8&times;8 grid with 6 per cell,
 * generated as MediaPipe's SSD anchor calculator does for these models (four layers with strides
 * {@link #strides()}, one aspect ratio 1.0 plus an interpolated scale, fixed anchor size, offset 0.5; see
 * {@link SsdAnchors}). Box offsets and keypoints come in input pixels relative to the anchor centre.
 */
public enum BlazeFaceModel {
    /** Short-range (front camera) model, 128&times;128 input: faces that fill a good part of the frame. */
    FRONT_128("face_detection_front_128x128_barracuda.onnx", 128, new int[] {8, 16, 16, 16}),
    /** "Back camera" model, 256&times;256 input: faces farther from the camera, down to about 1/16 of the frame. */
    BACK_256("face_detection_back_256x256_barracuda.onnx", 256, new int[] {16, 32, 32, 32});

    /** Resource folder of the model files. */
    static final String RESOURCE_DIR = "/dev/unmask/faces/blazeface/";
    /** Name of the input tensor (NHWC float, RGB in [-1, 1]). */
    static final String INPUT = "input:0";
    /** Score logits of the first (fine) anchor grid. */
    static final String SCORES_FINE = "Identity:0";
    /** Score logits of the second (coarse) anchor grid. */
    static final String SCORES_COARSE = "Identity_1:0";
    /** Box regressions of the first anchor grid, 16 values per anchor. */
    static final String BOXES_FINE = "Identity_2:0";
    /** Box regressions of the second anchor grid. */
    static final String BOXES_COARSE = "Identity_3:0";
    /** Values per anchor in the box outputs: centre x, y, width, height, then 6 keypoints as x, y. */
    static final int COORDS = 16;

    private final String fileName;
    private final int inputSize;
    private final int[] strides;

    BlazeFaceModel(String fileName, int inputSize, int[] strides) {
        this.fileName = fileName;
        this.inputSize = inputSize;
        this.strides = strides;
    }

    /** The ONNX file's class-path resource. */
    public String resource() {
        return RESOURCE_DIR + fileName;
    }

    /** Side of the square input in pixels. */
    public int inputSize() {
        return inputSize;
    }

    /** Strides of the four SSD layers, as in MediaPipe's anchor options for this model. */
    public int[] strides() {
        return strides.clone();
    }
}
