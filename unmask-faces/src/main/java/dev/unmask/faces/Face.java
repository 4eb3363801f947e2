package dev.unmask.faces;

import java.util.List;

/**
 * One detected face, in the pixel coordinates of the image it was found in.
 *
 * @param box the face box (roughly brow to chin, cheek to cheek, as BlazeFace draws it)
 * @param score the detector's confidence in [0, 1] (sigmoid of the model's logit)
 * @param keypoints the six {@link Landmark}s, indexed by {@link Landmark#ordinal()}
 */
public record Face(FaceBox box, double score, List<Point> keypoints) {
    /** A point in image pixel coordinates. */
    public record Point(double x, double y) {}

    /** Validates and freezes the components. */
    public Face {
        if (box == null) {
            throw new IllegalArgumentException("box is missing");
        }
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [0, 1], was " + score);
        }
        keypoints = List.copyOf(keypoints);
        if (keypoints.size() != Landmark.values().length) {
            throw new IllegalArgumentException("a face has " + Landmark.values().length + " keypoints, got "
                    + keypoints.size());
        }
    }

    /** One keypoint. */
    public Point keypoint(Landmark landmark) {
        return keypoints.get(landmark.ordinal());
    }

    /**
     * The angle of the eye line in radians, from the subject's right eye to the left eye, measured clockwise from
     * the image's x axis (y points down); 0 for an upright face.
     */
    public double eyeLineAngle() {
        Point r = keypoint(Landmark.RIGHT_EYE);
        Point l = keypoint(Landmark.LEFT_EYE);
        return Math.atan2(l.y() - r.y(), l.x() - r.x());
    }

    /** The shorter side of the box in pixels, the usual measure of face size. */
    public double size() {
        return Math.min(box.width(), box.height());
    }
}
