package dev.unmask.gan.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the two tiny models made by {@code src/test/resources/onnx/make_tiny_feature_models.py} through ONNX Runtime. */
class OnnxFeatureSpaceTest {
    @TempDir
    Path tmp;

    static Path model(String name) {
        try {
            return Path.of(OnnxFeatureSpaceTest.class.getResource("/onnx/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void channelFirstModelSeesTheImageInTheRequestedRange() throws IOException {
        BufferedImage half = halfRedHalfBlue(50, 30);
        try (OnnxFeatureSpace s = OnnxFeatureSpace.open(model("channel-means-nchw.onnx"), OnnxFeatureSpace.InputRange.UNIT, 1)) {
            assertTrue(s.channelsFirst());
            assertEquals("images", s.inputName());
            assertEquals("features", s.outputName());
            assertEquals(3, s.dimension());
            assertFalse(s.comparableToPublishedFid());
            assertTrue(s.description().contains("not comparable to published FID"), s.description());
            float[][] f = s.features(List.of(solid(new Color(255, 128, 0)), half));
            assertEquals(1f, f[0][0], 1e-5);
            assertEquals(128 / 255f, f[0][1], 1e-5);
            assertEquals(0f, f[0][2], 1e-5);
            // the centre 30x30 square of a 50x30 image split at x = 25 is half red, half blue
            assertEquals(0.5f, f[1][0], 0.01);
            assertEquals(0f, f[1][1], 1e-5);
            assertEquals(0.5f, f[1][2], 0.01);
        }
        try (OnnxFeatureSpace s = OnnxFeatureSpace.open(model("channel-means-nchw.onnx"), OnnxFeatureSpace.InputRange.SYMMETRIC, 1)) {
            float[] f = s.features(List.of(solid(new Color(255, 0, 0))))[0];
            assertEquals(1f, f[0], 1e-5);
            assertEquals(-1f, f[1], 1e-5);
        }
        try (OnnxFeatureSpace s = OnnxFeatureSpace.open(model("channel-means-nchw.onnx"), OnnxFeatureSpace.InputRange.BYTE, 1)) {
            assertEquals(128f, s.features(List.of(solid(new Color(0, 128, 0))))[0][1], 1e-3);
        }
    }

    @Test
    void channelLastModelWithTwoOutputsUsesThe2048ValuePool() throws IOException {
        try (OnnxFeatureSpace s = OnnxFeatureSpace.open(model("pool3-like-nhwc.onnx"), OnnxFeatureSpace.InputRange.UNIT, 1)) {
            assertFalse(s.channelsFirst());
            assertEquals("pool_3", s.outputName());
            assertEquals(2048, s.dimension());
            assertTrue(s.comparableToPublishedFid(), "2048 values at 299x299 is the standard FID set-up");
            float[][] f = s.features(List.of(halfRedHalfBlue(40, 40), solid(new Color(0, 255, 0))));
            assertEquals(0.5f, f[0][0], 1e-3);
            assertEquals(0f, f[0][1], 1e-5);
            assertEquals(0.5f, f[0][2], 1e-3);
            assertEquals(1f, f[1][1], 1e-5);
            for (int i = 3; i < 2048; i++) {
                assertEquals(0f, f[0][i], "padding value " + i);
            }
        }
    }

    @Test
    void refusesFilesThatAreNotUsableModels() throws IOException {
        IOException missing = assertThrows(IOException.class,
                () -> OnnxFeatureSpace.open(tmp.resolve("nope.onnx"), OnnxFeatureSpace.InputRange.UNIT, 1));
        assertTrue(missing.getMessage().contains("nope.onnx"), missing.getMessage());
        Path junk = Files.writeString(tmp.resolve("junk.onnx"), "this is not a protobuf");
        IOException bad = assertThrows(IOException.class,
                () -> OnnxFeatureSpace.open(junk, OnnxFeatureSpace.InputRange.UNIT, 1));
        assertTrue(bad.getMessage().startsWith(junk.toString()) && bad.getMessage().contains("ONNX Runtime"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OnnxFeatureSpace.InputRange.parse("0-2"));
        assertEquals(OnnxFeatureSpace.InputRange.BYTE, OnnxFeatureSpace.InputRange.parse("0-255"));
    }

    private static BufferedImage solid(Color c) {
        BufferedImage img = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, 20, 20);
        g.dispose();
        return img;
    }

    private static BufferedImage halfRedHalfBlue(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, x < w / 2 ? 0xFF0000 : 0x0000FF);
            }
        }
        return img;
    }
}
