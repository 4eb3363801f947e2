package dev.unmask.detect.fusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.unmask.testkit.TestData;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fusion validation set: its construction on one photo, and (with {@code -Dunmask.fusion.data=DIR}) the whole set
 * the shipped model is fitted on, from {@code testdata/photos} and {@code testdata/camera-jpeg}.
 */
class FusionTrainingSetTest {
    @Test
    void writesRealUpsampledSplicedAndClonedCopies(@TempDir Path dir) throws Exception {
        int n = FusionTrainingSet.write(List.of(TestData.file("photos/coffee.png"), TestData.file("photos/truncated.jpg")), dir, 5);
        assertEquals(FusionTrainingSet.CROPS, n, "one usable photo (the truncated one is too small)");
        assertEquals(3, count(dir.resolve("real")));
        assertEquals(3, count(dir.resolve("fake")));
        assertEquals(List.of("coffee-0-splice.jpg", "coffee-1-clone.png", "coffee-2-splice.jpg"), names(dir.resolve("manipulated")));
        BufferedImage real = ImageIO.read(dir.resolve("real/coffee-1.png").toFile());
        BufferedImage up = ImageIO.read(dir.resolve("fake/coffee-1-up.png").toFile());
        assertEquals(FusionTrainingSet.SIDE, up.getWidth());
        assertNotEquals(real.getRGB(100, 100), up.getRGB(100, 100) + 1, "sanity");
        // the copy-move leaves an exact duplicate block somewhere else in the image
        BufferedImage clone = FusionTrainingSet.copyMove(real, new Random(3));
        int diff = 0;
        for (int y = 0; y < clone.getHeight(); y++) {
            for (int x = 0; x < clone.getWidth(); x++) {
                diff += clone.getRGB(x, y) != real.getRGB(x, y) ? 1 : 0;
            }
        }
        assertEquals(true, diff > 1000 && diff <= 64 * 64, "one 64x64 block replaced: " + diff);
        byte[] a = Files.readAllBytes(dir.resolve("manipulated/coffee-0-splice.jpg"));
        Path again = dir.resolve("again");
        FusionTrainingSet.write(List.of(TestData.file("photos/coffee.png")), again, 5);
        assertArrayEquals(a, Files.readAllBytes(again.resolve("manipulated/coffee-0-splice.jpg")), "deterministic");
    }

    @Test
    @EnabledIfSystemProperty(named = "unmask.fusion.data", matches = ".+")
    void writeTheFullSet() throws Exception {
        List<Path> photos;
        try (Stream<Path> a = Files.list(TestData.root().resolve("photos")); Stream<Path> b = Files.list(TestData.root().resolve("camera-jpeg"))) {
            photos = Stream.concat(a, b).filter(p -> p.toString().matches(".*\\.(png|jpg)$")).sorted().toList();
        }
        Path out = Path.of(System.getProperty("unmask.fusion.data"));
        int n = FusionTrainingSet.write(photos, out, 20240611L);
        System.out.println("fusion validation set: " + n + " crops from " + photos.size() + " photos in " + out.toAbsolutePath());
    }

    private static long count(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.count();
        }
    }

    private static List<String> names(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
