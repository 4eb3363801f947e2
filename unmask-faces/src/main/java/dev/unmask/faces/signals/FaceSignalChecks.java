package dev.unmask.faces.signals;

import dev.unmask.api.Artifact;
import dev.unmask.api.Media;
import dev.unmask.api.MediaException;
import dev.unmask.api.MediaType;
import dev.unmask.core.imaging.Artifacts;
import dev.unmask.core.imaging.ColorMap;
import dev.unmask.core.imaging.FloatPlane;
import dev.unmask.core.imaging.Heatmaps;
import dev.unmask.core.imaging.Planes;
import dev.unmask.core.imaging.Thumbs;
import dev.unmask.faces.FaceBox;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the pixel-domain signal checks of {@code faces.signals} on the face regions of one image, at the image's
 * native resolution: each check computes its statistic per block on the full-resolution luma (never a resampled
 * crop, which would destroy the noise and the JPEG grid), then compares each face's blocks with face-sized windows
 * of the background ({@link BlockComparison}). The background is every block outside the face <i>regions</i>: each
 * face box widened by the margin (hair, ears and the blending seam of a swapped face stay out of it), for all faces.
 *
 * <p>Thread-safe: every call works on its own data.
 */
public final class FaceSignalChecks {
    /** Opacity of the statistic over the image in the pictures. */
    static final double OVERLAY_ALPHA = 0.6;

    private FaceSignalChecks() {}

    /**
     * The outcome for one image.
     *
     * @param regions per face, the face box widened by the margin and clipped to the image: what the background
     *     leaves out
     * @param perFace per face, one outcome per check in the order of {@code faces.signals}
     * @param pictures per check with a block map on which some face scored, the map over the image with the faces
     *     drawn (none when no face stands out: the whole-image analyzers already draw their maps)
     */
    public record Report(List<FaceBox> regions, List<List<SignalOutcome>> perFace, List<Artifact> pictures) {}

    /**
     * @param faces the face boxes in image pixels
     * @param signals the checks to run, in order
     * @param margin context around each face box left out of the background, as a fraction of the box's longer side
     *     (half on each side), as in the face crops
     */
    public static Report run(Media media, List<FaceBox> faces, List<FaceSignal> signals, double margin,
            SignalScoring scoring) throws MediaException {
        FloatPlane luma = Planes.luma(media);
        List<FaceBox> regions = new ArrayList<>();
        for (FaceBox f : faces) {
            regions.add(region(f, margin, luma.width(), luma.height()));
        }
        List<List<SignalOutcome>> perFace = new ArrayList<>();
        faces.forEach(f -> perFace.add(new ArrayList<>()));
        List<Artifact> pictures = new ArrayList<>();
        boolean jpeg = MediaType.JPEG.equals(media.type());
        BufferedImage base = null;
        for (FaceSignal s : signals) {
            CheckRun run = switch (s) {
                case NOISE -> NoiseCheck.run(luma, faces, regions, scoring);
                case ELA -> jpeg ? ErrorLevelCheck.run(luma, faces, regions, scoring)
                        : CheckRun.skippedForAll(s, faces.size(), "error levels are compared in JPEG files only"
                                + " (this is " + media.type().id() + "): a picture never compressed re-compresses"
                                + " with large error everywhere");
                case JPEG -> JpegCheck.run(luma, jpeg ? media.bytes() : null, media.type().id(), faces, regions,
                        scoring);
            };
            for (int i = 0; i < faces.size(); i++) {
                perFace.get(i).add(run.outcomes().get(i));
            }
            if (run.map() != null && run.outcomes().stream().anyMatch(o -> o.score() > 0)) {
                if (base == null) {
                    base = Planes.toGrayImage(Thumbs.boxDown(luma, Thumbs.factor(luma.width(), luma.height())));
                }
                pictures.add(picture(s, run, base, luma, faces, regions));
            }
        }
        return new Report(List.copyOf(regions), perFace.stream().map(List::copyOf).toList(), List.copyOf(pictures));
    }

    /** The face box widened by {@code margin} of its longer side (half on each side), clipped to the image. */
    static FaceBox region(FaceBox f, double margin, int width, int height) {
        double pad = margin * Math.max(f.width(), f.height()) / 2;
        double x0 = Math.max(0, f.x() - pad);
        double y0 = Math.max(0, f.y() - pad);
        double x1 = Math.min(width, f.right() + pad);
        double y1 = Math.min(height, f.bottom() + pad);
        return new FaceBox(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
    }

    private static Artifact picture(FaceSignal s, CheckRun run, BufferedImage base, FloatPlane luma,
            List<FaceBox> faces, List<FaceBox> regions) {
        FloatPlane m = run.map();
        // the block map covers whole blocks only: pad it to the image's size in blocks so it lines up
        int bw = (luma.width() + run.block() - 1) / run.block();
        int bh = (luma.height() + run.block() - 1) / run.block();
        FloatPlane padded = FloatPlane.zeros(bw, bh);
        for (int y = 0; y < bh; y++) {
            for (int x = 0; x < bw; x++) {
                padded.set(x, y, x < m.width() && y < m.height() ? m.get(x, y) : (float) ((run.lo() + run.hi()) / 2));
            }
        }
        BufferedImage over = Heatmaps.overlay(base, Heatmaps.render(padded, run.lo(), run.hi(), ColorMap.INFERNO),
                OVERLAY_ALPHA);
        double scale = (double) base.getWidth() / luma.width();
        Graphics2D g = over.createGraphics();
        try {
            g.setColor(Color.CYAN);
            for (int i = 0; i < faces.size(); i++) {
                g.setStroke(new BasicStroke(2f));
                draw(g, faces.get(i), scale);
                g.setStroke(new BasicStroke(1f));
                draw(g, regions.get(i), scale);
                g.drawString("#" + (i + 1), (int) Math.round(faces.get(i).x() * scale),
                        (int) Math.round(faces.get(i).y() * scale) - 3);
            }
        } finally {
            g.dispose();
        }
        return Artifacts.jpeg("faces-" + s.id() + "-map", run.caption(), Artifact.Kind.HEATMAP, over);
    }

    private static void draw(Graphics2D g, FaceBox b, double scale) {
        g.drawRect((int) Math.round(b.x() * scale), (int) Math.round(b.y() * scale),
                (int) Math.round(b.width() * scale), (int) Math.round(b.height() * scale));
    }
}
