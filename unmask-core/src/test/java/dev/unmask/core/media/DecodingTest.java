package dev.unmask.core.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.unmask.api.MediaException;
import dev.unmask.api.MediaType;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Every supported format decodes from its bytes, whatever its name; broken files fail with a specific code. */
class DecodingTest {
    private final FormatDetection formats = new FormatDetection();

    private static Path fixture(String rel) {
        return Path.of(System.getProperty("unmask.testdata", "../testdata")).resolve(rel);
    }

    private LoadedMedia media(String name, byte[] b) {
        return LoadedMedia.of(Path.of(name), b, formats, MediaLimits.DEFAULT);
    }

    private static byte[] write(BufferedImage img, String format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(img, format, out)) {
            throw new IllegalStateException("no writer for " + format);
        }
        return out.toByteArray();
    }

    @Test
    void allSupportedFormatsDecode() throws Exception {
        BufferedImage img = new BufferedImage(33, 21, BufferedImage.TYPE_INT_RGB);
        img.setRGB(5, 5, 0xff0000);
        for (String f : new String[] {"png", "jpeg", "bmp", "gif", "tiff"}) {
            LoadedMedia m = media("x.bin", write(img, f));
            assertEquals(f.equals("jpeg") ? "jpeg" : f, m.type().id());
            assertEquals(33, m.image().getWidth());
            assertEquals(21, m.image().getHeight());
            assertEquals(BufferedImage.TYPE_INT_RGB, m.image().getType());
        }
        LoadedMedia webp = LoadedMedia.read(fixture("c2pa/sample1.webp"), formats, MediaLimits.DEFAULT);
        assertEquals(MediaType.WEBP, webp.type());
        assertEquals(BufferedImage.TYPE_INT_RGB, webp.image().getType());
        LoadedMedia gif = LoadedMedia.read(fixture("c2pa/sample1.gif"), formats, MediaLimits.DEFAULT);
        assertEquals(MediaType.GIF, gif.type());
        gif.image();
    }

    @Test
    void truncatedFixtureFailsWithTruncated() throws Exception {
        LoadedMedia m = LoadedMedia.read(fixture("photos/truncated.jpg"), formats, MediaLimits.DEFAULT);
        var e = assertThrows(MediaException.class, m::image);
        assertEquals(MediaException.TRUNCATED, e.code());
        // the failure is remembered, not recomputed differently
        assertEquals(e, assertThrows(MediaException.class, m::image));
    }

    @Test
    void garbageAfterAValidSignatureFailsToDecode() throws Exception {
        byte[] b = Files.readAllBytes(fixture("photos/rocket.jpg"));
        for (int i = 700; i < b.length - 2; i++) {
            b[i] = (byte) (i * 31);
        }
        LoadedMedia m = media("rocket.jpg", b);
        // either the structure guard or the decoder refuses; never an unchecked exception
        try {
            m.image();
        } catch (MediaException e) {
            assertEquals(true, e.code().equals(MediaException.DECODE_FAILED) || e.code().equals(MediaException.TRUNCATED), e.getMessage());
        }
    }

    @Test
    void shaIsOfTheExactBytes() throws Exception {
        LoadedMedia m = media("a.png", new byte[] {1, 2, 3});
        assertEquals("039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81", m.sha256());
    }
}
