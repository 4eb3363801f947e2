package dev.unmask.core.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.api.MediaException;
import dev.unmask.api.MediaType;
import dev.unmask.core.imaging.Codecs;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** One test per guard: each hostile input is refused with its specific code, before any pixel allocation. */
class StructureGuardTest {
    private final StructureGuard guard = new StructureGuard(MediaLimits.DEFAULT);
    private final FormatDetection formats = new FormatDetection();

    /** A PNG with the given IHDR dimensions, an empty IDAT and IEND: tiny file, absurd declared size. */
    static byte[] pngDeclaring(int w, int h, byte[]... extraChunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        out.writeBytes(chunk("IHDR", ihdr.array()));
        for (byte[] c : extraChunks) {
            out.writeBytes(c);
        }
        out.writeBytes(chunk("IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01}));
        out.writeBytes(chunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    static byte[] chunk(String type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(12 + data.length);
        b.putInt(data.length).put(type.getBytes(StandardCharsets.ISO_8859_1)).put(data);
        CRC32 crc = new CRC32();
        crc.update(type.getBytes(StandardCharsets.ISO_8859_1));
        crc.update(data);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    private static String code(Throwable t) {
        return ((MediaException) t).code();
    }

    @Test
    void pngDeclaringTenGigapixelsIsRefusedFromItsHeader() {
        byte[] png = pngDeclaring(100_000, 100_000);
        assertTrue(png.length < 100, "the hostile file is tiny");
        var e = assertThrows(MediaException.class, () -> guard.check(MediaType.PNG, png));
        assertEquals(MediaException.BAD_DIMENSIONS, e.code());
        assertTrue(e.getMessage().contains("100000x100000"), e.getMessage());
    }

    @Test
    void pixelLimitIsConfigurable() throws Exception {
        byte[] png = pngDeclaring(5000, 5000);
        guard.check(MediaType.PNG, png); // 25 MP is fine by default
        var strict = new StructureGuard(MediaLimits.DEFAULT.with("max-pixels", "10m"));
        var e = assertThrows(MediaException.class, () -> strict.check(MediaType.PNG, png));
        assertEquals(MediaException.TOO_MANY_PIXELS, e.code());
    }

    @Test
    void zeroWidthIsRefused() {
        var e = assertThrows(MediaException.class, () -> guard.check(MediaType.PNG, pngDeclaring(0, 10)));
        assertEquals(MediaException.BAD_DIMENSIONS, e.code());
    }

    @Test
    void hugeMetadataChunksAreRefused() {
        byte[] text = new byte[1 << 20];
        Arrays.fill(text, (byte) 'a');
        text[0] = 'k';
        text[1] = 0;
        byte[][] chunks = new byte[40][];
        Arrays.fill(chunks, chunk("tEXt", text));
        var e = assertThrows(MediaException.class, () -> guard.check(MediaType.PNG, pngDeclaring(10, 10, chunks)));
        assertEquals(MediaException.METADATA_TOO_LARGE, e.code());
    }

    @Test
    void chunkLengthBeyondTheFileIsTruncation() {
        byte[] png = pngDeclaring(10, 10);
        // declare a 2 GB IDAT
        int idat = 8 + 25;
        png[idat] = 0x7f;
        var e = assertThrows(MediaException.class, () -> guard.check(MediaType.PNG, png));
        assertEquals(MediaException.TRUNCATED, e.code());
    }

    @Test
    void pngWithoutIendIsTruncated() {
        byte[] png = pngDeclaring(10, 10);
        var e = assertThrows(MediaException.class, () -> guard.check(MediaType.PNG, Arrays.copyOf(png, png.length - 12)));
        assertEquals(MediaException.TRUNCATED, e.code());
    }

    @Test
    void emptyFileIsRefused() {
        var e = assertThrows(MediaException.class, () -> guard.check(MediaType.PNG, new byte[0]));
        assertEquals(MediaException.EMPTY, e.code());
    }

    @Test
    void truncatedJpegIsRefusedAtEveryCut() throws Exception {
        byte[] jpg = Codecs.jpeg(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), 90);
        guard.checkDimensions(64, 48);
        for (int cut = 3; cut < jpg.length - 2; cut += 7) {
            byte[] part = Arrays.copyOf(jpg, cut);
            var e = assertThrows(MediaException.class, () -> guard.check(MediaType.JPEG, part), "cut at " + cut);
            assertTrue(Arrays.asList(MediaException.TRUNCATED, MediaException.DECODE_FAILED).contains(e.code()), e.getMessage());
        }
    }

    @Test
    void jpegDeclaringHugeFrameIsRefused() throws Exception {
        byte[] jpg = Codecs.jpeg(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), 90);
        // find SOF0 and rewrite its dimensions to 65535 x 65535
        for (int i = 2; i < jpg.length - 9; i++) {
            if ((jpg[i] & 0xff) == 0xFF && (jpg[i + 1] & 0xff) == 0xC0) {
                jpg[i + 5] = (byte) 0xFF;
                jpg[i + 6] = (byte) 0xFF;
                jpg[i + 7] = (byte) 0xFF;
                jpg[i + 8] = (byte) 0xFF;
                break;
            }
        }
        var e = assertThrows(MediaException.class, () -> guard.check(MediaType.JPEG, jpg));
        assertEquals(MediaException.BAD_DIMENSIONS, e.code());
    }

    @Test
    void decoderRefusesHostileTiffBeforeAllocating() throws Exception {
        // TIFF is not walked by the guard; the decoder's header check must refuse it
        ByteBuffer b = ByteBuffer.allocate(8 + 2 + 12 * 4 + 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        b.putShort((short) 4);
        b.putShort((short) 256).putShort((short) 4).putInt(1).putInt(200_000); // width
        b.putShort((short) 257).putShort((short) 4).putInt(1).putInt(200_000); // height
        b.putShort((short) 258).putShort((short) 3).putInt(1).putInt(8);
        b.putShort((short) 262).putShort((short) 3).putInt(1).putInt(1);
        b.putInt(0);
        LoadedMedia m = LoadedMedia.of(Path.of("huge.tif"), b.array(), formats, MediaLimits.DEFAULT);
        assertEquals(MediaType.TIFF, m.type());
        var e = assertThrows(MediaException.class, m::image);
        assertEquals(MediaException.BAD_DIMENSIONS, e.code(), e.getMessage());
    }

    @Test
    void fileSizeLimitIsCheckedBeforeReading(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path f = dir.resolve("big.png");
        java.nio.file.Files.write(f, new byte[4096]);
        var limits = MediaLimits.DEFAULT.with("max-file-bytes", "1k");
        var e = assertThrows(MediaException.class, () -> LoadedMedia.read(f, formats, limits));
        assertEquals(MediaException.FILE_TOO_LARGE, e.code());
    }

    @Test
    void limitsRejectNonsense() {
        assertThrows(IllegalArgumentException.class, () -> MediaLimits.DEFAULT.with("max-pixels", "-5"));
        assertThrows(IllegalArgumentException.class, () -> MediaLimits.DEFAULT.with("max-pixels", "lots"));
        assertThrows(IllegalArgumentException.class, () -> MediaLimits.DEFAULT.with("max-widgets", "5"));
        assertEquals(2L << 20, MediaLimits.DEFAULT.with("max-file-bytes", "2m").maxFileBytes());
        assertEquals(3_000_000L, MediaLimits.DEFAULT.with("max-pixels", "3m").maxPixels());
    }

    @Test
    void formatsAreDetectedFromBytesNotNames() {
        assertEquals(MediaType.PNG, formats.detect(pngDeclaring(1, 1)));
        assertEquals(MediaType.JPEG, formats.detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}));
        assertEquals(MediaType.GIF, formats.detect("GIF89a".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(MediaType.WEBP, formats.detect("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(MediaType.TIFF, formats.detect(new byte[] {'M', 'M', 0, 42}));
        assertEquals(MediaType.BMP, formats.detect("BM\0\0\0\0\0\0\0\0\0\0\0\0".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(MediaType.MP4, formats.detect("\0\0\0\u0020ftypisom\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(MediaType.MOV, formats.detect("\0\0\0\u0014ftypqt  \0\0\0\0".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(MediaType.UNKNOWN, formats.detect("\0\0\0\u0018ftypheic\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1)),
                "HEIF still images are not mislabelled as video");
        assertEquals(MediaType.UNKNOWN, formats.detect("hello world".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(MediaType.UNKNOWN, formats.detect(new byte[0]));
    }

    @Test
    void containerFormatsGoToTheirInstalledGuard() throws Exception {
        // TestContainerGuard (test services file) handles only its own test type
        StructureGuard.Structure s = guard.check(TestContainerGuard.TYPE, new byte[] {1, 2, 3});
        assertEquals(3, s.width());
        MediaException refused = assertThrows(MediaException.class, () -> guard.check(TestContainerGuard.TYPE, new byte[] {9}));
        assertEquals(MediaException.BAD_DIMENSIONS, refused.code());
        MediaException broken = assertThrows(MediaException.class, () -> guard.check(TestContainerGuard.TYPE, new byte[] {0}));
        assertEquals(MediaException.DECODE_FAILED, broken.code());
        assertTrue(broken.getMessage().startsWith("the test-container container check failed: "), broken.getMessage());
        assertEquals(0, guard.check(MediaType.GIF, new byte[] {1}).width(), "other formats are not sent to it");
    }
}
