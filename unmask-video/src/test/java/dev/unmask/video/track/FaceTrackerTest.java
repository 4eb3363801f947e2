package dev.unmask.video.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.unmask.video.faces.FaceBox;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Association by overlap and centre distance, track ends after missed frames. */
class FaceTrackerTest {
    private static final FaceTracker.Settings SETTINGS = new FaceTracker.Settings(0.3, 1.0, 2);

    private static FaceTracker.Observation face(double x, double y, double size) {
        return new FaceTracker.Observation(FaceBox.of(x, y, size, size, 1), 0.5);
    }

    @Test
    void twoFacesKeepTheirTracksWhenTheyMove() {
        FaceTracker t = new FaceTracker(SETTINGS);
        List<Track> a = t.update(0, 0, List.of(face(10, 10, 50), face(200, 10, 50)));
        List<Track> b = t.update(1, 0.5, List.of(face(215, 12, 50), face(18, 11, 50))); // order swapped
        assertSame(a.get(0), b.get(1));
        assertSame(a.get(1), b.get(0));
        assertEquals(2, t.tracks().size());
        assertEquals(2, a.get(0).length());
    }

    @Test
    void aFaceThatJumpedWithoutOverlapIsLinkedByTheCentreGate() {
        FaceTracker t = new FaceTracker(SETTINGS);
        Track first = t.update(0, 0, List.of(face(0, 0, 40))).get(0);
        // moved 50 px: no overlap, centre distance 50 / 56.6 = 0.88 diagonals
        assertSame(first, t.update(1, 1, List.of(face(50, 0, 40))).get(0));
        // moved 100 px further: 1.77 diagonals, beyond the gate: a new track
        assertNotSame(first, t.update(2, 2, List.of(face(150, 0, 40))).get(0));
    }

    @Test
    void aMuchLargerBoxNearbyStartsANewTrack() {
        FaceTracker t = new FaceTracker(SETTINGS);
        Track first = t.update(0, 0, List.of(face(100, 100, 20))).get(0);
        // centred close by but 9x the area and IoU 0.11
        assertNotSame(first, t.update(1, 1, List.of(face(90, 90, 60))).get(0));
    }

    @Test
    void trackEndsAfterMaxMissedFramesAndAReturningFaceStartsAnother() {
        FaceTracker t = new FaceTracker(SETTINGS);
        Track first = t.update(0, 0, List.of(face(10, 10, 50))).get(0);
        t.update(1, 1, List.of());
        t.update(2, 2, List.of());
        assertSame(first, t.update(3, 3, List.of(face(10, 10, 50))).get(0), "two missed frames are tolerated");
        t.update(4, 4, List.of());
        t.update(5, 5, List.of());
        t.update(6, 6, List.of());
        assertNotSame(first, t.update(7, 7, List.of(face(10, 10, 50))).get(0), "three are not");
        assertEquals(2, t.tracks().size());
    }

    @Test
    void bestOverlapWinsWhenTwoFacesCompeteForOneTrack() {
        FaceTracker t = new FaceTracker(SETTINGS);
        Track first = t.update(0, 0, List.of(face(100, 100, 50))).get(0);
        List<Track> next = t.update(1, 1, List.of(face(120, 100, 50), face(102, 100, 50)));
        assertSame(first, next.get(1));
        assertNotSame(first, next.get(0));
    }
}
