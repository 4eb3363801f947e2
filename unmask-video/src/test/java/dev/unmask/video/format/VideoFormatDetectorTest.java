package dev.unmask.video.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.unmask.api.MediaType;
import dev.unmask.core.media.FormatDetection;
import dev.unmask.video.SyntheticVideos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WebM, Matroska and AVI are recognised from their first bytes, through the core's ServiceLoader discovery. */
class VideoFormatDetectorTest {
    private final FormatDetection formats = new FormatDetection();

    @TempDir
    Path dir;

    private MediaType detect(byte[] file) {
        return formats.detect(Arrays.copyOf(file, Math.min(file.length, formats.headerLength())));
    }

    private byte[] tiny(SyntheticVideos.Kind kind) throws Exception {
        return Files.readAllBytes(SyntheticVideos.write(dir.resolve(kind + ".bin"), kind, 64, 48, 3, 25, 0, java.util.List.of()));
    }

    @Test
    void filesWrittenByFfmpegAreRecognisedFromTheirBytes() throws Exception {
        assertEquals(VideoFormats.WEBM, detect(tiny(SyntheticVideos.Kind.WEBM_VP8_OPUS)));
        assertEquals(VideoFormats.MKV, detect(tiny(SyntheticVideos.Kind.MKV_FFV1)));
        assertEquals(VideoFormats.AVI, detect(tiny(SyntheticVideos.Kind.AVI_MJPEG)));
        assertEquals(MediaType.MOV, detect(tiny(SyntheticVideos.Kind.MOV_MPEG4)));
        assertEquals(MediaType.MP4, detect(tiny(SyntheticVideos.Kind.MP4_MPEG4)));
    }

    @Test
    void ebmlWithAnotherDocTypeIsNotMatroska() {
        byte[] other = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x88, 0x42, (byte) 0x82, (byte) 0x85, 'o', 't', 'h', 'e', 'r'};
        assertEquals(Optional.empty(), new MatroskaFormatDetector().detect(other));
        byte[] webm = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x87, 0x42, (byte) 0x82, (byte) 0x84, 'w', 'e', 'b', 'm'};
        assertEquals(Optional.of(VideoFormats.WEBM), new MatroskaFormatDetector().detect(webm));
    }

    @Test
    void riffWaveAndWebpAreNotAvi() {
        assertEquals(Optional.empty(), new AviFormatDetector().detect("RIFF\0\0\0\0WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
        assertEquals(MediaType.WEBP, detect("RIFF\0\0\0\0WEBPVP8 ".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
    }

    @Test
    void shortAndHostileHeadersNeverThrow() {
        MatroskaFormatDetector m = new MatroskaFormatDetector();
        AviFormatDetector a = new AviFormatDetector();
        byte[] magic = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3};
        for (int n = 0; n <= 12; n++) {
            byte[] h = Arrays.copyOf(magic, n);
            assertEquals(Optional.empty(), m.detect(h));
            assertEquals(Optional.empty(), a.detect(h));
        }
        // a size claiming 2^56 bytes, an invalid ID byte, a DocType longer than the header
        assertEquals(Optional.empty(), m.detect(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 0x01, (byte) 0xFF, (byte) 0xFF,
            (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x00, 0x00}));
        assertEquals(Optional.empty(), m.detect(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x84, 0x42, (byte) 0x82,
            (byte) 0xBF, 'w'}));
    }
}
