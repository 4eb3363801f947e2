package dev.unmask.faces;

import ai.onnxruntime.OrtException;
import dev.unmask.core.imaging.Planes;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds faces in an image with BlazeFace (V. Bazarevsky et al., CVPR Workshops 2019) on ONNX Runtime.
 *
 * <p>Each region of the {@link TilePlan} (the whole image, plus overlapping tiles of large images) is letterboxed
 * into the model's square input with its aspect ratio kept; the 896 anchors are decoded as MediaPipe does
 * ({@link BlazeFaceNetwork}), mapped back to image pixels, and all regions' candidates are merged by MediaPipe's
 * weighted non-maximum suppression ({@link WeightedNms}); a face lying inside a larger one is then dropped
 * ({@link #dropNested}). Faces come back in the pixel coordinates of the image given, best score first, each with
 * a box, a score and six keypoints.
 *
 * <p>Thread-safe: {@link #detect} may be called from several threads at once. Close the detector to free the
 * model's native memory.
 *
 * <pre>{@code
 * try (FaceDetector detector = FaceDetector.open()) {
 *     for (Face f : detector.detect(image)) { ... f.box(), f.score(), f.keypoint(Landmark.LEFT_EYE) ... }
 * }
 * }</pre>
 */
public final class FaceDetector implements AutoCloseable {
    /** Candidates scoring below this are not even kept as rejected candidates. */
    public static final double CANDIDATE_FLOOR = 0.25;
    /** A tile's candidate may overhang the tile by this fraction of its side and still count as inside. */
    static final double EDGE_TOLERANCE = 0.02;
    /** A face with at least this fraction of its area inside a larger face is dropped (see {@link #dropNested}). */
    static final double NESTED_FRACTION = 0.6;

    private final FaceDetectorSettings settings;
    private final BlazeFaceNetwork network;

    private FaceDetector(FaceDetectorSettings settings) {
        this.settings = settings;
        this.network = new BlazeFaceNetwork(settings.model(), settings.intraOpThreads());
    }

    /** A detector with {@link FaceDetectorSettings#DEFAULTS}. */
    public static FaceDetector open() {
        return open(FaceDetectorSettings.DEFAULTS);
    }

    /** A detector with the given settings; loads the model (about 0.5 MB) from the class path. */
    public static FaceDetector open(FaceDetectorSettings settings) {
        return new FaceDetector(settings);
    }

    /** The settings this detector runs with. */
    public FaceDetectorSettings settings() {
        return settings;
    }

    /** The faces in {@code image}, best first (see {@link #detectAll} for the rejected candidates too). */
    public List<Face> detect(BufferedImage image) {
        return detectAll(image).faces();
    }

    /**
     * Detects faces and also returns the candidates that fell below the score threshold or minimum size.
     *
     * @param image any image; it is not modified
     * @throws IllegalStateException when ONNX Runtime fails (a broken installation, not a property of the image)
     */
    public FaceDetections detectAll(BufferedImage image) {
        BufferedImage rgb = Planes.toRgb(image);
        int size = settings.model().inputSize();
        List<TilePlan.Region> regions = TilePlan.regions(rgb.getWidth(), rgb.getHeight(), size, settings.tiling());
        float[] input = new float[size * size * 3];
        double floor = Math.min(CANDIDATE_FLOOR, settings.scoreThreshold());
        List<Candidate> all = new ArrayList<>();
        try {
            for (TilePlan.Region r : regions) {
                Letterbox lb = Letterbox.render(rgb, r.x(), r.y(), r.width(), r.height(), size, input);
                for (Candidate c : network.run(input, floor)) {
                    Candidate m = lb.toImage(c);
                    if (isInside(m, r)) {
                        all.add(m);
                    }
                }
            }
        } catch (OrtException e) {
            throw new IllegalStateException("BlazeFace inference failed: " + e.getMessage(), e);
        }
        List<Candidate> merged = WeightedNms.suppress(all, settings.nmsIou(), Integer.MAX_VALUE);
        List<Candidate> accepted = new ArrayList<>();
        List<Face> rejected = new ArrayList<>();
        for (Candidate c : merged) {
            if (c.score() >= settings.scoreThreshold() && c.size() >= settings.minFaceSize()) {
                accepted.add(c);
            } else {
                rejected.add(clip(c, rgb).toFace());
            }
        }
        List<Face> faces = new ArrayList<>();
        for (Candidate c : dropNested(accepted)) {
            if (faces.size() < settings.maxFaces()) {
                faces.add(clip(c, rgb).toFace());
            }
        }
        return new FaceDetections(faces, rejected, regions.size());
    }

    /**
     * Removes faces lying mostly ({@link #NESTED_FRACTION} of their area or more) inside a larger face. Faces are not
     * nested in real scenes; a tile that shows only part of a large face sometimes finds a small "face" in it (the
     * eyes and glasses of a close-up), which plain suppression keeps because its IoU with the large box is small.
     * Keeps the score order of the input.
     */
    static List<Candidate> dropNested(List<Candidate> faces) {
        List<Candidate> bySize = new ArrayList<>(faces);
        bySize.sort((a, b) -> Double.compare(area(b), area(a)));
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : bySize) {
            boolean nested = false;
            for (Candidate k : kept) {
                nested |= intersection(c, k) >= NESTED_FRACTION * area(c);
            }
            if (!nested) {
                kept.add(c);
            }
        }
        List<Candidate> out = new ArrayList<>(faces);
        out.retainAll(kept);
        return out;
    }

    private static double area(Candidate c) {
        return (c.xmax() - c.xmin()) * (c.ymax() - c.ymin());
    }

    private static double intersection(Candidate a, Candidate b) {
        double iw = Math.min(a.xmax(), b.xmax()) - Math.max(a.xmin(), b.xmin());
        double ih = Math.min(a.ymax(), b.ymax()) - Math.max(a.ymin(), b.ymin());
        return iw <= 0 || ih <= 0 ? 0 : iw * ih;
    }

    /**
     * Whether a candidate found in a tile lies inside it: a face cut by a tile's edge is found whole in a
     * neighbouring tile or the whole-image pass, and its cut version would pull the merged box off.
     */
    private static boolean isInside(Candidate c, TilePlan.Region r) {
        if (r.whole()) {
            return true;
        }
        double tol = EDGE_TOLERANCE * r.width();
        return c.xmin() >= r.x() - tol && c.ymin() >= r.y() - tol && c.xmax() <= r.x() + r.width() + tol
                && c.ymax() <= r.y() + r.height() + tol;
    }

    private static Candidate clip(Candidate c, BufferedImage img) {
        double x0 = Math.max(0, c.xmin());
        double y0 = Math.max(0, c.ymin());
        double x1 = Math.min(img.getWidth(), c.xmax());
        double y1 = Math.min(img.getHeight(), c.ymax());
        return new Candidate(x0, y0, Math.max(x0, x1), Math.max(y0, y1), c.keypoints(), c.score());
    }

    @Override
    public void close() {
        network.close();
    }
}
