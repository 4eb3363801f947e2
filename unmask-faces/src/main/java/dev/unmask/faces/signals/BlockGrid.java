package dev.unmask.faces.signals;

import dev.unmask.faces.FaceBox;
import java.util.List;

/**
 * A grid of square blocks anchored at the image's top-left pixel (the JPEG grid for 8-px blocks), partial blocks at
 * the right and bottom edges left out, and the face regions laid on it.
 *
 * @param block block side in pixels
 * @param blocksX blocks per row
 * @param blocksY block rows
 */
record BlockGrid(int block, int blocksX, int blocksY) {
    /** Blocks in the grid. */
    int size() {
        return blocksX * blocksY;
    }

    /** The blocks lying wholly inside {@code box}: {x0, y0, x1, y1} inclusive, empty (x1 < x0) when none. */
    int[] inside(FaceBox box) {
        int x0 = Math.max(0, (int) Math.ceil(box.x() / block));
        int y0 = Math.max(0, (int) Math.ceil(box.y() / block));
        int x1 = Math.min(blocksX, (int) Math.floor(box.right() / block)) - 1;
        int y1 = Math.min(blocksY, (int) Math.floor(box.bottom() / block)) - 1;
        return new int[] {x0, y0, x1, y1};
    }

    /** Whether each block lies wholly outside every box: the background the faces are compared with. */
    boolean[] outside(List<FaceBox> boxes) {
        boolean[] out = new boolean[size()];
        java.util.Arrays.fill(out, true);
        for (FaceBox b : boxes) {
            int x0 = Math.max(0, (int) Math.floor(b.x() / block));
            int y0 = Math.max(0, (int) Math.floor(b.y() / block));
            int x1 = Math.min(blocksX - 1, (int) Math.ceil(b.right() / block) - 1);
            int y1 = Math.min(blocksY - 1, (int) Math.ceil(b.bottom() / block) - 1);
            for (int y = y0; y <= y1; y++) {
                for (int x = x0; x <= x1; x++) {
                    out[y * blocksX + x] = false;
                }
            }
        }
        return out;
    }
}
