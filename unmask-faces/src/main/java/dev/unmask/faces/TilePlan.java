package dev.unmask.faces;

import java.util.ArrayList;
import java.util.List;

/**
 * The square regions of an image a {@link FaceDetector} runs the model on: always the whole image (letterboxed),
 * and, with tiling, overlapping square tiles whose side is half the image's shorter side, stepped by half a
 * tile, so every face up to a quarter of the shorter side lies wholly inside at least one tile and is seen twice
 * as large as in the whole-image pass. Tiling starts only when the tiles would still be at least
 * {@link #MIN_TILE_FACTOR} times the model input, so small images are never upscaled into tiles.
 *
 * <p>Why tiles: BlazeFace expects faces that fill a fair part of its input; in a 1920-pixel group photo a
 * 200-pixel face letterboxed into the 256 input is 27 pixels wide and scores lower than when a tile shows it at
 * 53 pixels (the 128 model misses such faces entirely without tiles). On the labelled fixture the 256 model with
 * tiles finds every face at the default threshold, without tiles 83%; the figures for every combination are in
 * the README ("Faces").
 */
final class TilePlan {
    /** Tiles are made only when their side is at least this many model input sides. */
    static final double MIN_TILE_FACTOR = 2.0;
    /** Tile side as a fraction of the image's shorter side. */
    static final double TILE_FRACTION = 0.5;

    private TilePlan() {}

    /** One region in image pixels; {@code whole} for the whole-image pass. */
    record Region(int x, int y, int width, int height, boolean whole) {}

    /** The regions, the whole image first. */
    static List<Region> regions(int width, int height, int inputSize, boolean tiling) {
        List<Region> out = new ArrayList<>();
        out.add(new Region(0, 0, width, height, true));
        int shorter = Math.min(width, height);
        int tile = (int) (shorter * TILE_FRACTION);
        if (!tiling || tile < MIN_TILE_FACTOR * inputSize) {
            return out;
        }
        int step = tile / 2;
        for (int y : positions(height, tile, step)) {
            for (int x : positions(width, tile, step)) {
                out.add(new Region(x, y, tile, tile, false));
            }
        }
        return out;
    }

    /** Tile origins along one axis: every {@code step}, the last one flush with the far edge. */
    private static List<Integer> positions(int length, int tile, int step) {
        List<Integer> p = new ArrayList<>();
        for (int v = 0; v + tile < length; v += step) {
            p.add(v);
        }
        p.add(length - tile);
        return p;
    }
}
