package dev.unmask.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The per-file progress text shown in the batch bar for long files (video frames). */
class FileProgressTest {
    @Test
    void lineShowsASmallBarCountAndUnit() {
        assertEquals("clip.mp4 [#####-------] 120/300 frames", FileProgress.line("clip.mp4", 120, 300, "frames"));
        assertEquals("clip.mp4 [############] 300/300 frames", FileProgress.line("clip.mp4", 300, 300, "frames"));
        assertEquals("clip.mp4 7 frames", FileProgress.line("clip.mp4", 7, 0, "frames"));
        assertEquals("a-very-long-file-name...", FileProgress.line("a-very-long-file-name-of-a-video.mp4", 1, 0, "frames")
                .substring(0, 24));
    }
}
