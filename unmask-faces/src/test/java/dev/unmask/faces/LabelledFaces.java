package dev.unmask.faces;

import dev.unmask.testkit.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The hand-labelled face boxes of {@code testdata/faces/camera-jpeg-faces.csv}, and matching against them. */
final class LabelledFaces {
    /** A detection matches a labelled face when their IoU reaches this. */
    static final double MATCH_IOU = 0.5;

    private LabelledFaces() {}

    /** Labelled boxes per fixture path (relative to testdata/), in file order; images without faces map to []. */
    static Map<String, List<FaceBox>> read() throws IOException {
        Map<String, List<FaceBox>> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(TestData.file("faces/camera-jpeg-faces.csv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("file,")) {
                continue;
            }
            String[] f = line.split(",", -1);
            List<FaceBox> boxes = out.computeIfAbsent(f[0], k -> new ArrayList<>());
            if (!f[1].isEmpty()) {
                boxes.add(new FaceBox(Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                        Double.parseDouble(f[4])));
            }
        }
        return out;
    }

    /** True positives, false positives and false negatives of one image, by greedy matching at {@link #MATCH_IOU}. */
    static int[] match(List<FaceBox> truth, List<Face> found) {
        boolean[] used = new boolean[truth.size()];
        int tp = 0;
        int fp = 0;
        for (Face f : found) {
            int best = -1;
            double bestIou = MATCH_IOU;
            for (int i = 0; i < truth.size(); i++) {
                double iou = truth.get(i).iou(f.box());
                if (!used[i] && iou >= bestIou) {
                    best = i;
                    bestIou = iou;
                }
            }
            if (best >= 0) {
                used[best] = true;
                tp++;
            } else {
                fp++;
            }
        }
        return new int[] {tp, fp, truth.size() - tp};
    }
}
