package dev.unmask.analyzers.metadata;

import com.drew.metadata.exif.ExifThumbnailDirectory;
import dev.unmask.api.Artifact;
import dev.unmask.api.Evidence;
import dev.unmask.api.Finding;
import dev.unmask.api.Media;
import dev.unmask.api.MediaException;
import dev.unmask.api.MediaType;
import dev.unmask.core.imaging.Artifacts;
import dev.unmask.core.imaging.ColorMap;
import dev.unmask.core.imaging.FloatPlane;
import dev.unmask.core.imaging.Heatmaps;
import dev.unmask.core.imaging.Planes;
import dev.unmask.core.imaging.Scaling;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Compares the JPEG thumbnail stored in EXIF IFD1 with the main image shrunk to the thumbnail's size. Editors
 * that do not refresh the thumbnail leave the pre-edit picture in it, a classic forensic trace (Kee and Farid,
 * "Digital image authentication from thumbnails", SPIE 2010; the thumbnail as a record of the original). Measures:
 * the mean absolute luma difference, the share of 8&times;8 blocks whose mean changed a lot (local edits), and
 * the aspect ratio (cropping). Letterbox bars that cameras add to fit a 160&times;120 thumbnail are trimmed, and
 * the four 90&deg; rotations are tried (a rotated main image is not an edit of the content).
 */
final class ThumbnailCheck {
    /** Score when the thumbnail shows different content: the pixels were changed after the thumbnail was made. */
    static final double CONTENT_SCORE = 0.6;
    /** Score when only the framing differs (cropped or stretched after the thumbnail was made). */
    static final double FRAMING_SCORE = 0.5;
    /** Side of the blocks compared for local changes. */
    static final int BLOCK = 8;
    /** A block whose mean luma changed by more than this many levels counts as changed. */
    static final double BLOCK_CHANGE = 30;
    /** Share of changed blocks that makes a local mismatch. */
    static final double BLOCK_SHARE = 0.05;
    /** Mean luma below which a border row or column is a letterbox bar. */
    static final double BAR_LUMA = 16;
    /** Smallest thumbnail side examined. */
    static final int MIN_SIDE = 16;
    /** Height of each panel in the side-by-side picture. */
    static final int PANEL = 256;

    /** What the check found: a finding (possibly INFO) and a phrase for the summary. */
    record Outcome(Finding finding, String summary) {}

    private ThumbnailCheck() {}

    /** Runs the check; a JPEG without an EXIF thumbnail gives a null finding. */
    static Outcome check(Media media, MetadataSnapshot snap, MetadataSettings s) throws MediaException {
        if (!MediaType.JPEG.equals(media.type())) {
            return new Outcome(null, null);
        }
        ExifThumbnailDirectory dir = snap.metadata().getFirstDirectoryOfType(ExifThumbnailDirectory.class);
        if (dir == null || !dir.containsTag(ExifThumbnailDirectory.TAG_THUMBNAIL_LENGTH)) {
            return new Outcome(null, "no EXIF thumbnail");
        }
        // the offset is relative to the TIFF header inside the APP1 segment (EXIF 2.32, 4.6.2)
        Integer rel = dir.getInteger(ExifThumbnailDirectory.TAG_THUMBNAIL_OFFSET);
        Integer len = dir.getInteger(ExifThumbnailDirectory.TAG_THUMBNAIL_LENGTH);
        byte[] b = media.bytes();
        int tiff = JpegSegments.exifTiffOffset(b);
        Long off = rel == null || tiff < 0 ? null : (long) tiff + rel;
        if (off == null || len == null || off < 0 || len <= 0 || (long) off + len > b.length) {
            return new Outcome(null, "EXIF thumbnail pointer out of range");
        }
        if (len > s.thumbnailMaxBytes()) {
            return new Outcome(null, "EXIF thumbnail too large to check (" + len + " bytes)");
        }
        BufferedImage thumb = decode(b, (int) (long) off, len, s.thumbnailMaxPixels());
        if (thumb == null) {
            return new Outcome(null, "EXIF thumbnail not decodable");
        }
        return compare(thumb, media.image(), s);
    }

