package dev.unmask.video.faces;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Cuts faces out of frames for scorers that take a fixed-size face image (MesoNet: 256 &times; 256). */
public final class FaceCrops {
    private FaceCrops() {}

    /**
     * A square crop centred on the box, with side {@code (1 + 2 * margin) * max(width, height)}, resized to
     * {@code size} &times; {@code size} with bilinear interpolation; parts outside the frame are black.
     *
     * @param margin extra context on each side, as a fraction of the box's longer side (0.2 is common for face-swap
     *     detectors trained on crops with some background)
     */
    public static BufferedImage square(BufferedImage frame, FaceBox box, double margin, int size) {
        if (size < 1 || !(margin >= 0)) {
            throw new IllegalArgumentException("size must be positive and margin non-negative");
        }
        double side = Math.max(box.width(), box.height()) * (1 + 2 * margin);
        double x0 = box.centreX() - side / 2;
        double y0 = box.centreY() - side / 2;
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, size, size);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            double s = size / side;
            g.drawImage(frame, (int) Math.round(-x0 * s), (int) Math.round(-y0 * s),
                    (int) Math.round(frame.getWidth() * s), (int) Math.round(frame.getHeight() * s), null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
