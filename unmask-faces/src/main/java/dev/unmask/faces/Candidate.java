package dev.unmask.faces;

import java.util.ArrayList;
import java.util.List;

/**
 * A raw detection before or after suppression, in one coordinate space (normalised model input or image pixels).
 *
 * @param xmin left edge
 * @param ymin top edge
 * @param xmax right edge
 * @param ymax bottom edge
 * @param keypoints 6 keypoints as {@code x0, y0, ..., x5, y5}
 * @param score sigmoid score in [0, 1]
 */
record Candidate(double xmin, double ymin, double xmax, double ymax, double[] keypoints, double score) {
    /** Intersection over union with {@code o}. */
    double iou(Candidate o) {
        double iw = Math.min(xmax, o.xmax) - Math.max(xmin, o.xmin);
        double ih = Math.min(ymax, o.ymax) - Math.max(ymin, o.ymin);
        if (iw <= 0 || ih <= 0) {
            return 0;
        }
        double inter = iw * ih;
        double union = (xmax - xmin) * (ymax - ymin) + (o.xmax - o.xmin) * (o.ymax - o.ymin) - inter;
        return union <= 0 ? 0 : inter / union;
    }

    /** Shorter side. */
    double size() {
        return Math.min(xmax - xmin, ymax - ymin);
    }

    /** The same candidate under the affine map {@code x' = x * sx + tx, y' = y * sy + ty}. */
    Candidate mapped(double sx, double tx, double sy, double ty) {
        double[] k = new double[keypoints.length];
        for (int i = 0; i < k.length; i += 2) {
            k[i] = keypoints[i] * sx + tx;
            k[i + 1] = keypoints[i + 1] * sy + ty;
        }
        return new Candidate(xmin * sx + tx, ymin * sy + ty, xmax * sx + tx, ymax * sy + ty, k, score);
    }

    /** As a public {@link Face}. */
    Face toFace() {
        List<Face.Point> pts = new ArrayList<>(keypoints.length / 2);
        for (int i = 0; i < keypoints.length; i += 2) {
            pts.add(new Face.Point(keypoints[i], keypoints[i + 1]));
        }
        return new Face(new FaceBox(xmin, ymin, Math.max(0, xmax - xmin), Math.max(0, ymax - ymin)),
                Math.min(1, Math.max(0, score)), pts);
    }
}
