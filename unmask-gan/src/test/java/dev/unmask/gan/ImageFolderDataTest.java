package dev.unmask.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderDataTest {
    @TempDir
    Path tmp;

    @Test
    void badFilesAreSkippedWithTheirReasonAndEveryFileIsInTheManifest() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("mixed/sub"));
        Shapes.write(dir, 5, 40, 1L);
        Files.writeString(dir.resolve("readme.txt"), "hello");
        Files.write(dir.resolve("empty.jpg"), new byte[0]);
        byte[] png = Files.readAllBytes(dir.resolve("shape-000.png"));
        Files.write(dir.resolve("cut.png"), Arrays.copyOf(png, png.length / 2));
        Files.writeString(dir.resolve(".hidden.png"), "ignored");
        ImageFolderData d = ImageFolderData.load(tmp.resolve("mixed"), 32);
        assertEquals(5, d.count());
        assertEquals(3, d.skipped());
        DatasetManifest m = d.manifest();
        assertEquals(8, m.entries().size(), "hidden files are not part of the data set");
        assertEquals("sub/cut.png", m.entries().get(0).path());
        assertEquals(List.of("sub/cut.png", "sub/empty.jpg", "sub/readme.txt"),
                m.skipped().stream().map(DatasetManifest.Entry::path).toList());
        assertTrue(m.skipped().get(1).status().startsWith("skipped: empty_file"), m.skipped().get(1).status());
        assertTrue(m.skipped().get(2).status().startsWith("skipped: unsupported_format"), m.skipped().get(2).status());
        assertTrue(m.skipped().get(0).status().matches("skipped: (truncated|decode_failed): .+"), m.skipped().get(0).status());
        DatasetManifest.Entry first = m.entries().stream().filter(e -> e.path().equals("sub/shape-000.png")).findFirst().orElseThrow();
        assertEquals(png.length, first.size());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png)), first.sha256());
        assertTrue(first.used());
    }

    @Test
    void theCacheIsReusedOnlyWhileTheFilesAreTheSame() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("cached"));
        Shapes.write(dir, 6, 40, 2L);
        Path cache = tmp.resolve("data-cache.bin");
        ImageFolderData a = ImageFolderData.load(dir, 32, cache, n -> { });
        assertFalse(a.fromCache());
        assertTrue(Files.size(cache) > 6 * 3 * 32 * 32);
        ImageFolderData b = ImageFolderData.load(dir, 32, cache, n -> { });
        assertTrue(b.fromCache());
        int[] all = {0, 1, 2, 3, 4, 5};
        assertArrayEquals(a.batch(all, null), b.batch(all, null));
        assertEquals(a.manifest(), b.manifest());
        assertFalse(ImageFolderData.load(dir, 64, cache, n -> { }).fromCache(), "another size decodes again");
        ImageFolderData.load(dir, 32, cache, n -> { });
        Shapes.write(Files.createDirectories(tmp.resolve("other")), 1, 40, 99L);
        Files.copy(tmp.resolve("other/shape-000.png"), dir.resolve("shape-003.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ImageFolderData c = ImageFolderData.load(dir, 32, cache, n -> { });
        assertFalse(c.fromCache(), "a changed file invalidates the cache");
        assertFalse(Arrays.equals(a.batch(new int[] {3}, null), c.batch(new int[] {3}, null)));
        assertTrue(ImageFolderData.load(dir, 32, cache, n -> { }).fromCache());
    }

    @Test
    void aFolderWithoutUsableImagesIsRefusedWithAClearMessage() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("none"));
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> ImageFolderData.load(dir, 32));
        assertEquals("no files in " + dir, empty.getMessage());
        Files.writeString(dir.resolve("notes.txt"), "text");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageFolderData.load(dir, 32));
        assertTrue(e.getMessage().startsWith("no usable image in " + dir + ": 1 file(s) found, none could be decoded"
                + " (first: notes.txt: skipped: unsupported_format"), e.getMessage());
    }

    @Test
    void theMemoryGuardRefusesDataSetsThatWouldNotFitTheHeap() {
        ImageFolderData.checkMemory(1000, 128, 1L << 30);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageFolderData.checkMemory(20_000, 128, 1L << 30));
        assertTrue(e.getMessage().startsWith("20000 files would take about 937 MB decoded at 128 px, more than 60% of"
                + " the Java heap (1024 MB)"), e.getMessage());
    }

    @Test
    void batchesMirrorOnlyWhenTheFlipSaysSo() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("flip"));
        Shapes.write(dir, 2, 32, 4L);
        ImageFolderData d = ImageFolderData.load(dir, 32);
        float[] plain = d.batch(new int[] {0}, null);
        Random always = new Random(0) {
            @Override
            public boolean nextBoolean() {
                return true;
            }
        };
        float[] mirrored = d.batch(new int[] {0}, always);
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    assertEquals(plain[c * 1024 + y * 32 + x], mirrored[c * 1024 + y * 32 + 31 - x]);
                }
            }
        }
        assertFalse(Arrays.equals(plain, mirrored));
    }
}
