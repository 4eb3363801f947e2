package dev.unmask.video;

import dev.unmask.core.imaging.FloatPlane;
import dev.unmask.video.faces.FaceAssessment;
import dev.unmask.video.faces.FaceBox;
import dev.unmask.video.faces.FaceModelProvider;
import dev.unmask.video.faces.FaceScore;
import dev.unmask.video.faces.FrameFaceSource;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;

/**
 * A deterministic stand-in for the face models in tests (registered in the test class path's services file): the
 * "faces" are the strongly blue squares {@link SyntheticVideos} draws, found by connected components, and a face's
 * "probability of manipulation" is its mean red level (0 for a blue square, about 0.9 for a magenta one), with a
 * coarse heatmap of the red level. Real code paths, real decoded frames; only the models are simple.
 */
public final class SquareFaceModels implements FaceModelProvider {
    /** The provider id. */
    public static final String ID = "test-squares";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int priority() {
        return -100;
    }

    @Override
    public Optional<FrameFaceSource> openFaceSource() {
        return Optional.of(new FrameFaceSource() {
            @Override
            public String name() {
                return "blue squares (test)";
            }

            @Override
            public List<FaceBox> find(BufferedImage frame) {
                return squares(frame);
            }
        });
    }

    @Override
    public Optional<FaceScore> openFaceScore() {
        return Optional.of(new FaceScore() {
            @Override
            public String name() {
                return "red level (test)";
            }

            @Override
            public FaceAssessment assess(BufferedImage frame, FaceBox face) {
                return redLevel(frame, face);
            }
        });
    }

    private static boolean faceColour(int rgb) {
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return b > 170 && g < 100;
    }

    /** Connected regions of face colour, 64 pixels or more, as boxes. */
    static List<FaceBox> squares(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] px = img.getRGB(0, 0, w, h, null, 0, w);
        boolean[] seen = new boolean[w * h];
        List<FaceBox> out = new ArrayList<>();
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int start = 0; start < px.length; start++) {
            if (seen[start] || !faceColour(px[start])) {
                continue;
            }
            int minX = w;
            int minY = h;
            int maxX = -1;
            int maxY = -1;
            int count = 0;
            seen[start] = true;
            queue.add(start);
            while (!queue.isEmpty()) {
                int p = queue.poll();
                int x = p % w;
                int y = p / w;
                count++;
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
                int[] next = {x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, y > 0 ? p - w : -1, y < h - 1 ? p + w : -1};
                for (int q : next) {
                    if (q >= 0 && !seen[q] && faceColour(px[q])) {
                        seen[q] = true;
                        queue.add(q);
                    }
                }
            }
            if (count >= 64) {
                out.add(FaceBox.of(minX, minY, maxX - minX + 1, maxY - minY + 1, 1.0));
            }
        }
        return out;
    }

    /** Mean red level over the centre of the box, and a 4x4 heatmap of it. */
    static FaceAssessment redLevel(BufferedImage img, FaceBox box) {
        int x0 = (int) Math.round(box.x() + box.width() * 0.2);
        int y0 = (int) Math.round(box.y() + box.height() * 0.2);
        int x1 = (int) Math.round(box.x() + box.width() * 0.8);
        int y1 = (int) Math.round(box.y() + box.height() * 0.8);
        float[] heat = new float[16];
        int[] counts = new int[16];
        double sum = 0;
        int n = 0;
        for (int y = Math.max(0, y0); y < Math.min(img.getHeight(), y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(img.getWidth(), x1); x++) {
                double r = ((img.getRGB(x, y) >> 16) & 0xff) / 255.0;
                sum += r;
                n++;
                int cell = Math.min(3, (y - y0) * 4 / Math.max(1, y1 - y0)) * 4 + Math.min(3, (x - x0) * 4 / Math.max(1, x1 - x0));
                heat[cell] += (float) r;
                counts[cell]++;
            }
        }
        for (int i = 0; i < 16; i++) {
            heat[i] = counts[i] == 0 ? 0 : heat[i] / counts[i];
        }
        return new FaceAssessment(n == 0 ? 0 : Math.min(1, sum / n), new FloatPlane(4, 4, heat));
    }
}