    static Outcome compare(BufferedImage thumbRaw, BufferedImage main, MetadataSettings s) {
        BufferedImage thumb = Scaling.toRgb(thumbRaw);
        double mainAspect = (double) main.getWidth() / main.getHeight();
        if (aspectDiff(thumb, mainAspect) > s.thumbnailAspectTolerance()
                && aspectDiff(thumb, 1 / mainAspect) > s.thumbnailAspectTolerance()) {
            thumb = trimBars(thumb);
        }
        int tw = thumb.getWidth();
        int th = thumb.getHeight();
        FloatPlane tl = Planes.luma(thumb);
        Best best = null;
        BufferedImage shrunk = boxShrink(main, 2 * Math.max(tw, th));
        for (int rot = 0; rot < 4; rot++) {
            boolean swap = rot % 2 == 1;
            double a = swap ? 1 / mainAspect : mainAspect;
            boolean framed = aspectDiff(thumb, a) <= s.thumbnailAspectTolerance();
            BufferedImage small = rotate(shrunk, rot);
            BufferedImage m = Scaling.resize(small, tw, th, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            Best c = measure(tl, Planes.luma(m), m, rot, framed);
            if (best == null || c.better(best)) {
                best = c;
            }
        }
        boolean content = best.mad > s.thumbnailMadThreshold() || best.blockShare >= BLOCK_SHARE;
        String phrase = String.format(java.util.Locale.ROOT, "thumbnail %dx%d, luma difference %.1f", tw, th, best.mad);
        Finding.Builder f;
        if (content) {
            f = Finding.of("metadata.thumbnail-mismatch", Evidence.MANIPULATED, CONTENT_SCORE)
                    .title("The embedded EXIF thumbnail shows different content from the image")
                    .detail("The JPEG thumbnail in EXIF was compared with the main image shrunk to its size: mean"
                            + " absolute luma difference " + fmt(best.mad) + " (threshold "
                            + fmt(s.thumbnailMadThreshold()) + "), " + fmt(100 * best.blockShare) + "% of "
                            + BLOCK + "x" + BLOCK + " blocks changed by more than " + (int) BLOCK_CHANGE + " levels."
                            + " The thumbnail is a record of an earlier state: the pixels were changed by software"
                            + " that did not refresh it. Moderate evidence: some tools legitimately write a generic"
                            + " or stale thumbnail.");
        } else if (!best.framed) {
            f = Finding.of("metadata.thumbnail-mismatch", Evidence.MANIPULATED, FRAMING_SCORE)
                    .title("The embedded EXIF thumbnail has a different framing from the image")
                    .detail("The thumbnail's aspect ratio differs from the image's (after trimming letterbox bars"
                            + " and trying rotations): the image was probably cropped or stretched after the"
                            + " thumbnail was written. Luma difference after stretching: " + fmt(best.mad) + ".");
        } else {
            Finding info = Finding.info("metadata.thumbnail")
                    .title("The embedded EXIF thumbnail matches the image")
                    .detail("The JPEG thumbnail in EXIF agrees with the main image shrunk to its size (mean absolute"
                            + " luma difference " + fmt(best.mad) + ", threshold " + fmt(s.thumbnailMadThreshold())
                            + "). A matching thumbnail is expected of untouched files and of editors that refresh it.")
                    .value("thumbnail_width", tw).value("thumbnail_height", th)
                    .value("luma_mad", round(best.mad)).value("changed_block_share", round(best.blockShare))
                    .value("rotation_deg", best.rotation * 90).build();
            return new Outcome(info, phrase + " (matches)");
        }
        f.value("thumbnail_width", tw).value("thumbnail_height", th)
                .value("luma_mad", round(best.mad)).value("changed_block_share", round(best.blockShare))
                .value("aspect_matches", best.framed).value("rotation_deg", best.rotation * 90)
                .artifact(sideBySide(thumb, best.main, tl, best));
        return new Outcome(f.build(), phrase + " (MISMATCH)");
    }

    /** Result of one orientation. */
    private record Best(double mad, double blockShare, boolean framed, int rotation, BufferedImage main, FloatPlane diff) {
        boolean better(Best o) {
            if (framed != o.framed) {
                return framed;
            }
            return mad < o.mad;
        }
    }

    private static Best measure(FloatPlane t, FloatPlane m, BufferedImage mImg, int rot, boolean framed) {
        int w = t.width();
        int h = t.height();
        float[] d = new float[w * h];
        double sum = 0;
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.abs(t.data()[i] - m.data()[i]);
            sum += d[i];
        }
        int blocks = 0;
        int changed = 0;
        for (int by = 0; by + BLOCK <= h; by += BLOCK) {
            for (int bx = 0; bx + BLOCK <= w; bx += BLOCK) {
                double st = 0;
                double sm = 0;
                for (int y = by; y < by + BLOCK; y++) {
                    for (int x = bx; x < bx + BLOCK; x++) {
                        st += t.get(x, y);
                        sm += m.get(x, y);
                    }
                }
                blocks++;
                changed += Math.abs(st - sm) / (BLOCK * BLOCK) > BLOCK_CHANGE ? 1 : 0;
            }
        }
        return new Best(sum / d.length, blocks == 0 ? 0 : (double) changed / blocks, framed, rot, mImg,
                new FloatPlane(w, h, d));
    }

    private static double aspectDiff(BufferedImage t, double aspect) {
        double ta = (double) t.getWidth() / t.getHeight();
        return Math.abs(ta - aspect) / aspect;
    }

