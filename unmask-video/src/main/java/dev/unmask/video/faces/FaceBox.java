package dev.unmask.video.faces;

import java.util.Arrays;

/**
 * A face found in a frame: an axis-aligned box in the frame's pixel coordinates (the upright, analysis-size frame the
 * {@link FrameFaceSource} was given), the detector's confidence, and optional landmarks for alignment.
 *
 * @param x left edge
 * @param y top edge
 * @param width box width (positive)
 * @param height box height (positive)
 * @param confidence the detector's confidence in [0, 1]
 * @param landmarks landmark coordinates as x0, y0, x1, y1, ... in frame pixels (e.g. BlazeFace's six keypoints: eyes,
 *     nose tip, mouth centre, ear tragions); empty when the detector gives none
 */
public record FaceBox(double x, double y, double width, double height, double confidence, double[] landmarks) {
    /** Validates the box and copies the landmarks. */
    public FaceBox {
        if (!(width > 0 && height > 0) || !Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("a face box needs a finite position and a positive size: " + x + "," + y
                    + " " + width + "x" + height);
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("face confidence must be in [0, 1], was " + confidence);
        }
        landmarks = landmarks == null ? new double[0] : landmarks.clone();
        if (landmarks.length % 2 != 0) {
            throw new IllegalArgumentException("landmarks come in x, y pairs");
        }
    }

    /** A box without landmarks. */
    public static FaceBox of(double x, double y, double width, double height, double confidence) {
        return new FaceBox(x, y, width, height, confidence, new double[0]);
    }

    /** The landmark coordinates (a copy). */
    @Override
    public double[] landmarks() {
        return landmarks.clone();
    }

    /** Horizontal centre. */
    public double centreX() {
        return x + width / 2;
    }

    /** Vertical centre. */
    public double centreY() {
        return y + height / 2;
    }

    /** Area in square pixels. */
    public double area() {
        return width * height;
    }

    /** Intersection over union with {@code o} (0 when disjoint, 1 when identical). */
    public double iou(FaceBox o) {
        double ix = Math.max(0, Math.min(x + width, o.x + o.width) - Math.max(x, o.x));
        double iy = Math.max(0, Math.min(y + height, o.y + o.height) - Math.max(y, o.y));
        double inter = ix * iy;
        return inter <= 0 ? 0 : inter / (area() + o.area() - inter);
    }

    /** Distance between the centres divided by the diagonal of this box. */
    public double centreDistance(FaceBox o) {
        return Math.hypot(centreX() - o.centreX(), centreY() - o.centreY()) / Math.hypot(width, height);
    }

    /** This box with every coordinate multiplied by {@code s} (to draw on a reduced copy of the frame). */
    public FaceBox scaled(double s) {
        double[] l = landmarks.clone();
        for (int i = 0; i < l.length; i++) {
            l[i] *= s;
        }
        return new FaceBox(x * s, y * s, width * s, height * s, confidence, l);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FaceBox b && b.x == x && b.y == y && b.width == width && b.height == height
                && b.confidence == confidence && Arrays.equals(b.landmarks, landmarks);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(x) * 31 + Double.hashCode(y) * 17 + Double.hashCode(width) + Arrays.hashCode(landmarks);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "FaceBox[%.1f,%.1f %.1fx%.1f conf %.2f]", x, y, width, height, confidence);
    }
}
