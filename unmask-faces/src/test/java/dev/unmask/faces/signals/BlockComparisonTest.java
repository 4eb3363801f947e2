package dev.unmask.faces.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.faces.FaceBox;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The face-versus-background-windows comparison on block fields with a known answer (seeded). */
class BlockComparisonTest {
    private static final BlockGrid GRID = new BlockGrid(16, 40, 30);
    private static final BlockComparison.Spec SPEC = new BlockComparison.Spec(9, 0.05, "clipped");
    private static final FaceBox FACE = new FaceBox(160, 160, 96, 112);

    private static double[] field(long seed, double faceShift) {
        Random r = new Random(seed);
        double[] v = new double[GRID.size()];
        int[] f = GRID.inside(FACE);
        for (int y = 0; y < GRID.blocksY(); y++) {
            for (int x = 0; x < GRID.blocksX(); x++) {
                boolean in = x >= f[0] && x <= f[2] && y >= f[1] && y <= f[3];
                v[y * GRID.blocksX() + x] = 0.3 * r.nextGaussian() + (in ? faceShift : 0);
            }
        }
        return v;
    }

    private static BlockComparison.Result compare(double[] v, boolean[] usable, FaceBox face) {
        boolean[] background = GRID.outside(List.of(new FaceBox(face.x() - 16, face.y() - 16, face.width() + 32,
                face.height() + 32)));
        return BlockComparison.compare(GRID, GRID.inside(face), usable, background,
                (b, n) -> BlockComparison.median(v, b, n), SPEC);
    }

    private static boolean[] all() {
        boolean[] u = new boolean[GRID.size()];
        Arrays.fill(u, true);
        return u;
    }

    @Test
    void theFaceBoxCoversTheWholeBlocksInsideIt() {
        assertEquals(List.of(10, 10, 15, 16), Arrays.stream(GRID.inside(FACE)).boxed().toList());
        assertEquals(List.of(10, 10, 15, 16), Arrays.stream(GRID.inside(new FaceBox(155, 150, 108, 125))).boxed()
                .toList());
    }

    @Test
    void aShiftedFaceIsAnOutlierAndAnUnshiftedOneIsNot() {
        BlockComparison.Result same = compare(field(1, 0), all(), FACE);
        BlockComparison.Result shifted = compare(field(1, 1.0), all(), FACE);
        assertTrue(same.compared() && shifted.compared());
        assertTrue(Math.abs(same.z()) < 3, "z " + same.z());
        // a window of 42 blocks has a median spread of about 0.3 * 1.25 / sqrt(42) = 0.06: a shift of 1 is ~15 of them
        assertTrue(shifted.z() > 10, "z " + shifted.z());
        assertEquals(42, shifted.faceBlocks());
        assertTrue(shifted.windows() >= 500, "windows " + shifted.windows());
    }

    @Test
    void aFaceTooSmallOrTooClippedIsSkippedWithTheReason() {
        BlockComparison.Result small = compare(field(2, 0), all(), new FaceBox(160, 160, 40, 40));
        assertFalse(small.compared());
        assertEquals("the face is too small: its box holds 4 whole 16-px blocks, and the comparison needs 9",
                small.skip());
        boolean[] usable = all();
        int[] f = GRID.inside(FACE);
        for (int y = f[1]; y <= f[3]; y++) {
            for (int x = f[0]; x <= f[2] - 1; x++) {
                usable[y * GRID.blocksX() + x] = false;
            }
        }
        BlockComparison.Result clipped = compare(field(2, 0), usable, FACE);
        assertEquals("only 7 of the face's 42 blocks are usable (clipped); the comparison needs 9", clipped.skip());
    }

    @Test
    void aBackgroundWithoutRoomForFaceSizedWindowsIsSkippedWithTheReason() {
        FaceBox big = new FaceBox(16, 16, 576, 416);
        BlockComparison.Result r = compare(field(3, 0), all(), big);
        assertFalse(r.compared());
        assertTrue(r.skip().startsWith("the background outside the face regions holds only 0 face-sized windows"
                + " (36x26 blocks of 16 px)"), r.skip());
    }

    @Test
    void aHugeFaceIsComparedWithFewerWindowsSoTheWorkStaysBounded() {
        BlockGrid g = new BlockGrid(16, 400, 300);
        double[] v = new double[g.size()];
        Random r = new Random(4);
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextGaussian();
        }
        boolean[] usable = new boolean[g.size()];
        Arrays.fill(usable, true);
        FaceBox face = new FaceBox(1600, 1600, 1600, 1600);
        BlockComparison.Result res = BlockComparison.compare(g, g.inside(face), usable, g.outside(List.of(face)),
                (b, n) -> BlockComparison.mean(v, b, n), SPEC);
        assertTrue(res.compared(), String.valueOf(res.skip()));
        assertEquals(10_000, res.faceBlocks());
        // 2,000,000 block visits / 10,000 blocks per window: about 200 window positions tried, not 1500
        assertTrue(res.windows() >= BlockComparison.MIN_WINDOWS && res.windows() <= 260, "windows " + res.windows());
    }
}