    /** Removes near-black rows and columns at the borders (letterboxing). */
    static BufferedImage trimBars(BufferedImage t) {
        FloatPlane l = Planes.luma(t);
        int top = 0;
        int bottom = t.getHeight();
        int left = 0;
        int right = t.getWidth();
        while (bottom - top > MIN_SIDE && rowMean(l, top, left, right) < BAR_LUMA) {
            top++;
        }
        while (bottom - top > MIN_SIDE && rowMean(l, bottom - 1, left, right) < BAR_LUMA) {
            bottom--;
        }
        while (right - left > MIN_SIDE && colMean(l, left, top, bottom) < BAR_LUMA) {
            left++;
        }
        while (right - left > MIN_SIDE && colMean(l, right - 1, top, bottom) < BAR_LUMA) {
            right--;
        }
        return Scaling.toRgb(t.getSubimage(left, top, right - left, bottom - top));
    }

    private static double rowMean(FloatPlane l, int y, int x0, int x1) {
        double s = 0;
        for (int x = x0; x < x1; x++) {
            s += l.get(x, y);
        }
        return s / (x1 - x0);
    }

    private static double colMean(FloatPlane l, int x, int y0, int y1) {
        double s = 0;
        for (int y = y0; y < y1; y++) {
            s += l.get(x, y);
        }
        return s / (y1 - y0);
    }

    /**
     * Area-average (box) shrink so that the longer side is at most {@code maxSide}, in one pass over the packed
     * pixels: a 12-megapixel image costs tens of milliseconds, not the hundreds of repeated halvings.
     */
    static BufferedImage boxShrink(BufferedImage img, int maxSide) {
        int w = img.getWidth();
        int h = img.getHeight();
        if (Math.max(w, h) <= maxSide) {
            return Scaling.toRgb(img);
        }
        double f = (double) maxSide / Math.max(w, h);
        int nw = Math.max(1, (int) Math.round(w * f));
        int nh = Math.max(1, (int) Math.round(h * f));
        int[] px = Planes.rgbPixels(img);
        long[] r = new long[nw * nh];
        long[] g = new long[nw * nh];
        long[] b = new long[nw * nh];
        int[] n = new int[nw * nh];
        int[] colOf = new int[w];
        for (int x = 0; x < w; x++) {
            colOf[x] = (int) ((long) x * nw / w);
        }
        for (int y = 0; y < h; y++) {
            int row = (int) ((long) y * nh / h) * nw;
            int base = y * w;
            for (int x = 0; x < w; x++) {
                int p = px[base + x];
                int k = row + colOf[x];
                r[k] += (p >> 16) & 0xff;
                g[k] += (p >> 8) & 0xff;
                b[k] += p & 0xff;
                n[k]++;
            }
        }
        BufferedImage out = new BufferedImage(nw, nh, BufferedImage.TYPE_INT_RGB);
        int[] o = ((java.awt.image.DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int k = 0; k < o.length; k++) {
            int c = Math.max(1, n[k]);
            o[k] = (int) (r[k] / c) << 16 | (int) (g[k] / c) << 8 | (int) (b[k] / c);
        }
        return out;
    }

    private static BufferedImage rotate(BufferedImage img, int quarter) {
        if (quarter == 0) {
            return img;
        }
        int w = img.getWidth();
        int h = img.getHeight();
        boolean swap = quarter % 2 == 1;
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = img.getRGB(x, y);
                switch (quarter) {
                    case 1 -> out.setRGB(h - 1 - y, x, p);
                    case 2 -> out.setRGB(w - 1 - x, h - 1 - y, p);
                    default -> out.setRGB(y, w - 1 - x, p);
                }
            }
        }
        return out;
    }

    private static BufferedImage decode(byte[] b, int off, int len, int maxPixels) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(b, off, len))) {
            if (in == null) {
                return null;
            }
            Iterator<ImageReader> it = ImageIO.getImageReaders(in);
            if (!it.hasNext()) {
                return null;
            }
            ImageReader r = it.next();
            try {
                r.setInput(in, true, true);
                long w = r.getWidth(0);
                long h = r.getHeight(0);
                if (w < MIN_SIDE || h < MIN_SIDE || w * h > maxPixels) {
                    return null;
                }
                return r.read(0);
            } finally {
                r.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Artifact sideBySide(BufferedImage thumb, BufferedImage main, FloatPlane tl, Best best) {
        int pw = (int) Math.round((double) PANEL * thumb.getWidth() / thumb.getHeight());
        BufferedImage out = new BufferedImage(3 * pw + 8, PANEL, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(thumb, 0, 0, pw, PANEL, null);
            g.drawImage(main, pw + 4, 0, pw, PANEL, null);
            BufferedImage heat = Heatmaps.render(best.diff, 0, 2 * BLOCK_CHANGE, ColorMap.INFERNO);
            g.drawImage(heat, 2 * pw + 8, 0, pw, PANEL, null);
        } finally {
            g.dispose();
        }
        return Artifacts.png("metadata-thumbnail-vs-image",
                "Left: the EXIF thumbnail; middle: the main image shrunk to the same size; right: their absolute luma"
                        + " difference (black = equal, yellow = " + (int) (2 * BLOCK_CHANGE) + "+ levels).",
                Artifact.Kind.IMAGE, out);
    }

    private static String fmt(double x) {
        return String.format(java.util.Locale.ROOT, "%.1f", x);
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }
}
