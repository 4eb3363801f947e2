package dev.unmask.faces;

import java.util.List;

/**
 * What one detection run found.
 *
 * @param faces faces at or above the score threshold and minimum size, best score first, in image pixels
 * @param rejected candidates that survived suppression but scored below the threshold (down to
 *     {@link FaceDetector#CANDIDATE_FLOOR}) or were smaller than the minimum size; for explaining an empty result
 * @param regions how many regions (whole image plus tiles) the model ran on
 */
public record FaceDetections(List<Face> faces, List<Face> rejected, int regions) {
    /** Freezes the lists. */
    public FaceDetections {
        faces = List.copyOf(faces);
        rejected = List.copyOf(rejected);
    }

    /** The best score among the rejected candidates, or 0 when there were none. */
    public double bestRejectedScore() {
        return rejected.stream().mapToDouble(Face::score).max().orElse(0);
    }
}
