package dev.unmask.gan;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * A grid of generated images from latent vectors fixed once per run (drawn from N(0, 1) with the run's seed), so
 * that successive grids show the same "individuals" as training goes on. Cells are separated and framed by
 * {@link #PAD} pixels of dark grey.
 */
public final class SampleGrid {
    /** Pixels between cells and around the grid. */
    public static final int PAD = 2;
    private static final int BACKGROUND = 0x202020;

    private final int rows;
    private final int cols;
    private final float[] latents;

    /** Fixed latents for a {@code rows x cols} grid, drawn from {@code seed}. */
    public SampleGrid(int rows, int cols, int latentDim, long seed) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("grid needs at least 1x1 cells");
        }
        this.rows = rows;
        this.cols = cols;
        this.latents = new float[rows * cols * latentDim];
        Random r = new Random(seed);
        for (int i = 0; i < latents.length; i++) {
            latents[i] = (float) r.nextGaussian();
        }
    }

    /** Pixel width of a grid of {@code cols} cells of side {@code size}. */
    public static int side(int cells, int size) {
        return cells * size + (cells + 1) * PAD;
    }

    /** Renders the grid with the trainer's current generator. */
    public BufferedImage render(GanTrainer trainer) {
        int size = trainer.config().size();
        int n = rows * cols;
        float[] px = trainer.generate(latents, n);
        BufferedImage img = new BufferedImage(side(cols, size), side(rows, size), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                img.setRGB(x, y, BACKGROUND);
            }
        }
        int plane = size * size;
        for (int i = 0; i < n; i++) {
            int ox = PAD + (i % cols) * (size + PAD);
            int oy = PAD + (i / cols) * (size + PAD);
            int base = i * 3 * plane;
            for (int p = 0; p < plane; p++) {
                int r = toByte(px[base + p]);
                int g = toByte(px[base + plane + p]);
                int b = toByte(px[base + 2 * plane + p]);
                img.setRGB(ox + p % size, oy + p / size, (r << 16) | (g << 8) | b);
            }
        }
        return img;
    }

    /** Renders and writes a PNG, creating parent folders. */
    public Path write(GanTrainer trainer, Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        if (!ImageIO.write(render(trainer), "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
        return file;
    }

    private static int toByte(float v) {
        return Math.max(0, Math.min(255, Math.round((v + 1f) * 127.5f)));
    }
}
