package dev.unmask.detect.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.core.media.MediaLimits;
import dev.unmask.detect.TestImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetScannerTest {
    @TempDir
    static Path dir;
    static Path real;
    static Path fake;
    static final DatasetScanner.Settings SETTINGS = new DatasetScanner.Settings(32, 30, MediaLimits.DEFAULT, 2);

    @BeforeAll
    static void folders() throws IOException {
        real = dir.resolve("real");
        fake = dir.resolve("fake");
        TestImages.write(real, fake, 14, 40, 56, 3);
        Files.createDirectories(real.resolve("sub"));
        Files.writeString(real.resolve("README.txt"), "not an image");
        byte[] png = Files.readAllBytes(real.resolve("real-002.png"));
        Files.write(real.resolve("sub/truncated.png"), Arrays.copyOf(png, png.length / 2));
        ImageIO.write(new BufferedImage(20, 60, BufferedImage.TYPE_INT_RGB), "png", real.resolve("small.png").toFile());
        Files.copy(real.resolve("real-000.png"), real.resolve("sub/copy-of-000.png"));
        Files.copy(real.resolve("real-001.png"), fake.resolve("also-real-001.png"));
    }

    private static Dataset scan(Path r, Path f) throws Exception {
        return DatasetScanner.scan(r, f, SETTINGS, new ImageCache(1 << 26, MediaLimits.DEFAULT));
    }

    @Test
    void listsEveryUnusableFileWithItsReasonAndGoesOn() throws Exception {
        Dataset d = scan(real, fake);
        Map<String, String> reasons = d.skipped().stream().collect(Collectors.toMap(s -> dir.relativize(s.path()).toString(), SkippedFile::code));
        assertEquals("unsupported_format", reasons.get("real/README.txt"));
        assertTrue(Map.of("truncated", 1, "decode_failed", 1).containsKey(reasons.get("real/sub/truncated.png")), reasons.toString());
        assertEquals(SkippedFile.TOO_SMALL, reasons.get("real/small.png"));
        assertEquals(SkippedFile.DUPLICATE, reasons.get("real/sub/copy-of-000.png"));
        assertEquals(SkippedFile.IN_BOTH_CLASSES, reasons.get("real/real-001.png"));
        assertEquals(SkippedFile.IN_BOTH_CLASSES, reasons.get("fake/also-real-001.png"));
        assertEquals(6, d.skipped().size(), reasons.toString());
        assertEquals(13, d.count(Label.REAL, Split.TRAIN) + d.count(Label.REAL, Split.VALIDATION));
        assertEquals(14, d.count(Label.FAKE, Split.TRAIN) + d.count(Label.FAKE, Split.VALIDATION));
        String small = d.skipped().stream().filter(s -> s.code().equals(SkippedFile.TOO_SMALL)).findFirst().orElseThrow().message();
        assertTrue(small.contains("20x60 is smaller than the 32-pixel crop"), small);
    }

    @Test
    void splitFollowsTheFileHashAndIsStable() throws Exception {
        Dataset a = scan(real, fake);
        Dataset b = scan(real, fake);
        assertEquals(a.records(), b.records());
        assertEquals(a.fingerprint(), b.fingerprint());
        for (ImageRecord r : a.records()) {
            assertEquals(HashSplit.of(r.sha256(), 30), r.split());
        }
        assertTrue(a.validation().size() >= 4 && a.train().size() >= 4);
        // adding a file moves no other file between splits
        Path more = dir.resolve("more-real");
        Files.createDirectories(more);
        try (var s = Files.list(real)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".png")).toList()) {
                Files.copy(p, more.resolve(p.getFileName()));
            }
        }
        ImageIO.write(TestImages.scene(48, 48, new Random(1)), "png", more.resolve("new.png").toFile());
        Dataset c = scan(more, fake);
        for (ImageRecord r : c.records()) {
            a.records().stream().filter(x -> x.sha256().equals(r.sha256())).findFirst().ifPresent(x -> assertEquals(x.split(), r.split()));
        }
    }

    @Test
    void hashBucketIsTheFirstEightBytesModuloOneHundred() {
        assertEquals(0xabL % 100, HashSplit.bucket("00000000000000ab" + "0".repeat(48)));
        assertEquals(Long.remainderUnsigned(0xffffffffffffffffL, 100), HashSplit.bucket("f".repeat(64)));
        assertEquals(Split.VALIDATION, HashSplit.of("0".repeat(64), 1));
        assertEquals(Split.TRAIN, HashSplit.of("0000000000000063" + "0".repeat(48), 99 - 1));
    }

    @Test
    void usageProblemsAreSpecific() throws Exception {
        DatasetException missing = assertThrows(DatasetException.class, () -> scan(dir.resolve("nope"), fake));
        assertTrue(missing.getMessage().startsWith("--real folder does not exist: "), missing.getMessage());
        Path empty = dir.resolve("empty");
        Files.createDirectories(empty);
        Files.writeString(empty.resolve("notes.txt"), "x");
        DatasetException none = assertThrows(DatasetException.class, () -> scan(real, empty));
        assertTrue(none.getMessage().startsWith("no usable images in the --fake folder"), none.getMessage());
        assertTrue(none.getMessage().contains("1 files skipped, first: notes.txt: not a supported image"), none.getMessage());
        Path one = dir.resolve("one");
        Files.createDirectories(one);
        Files.copy(fake.resolve("fake-003.png"), one.resolve("only.png"));
        DatasetException few = assertThrows(DatasetException.class, () -> scan(real, one));
        assertTrue(few.getMessage().startsWith("too few images for a validation split in the --fake folder"), few.getMessage());
        DatasetException file = assertThrows(DatasetException.class, () -> scan(real.resolve("real-000.png"), fake));
        assertTrue(file.getMessage().contains("must be a folder"), file.getMessage());
    }

    @Test
    void manifestListsEveryImageWithItsHash() throws Exception {
        Dataset d = scan(real, fake);
        Path m = dir.resolve("manifest.csv");
        d.writeManifest(m);
        var lines = Files.readAllLines(m);
        assertEquals("split,label,sha256,bytes,width,height,path", lines.get(0));
        assertEquals(d.records().size() + 1, lines.size());
        ImageRecord first = d.records().get(0);
        assertEquals(first.split().id() + ",real," + first.sha256() + "," + first.sizeBytes() + "," + first.width() + "," + first.height()
                + "," + first.relativePath(), lines.get(1));
        assertEquals("\"a,\"\"b\"", Dataset.csv("a,\"b"));
    }

    @Test
    void cacheOutsideItsBudgetDecodesAgainAndNoticesChangedFiles() throws Exception {
        Path r2 = dir.resolve("r2");
        Files.createDirectories(r2);
        try (var s = Files.list(real)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith("real-")).toList()) {
                Files.copy(p, r2.resolve(p.getFileName()));
            }
        }
        ImageCache none = new ImageCache(0, MediaLimits.DEFAULT);
        Dataset d = DatasetScanner.scan(r2, fake, SETTINGS, none);
        assertEquals(0, none.cachedImages());
        ImageRecord rec = d.records().get(0);
        BufferedImage img = none.image(rec);
        assertEquals(rec.width(), img.getWidth());
        ImageIO.write(TestImages.scene(48, 48, new Random(2)), "png", rec.path().toFile());
        IOException changed = assertThrows(IOException.class, () -> none.image(rec));
        assertTrue(changed.getMessage().contains("changed since the data were scanned"), changed.getMessage());
    }

    @Test
    void tilesAreEvenAndIncludeTheCentreCrop() {
        assertEquals(1, Crops.tileOrigins(32, 33, 32, 3).size());
        var t = Crops.tileOrigins(101, 33, 32, 3);
        assertEquals(3, t.size());
        assertEquals(java.util.List.of(0, 34, 68), t.stream().map(o -> o[0]).toList());
        for (int[] o : Crops.tileOrigins(97, 131, 32, 3)) {
            assertEquals(0, o[0] % 2);
            assertEquals(0, o[1] % 2);
        }
        assertEquals(9, Crops.tileOrigins(97, 131, 32, 3).size());
        BufferedImage img = new BufferedImage(35, 35, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0x123456);
        assertEquals(0x123456, Crops.centre(img, 32)[0], "centre offset (35 - 32) / 2 = 1 is rounded down to 0");
    }
}
