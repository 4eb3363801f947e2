package dev.unmask.testkit;

import dev.unmask.api.AnalyzerResult;
import dev.unmask.api.Evidence;
import dev.unmask.api.Finding;
import java.util.List;

/** Small queries on analyzer results shared by analyzer tests. */
public final class Findings {
    private Findings() {}

    /** The first finding with {@code code}, or null. */
    public static Finding find(AnalyzerResult r, String code) {
        return r.findings().stream().filter(f -> f.code().equals(code)).findFirst().orElse(null);
    }

    /** The largest score among findings with the given evidence direction, 0 when there is none. */
    public static double maxScore(AnalyzerResult r, Evidence evidence) {
        return r.findings().stream().filter(f -> f.evidence() == evidence).mapToDouble(Finding::score).max().orElse(0);
    }

    /** Intersection over union of a box {@code [x, y, w, h]} (as findings store it) and a rectangle. */
    public static double iou(List<? extends Number> box, double x, double y, double w, double h) {
        double bx = box.get(0).doubleValue();
        double by = box.get(1).doubleValue();
        double bw = box.get(2).doubleValue();
        double bh = box.get(3).doubleValue();
        double ix = Math.max(0, Math.min(bx + bw, x + w) - Math.max(bx, x));
        double iy = Math.max(0, Math.min(by + bh, y + h) - Math.max(by, y));
        double inter = ix * iy;
        return inter / (bw * bh + w * h - inter);
    }
}
