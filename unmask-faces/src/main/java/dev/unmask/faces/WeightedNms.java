package dev.unmask.faces;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * MediaPipe's "weighted" non-maximum suppression (the tie resolution of the BlazeFace paper, section 2.3): take the
 * highest-scoring remaining candidate, gather every remaining candidate overlapping it by more than the IoU
 * threshold (itself included), and replace the cluster by the score-weighted mean of its boxes and keypoints,
 * keeping the top score. This is more stable than plain suppression when many anchors fire on one face.
 */
final class WeightedNms {
    private WeightedNms() {}

    /**
     * Suppresses overlapping candidates.
     *
     * @param candidates the candidates, in any order
     * @param iouThreshold candidates overlapping a better one by more than this join its cluster
     * @param maxOut at most this many results, best first
     * @return merged candidates, best score first
     */
    static List<Candidate> suppress(List<Candidate> candidates, double iouThreshold, int maxOut) {
        List<Candidate> remaining = new ArrayList<>(candidates);
        remaining.sort(Comparator.comparingDouble(Candidate::score).reversed());
        List<Candidate> out = new ArrayList<>();
        while (!remaining.isEmpty() && out.size() < maxOut) {
            Candidate top = remaining.get(0);
            List<Candidate> rest = new ArrayList<>();
            double w = 0;
            double x0 = 0;
            double y0 = 0;
            double x1 = 0;
            double y1 = 0;
            double[] kp = new double[top.keypoints().length];
            int members = 0;
            for (Candidate c : remaining) {
                if (c == top || top.iou(c) > iouThreshold) {
                    double s = c.score();
                    members++;
                    w += s;
                    x0 += s * c.xmin();
                    y0 += s * c.ymin();
                    x1 += s * c.xmax();
                    y1 += s * c.ymax();
                    for (int i = 0; i < kp.length; i++) {
                        kp[i] += s * c.keypoints()[i];
                    }
                } else {
                    rest.add(c);
                }
            }
            if (members > 1 && w > 0) {
                for (int i = 0; i < kp.length; i++) {
                    kp[i] /= w;
                }
                out.add(new Candidate(x0 / w, y0 / w, x1 / w, y1 / w, kp, top.score()));
            } else {
                out.add(top);
            }
            remaining = rest;
        }
        return out;
    }
}
