package dev.unmask.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TilePlanTest {
    @Test
    void smallImagesAndDisabledTilingRunOnlyTheWholeImage() {
        assertEquals(1, TilePlan.regions(1000, 872, 256, true).size(), "tiles of 436 px would be < 2 x 256");
        assertEquals(1, TilePlan.regions(4000, 3000, 256, false).size());
        assertTrue(TilePlan.regions(4000, 3000, 256, false).get(0).whole());
    }

    @Test
    void aLargePhotoGetsHalfSideTilesAtHalfTileSteps() {
        List<TilePlan.Region> r = TilePlan.regions(1920, 1280, 256, true);
        assertEquals(1 + 5 * 3, r.size(), "whole image + 5 x 3 tiles of 640 px");
        for (TilePlan.Region t : r.subList(1, r.size())) {
            assertEquals(640, t.width());
            assertTrue(t.x() >= 0 && t.y() >= 0 && t.x() + t.width() <= 1920 && t.y() + t.height() <= 1280);
        }
    }

    @Test
    void everyFaceUpToAQuarterOfTheShorterSideLiesInsideSomeTile() {
        int w = 2500;
        int h = 1300;
        List<TilePlan.Region> r = TilePlan.regions(w, h, 256, true);
        int face = h / 4;
        for (int y = 0; y + face <= h; y += 7) {
            for (int x = 0; x + face <= w; x += 7) {
                int fx = x;
                int fy = y;
                assertTrue(r.stream().skip(1).anyMatch(t -> fx >= t.x() && fy >= t.y() && fx + face <= t.x() + t.width()
                        && fy + face <= t.y() + t.height()), "face at " + x + "," + y);
            }
        }
    }
}
