package dev.unmask.gan;

import dev.unmask.api.MediaException;
import dev.unmask.core.media.FormatDetection;
import dev.unmask.core.media.LoadedMedia;
import dev.unmask.core.media.MediaLimits;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Real images for training, decoded once and kept in memory as one float array in CHW order with values in
 * [-1, 1] (the range of the generator's tanh output). Every file of a folder tree that the core can decode is
 * centre-cropped to a square and resized to the configured side; files that cannot be decoded are skipped and
 * counted. Batches are drawn in a seeded shuffled order, with optional random left-right mirroring.
 */
public final class ImageFolderData {
    private final int size;
    private final float[] pixels;
    private final int count;
    private final int skipped;

    private ImageFolderData(int size, float[] pixels, int count, int skipped) {
        this.size = size;
        this.pixels = pixels;
        this.count = count;
        this.skipped = skipped;
    }

    /** Decodes every image under {@code dir} (sorted by path, so the order is reproducible). */
    public static ImageFolderData load(Path dir, int size) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        FormatDetection formats = new FormatDetection();
        List<BufferedImage> images = new ArrayList<>();
        int skipped = 0;
        for (Path f : files) {
            try {
                images.add(LoadedMedia.read(f, formats, MediaLimits.DEFAULT).image());
            } catch (MediaException | RuntimeException e) {
                skipped++;
            }
        }
        return fromImages(images, size, skipped);
    }

    /** Builds the tensor cache from images already decoded. */
    public static ImageFolderData fromImages(List<BufferedImage> images, int size, int skipped) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("no decodable images (" + skipped + " files skipped)");
        }
        int plane = size * size;
        float[] px = new float[images.size() * 3 * plane];
        int[] rgb = new int[plane];
        for (int i = 0; i < images.size(); i++) {
            BufferedImage r = cropResize(images.get(i), size);
            r.getRGB(0, 0, size, size, rgb, 0, size);
            int base = i * 3 * plane;
            for (int p = 0; p < plane; p++) {
                int c = rgb[p];
                px[base + p] = ((c >> 16) & 0xff) / 127.5f - 1f;
                px[base + plane + p] = ((c >> 8) & 0xff) / 127.5f - 1f;
                px[base + 2 * plane + p] = (c & 0xff) / 127.5f - 1f;
            }
        }
        return new ImageFolderData(size, px, images.size(), skipped);
    }

    /** Centre square crop, then a bilinear resize (progressive halving first, so big photos do not alias). */
    static BufferedImage cropResize(BufferedImage src, int size) {
        int side = Math.min(src.getWidth(), src.getHeight());
        BufferedImage cur = src.getSubimage((src.getWidth() - side) / 2, (src.getHeight() - side) / 2, side, side);
        int s = side;
        while (s / 2 >= size * 2) {
            s /= 2;
            cur = draw(cur, s);
        }
        return draw(cur, size);
    }

    private static BufferedImage draw(BufferedImage src, int size) {
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, size, size, null);
        g.dispose();
        return out;
    }

    /** Number of images held. */
    public int count() {
        return count;
    }

    /** Number of files that could not be decoded. */
    public int skipped() {
        return skipped;
    }

    /** Image side. */
    public int size() {
        return size;
    }

    /**
     * Copies the images at {@code indices} into a new (n, 3, size, size) array, mirroring each left-right when
     * {@code flips} is not null and the random draw says so.
     */
    public float[] batch(int[] indices, Random flips) {
        int plane = size * size;
        int img = 3 * plane;
        float[] out = new float[indices.length * img];
        for (int b = 0; b < indices.length; b++) {
            int src = indices[b] * img;
            int dst = b * img;
            if (flips != null && flips.nextBoolean()) {
                for (int c = 0; c < 3; c++) {
                    for (int y = 0; y < size; y++) {
                        int row = c * plane + y * size;
                        for (int x = 0; x < size; x++) {
                            out[dst + row + x] = pixels[src + row + size - 1 - x];
                        }
                    }
                }
            } else {
                System.arraycopy(pixels, src, out, dst, img);
            }
        }
        return out;
    }
}
