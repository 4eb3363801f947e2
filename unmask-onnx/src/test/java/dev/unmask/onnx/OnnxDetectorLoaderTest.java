package dev.unmask.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.api.detector.Detector;
import dev.unmask.api.detector.DetectorDescriptor;
import dev.unmask.api.detector.DetectorException;
import dev.unmask.api.detector.Detectors;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ONNX detectors built by the test ({@link TinyOnnxModels}: sigmoid/softmax/identity of a linear function of the mean
 * colour), run through ONNX Runtime; expected probabilities are computed by hand from the image's colour, so every
 * layout, channel order, normalisation and output semantics path is checked against arithmetic, not against itself.
 */
class OnnxDetectorLoaderTest {
    private static final float[] RED_ONLY = {2f, 0f, 0f};
    private static final double EPS = 1e-5;
    @TempDir Path dir;
    private int models;

    private Path model(TinyOnnxModels.Spec spec, String... card) throws Exception {
        Path folder = dir.resolve("m" + models++);
        Files.createDirectories(folder);
        Files.write(folder.resolve("net.onnx"), TinyOnnxModels.build(spec));
        StringBuilder sb = new StringBuilder("kind=onnx\nname=tiny\nversion=1\nthreshold=0.5\nonnx.file=net.onnx\n");
        for (String c : card) {
            sb.append(c).append('\n');
        }
        Files.writeString(folder.resolve(DetectorDescriptor.FILE_NAME), sb, StandardCharsets.UTF_8);
        return folder;
    }

    private static BufferedImage flat(int w, int h, int rgb) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, rgb);
            }
        }
        return img;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static double p(Path folder, BufferedImage img) throws Exception {
        try (Detector d = Detectors.open(folder)) {
            return d.probabilityFake(img);
        }
    }

    private static final BufferedImage ORANGE = flat(40, 30, (200 << 16) | (50 << 8) | 10);

    @Test
    void nchwAndNhwcReadTheRedChannel() throws Exception {
        double expected = sigmoid(2 * 200 / 255.0 - 1);
        assertEquals(expected, p(model(TinyOnnxModels.Spec.sigmoid(false, 16, RED_ONLY, -1f)), ORANGE), EPS);
        assertEquals(expected, p(model(TinyOnnxModels.Spec.sigmoid(true, 16, RED_ONLY, -1f), "input.layout=NHWC"), ORANGE), EPS);
        assertTrue(Detectors.installedKinds().contains("onnx"));
    }

    @Test
    void bgrOrderPutsBlueFirst() throws Exception {
        assertEquals(sigmoid(2 * 10 / 255.0 - 1),
                p(model(TinyOnnxModels.Spec.sigmoid(false, 16, RED_ONLY, -1f), "input.channel.order=BGR"), ORANGE), EPS);
    }

    @Test
    void normalisationIsScaleThenMeanAndStdPerChannel() throws Exception {
        Path m = model(TinyOnnxModels.Spec.sigmoid(false, 16, new float[] {1f, 1f, 1f}, 0f), "input.scale=0.00392156862745098",
                "input.mean=0.5,0.4,0.3", "input.std=0.25,0.5,2");
        double z = (200 / 255.0 - 0.5) / 0.25 + (50 / 255.0 - 0.4) / 0.5 + (10 / 255.0 - 0.3) / 2;
        assertEquals(sigmoid(z), p(m, ORANGE), EPS);
        Path raw = model(TinyOnnxModels.Spec.sigmoid(false, 16, new float[] {0.01f, 0f, 0f}, -1f), "input.scale=1");
        assertEquals(sigmoid(0.01 * 200 - 1), p(raw, ORANGE), EPS);
    }

    @Test
    void everyOutputSemantics() throws Exception {
        double z = 2 * 200 / 255.0 - 1;
        TinyOnnxModels.Spec sig = TinyOnnxModels.Spec.sigmoid(false, 16, RED_ONLY, -1f);
        assertEquals(1 - sigmoid(z), p(model(sig, "output.semantics=prob_real"), ORANGE), EPS);
        assertEquals(sigmoid(z), p(model(sig.withHead(""), "output.semantics=logit_fake"), ORANGE), EPS);
        assertEquals(1 - sigmoid(z), p(model(sig.withHead(""), "output.semantics=logit_real"), ORANGE), EPS);
        // two classes: logits z0 = 200/255, z1 = -200/255 + 0.5
        TinyOnnxModels.Spec two = new TinyOnnxModels.Spec(false, new long[] {-1, 3, 16, 16}, new float[][] {{1f, -1f}, {0f, 0f}, {0f, 0f}},
                new float[] {0f, 0.5f}, "Softmax", TinyOnnxModels.FLOAT, null);
        double z0 = 200 / 255.0;
        double z1 = -200 / 255.0 + 0.5;
        double soft1 = Math.exp(z1) / (Math.exp(z0) + Math.exp(z1));
        assertEquals(soft1, p(model(two, "output.index=1"), ORANGE), EPS);
        assertEquals(soft1, p(model(two, "output.semantics=prob_real", "output.index=0"), ORANGE), EPS);
        assertEquals(soft1, p(model(two.withHead(""), "output.semantics=logit_fake", "output.index=1"), ORANGE), EPS);
        assertEquals(1 - soft1, p(model(two.withHead(""), "output.semantics=logit_real", "output.index=1"), ORANGE), EPS);
    }

    @Test
    void stretchAndCenterCropSeeDifferentParts() throws Exception {
        BufferedImage img = flat(200, 100, 0x0000ff);
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 25; x++) {
                img.setRGB(x, y, 0xff0000);
            }
        }
        TinyOnnxModels.Spec s = TinyOnnxModels.Spec.sigmoid(false, 8, new float[] {4f, 0f, 0f}, -1f);
        // stretched, an eighth of the pixels are red; the centre square is all blue
        assertEquals(sigmoid(4 * 0.125 - 1), p(model(s), img), 0.01);
        assertEquals(sigmoid(-1), p(model(s, "input.resize=center-crop"), img), EPS);
    }

    @Test
    void dynamicSpatialSizeUsesTheCardsSize() throws Exception {
        Path m = model(TinyOnnxModels.Spec.sigmoid(false, 16, RED_ONLY, -1f).withShape(-1, 3, -1, -1), "input.size=24");
        assertEquals(sigmoid(2 * 200 / 255.0 - 1), p(m, ORANGE), EPS);
    }

    @Test
    void concurrentCallsAgree() throws Exception {
        try (Detector d = Detectors.open(model(TinyOnnxModels.Spec.sigmoid(false, 16, RED_ONLY, -1f)))) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Double>> fs = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    int shade = 30 * i;
                    fs.add(pool.submit(() -> d.probabilityFake(flat(20, 20, shade << 16))));
                }
                for (int i = 0; i < 8; i++) {
                    assertEquals(sigmoid(2 * 30 * i / 255.0 - 1), fs.get(i).get(), EPS);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private String error(TinyOnnxModels.Spec spec, String... card) throws Exception {
        Path m = model(spec, card);
        return assertThrows(DetectorException.class, () -> Detectors.open(m).close()).getMessage();
    }

    private static void assertEndsWith(String expectedEnd, String actual) {
        assertTrue(actual.endsWith(expectedEnd), "message was: " + actual);
    }

    private static void assertContains(String expectedPart, String actual) {
        assertTrue(actual.contains(expectedPart), "message was: " + actual);
    }

    @Test
    void cardIsCheckedAgainstTheModelsShapes() throws Exception {
        TinyOnnxModels.Spec nchw = TinyOnnxModels.Spec.sigmoid(false, 16, RED_ONLY, -1f);
        assertEndsWith("input 'x' has shape [-1, 3, 16, 16], which has 16 channels where input.layout=NHWC puts them; it looks NCHW: "
                + "set input.layout=NCHW", error(nchw, "input.layout=NHWC"));
        assertEndsWith("input 'x' takes 16x16 pixels [-1, 3, 16, 16], but the card says input.size=32", error(nchw, "input.size=32"));
        assertEndsWith("input 'x' has no fixed size [-1, 3, -1, -1]; set input.size", error(nchw.withShape(-1, 3, -1, -1)));
        assertContains("input 'x' has a fixed batch of 4 [4, 3, 16, 16]", error(nchw.withShape(4, 3, 16, 16)));
        assertEndsWith("input 'x' takes 8x16 pixels; only square inputs are supported", error(nchw.withShape(-1, 3, 16, 8)));
        assertContains("the model has 2 inputs (", error(nchw.withExtraInput("mask")));
        assertEndsWith("); name the image input with input.name", error(nchw.withExtraInput("mask")));
        assertContains("the model has no input 'image' (input.name); its inputs: x", error(nchw, "input.name=image"));
        assertContains("the model has no output 'logits' (output.name); its outputs: y", error(nchw, "output.name=logits"));
        assertContains("input 'x' holds INT64, but a detector input must be 32-bit float", error(nchw.withInputType(TinyOnnxModels.INT64)));
        assertContains("output.index=1 but output 'y' has one value per image [-1, 1]", error(nchw, "output.index=1"));
        TinyOnnxModels.Spec two = new TinyOnnxModels.Spec(false, new long[] {1, 3, 16, 16}, new float[][] {{1f, -1f}, {0f, 0f}, {0f, 0f}},
                new float[] {0f, 0f}, "Softmax", TinyOnnxModels.FLOAT, null);
        assertEndsWith("output 'y' has 2 values per image [1, 2]; set output.index to the class to read "
                + "(the fake class for *_fake semantics, the real class for *_real)", error(two));
        assertEndsWith("output.index=2 but output 'y' has only 2 classes [1, 2]", error(two, "output.index=2"));
    }

    @Test
    void badCardsAndFilesGetSpecificMessages() throws Exception {
        TinyOnnxModels.Spec s = TinyOnnxModels.Spec.sigmoid(false, 16, RED_ONLY, -1f);
        assertEndsWith("output.semantics must be prob_fake, prob_real, logit_fake or logit_real, not 'probability'",
                error(s, "output.semantics=probability"));
        assertEndsWith("input.layout must be NCHW or NHWC, not 'CHW'", error(s, "input.layout=CHW"));
        assertEndsWith("input.channel.order must be RGB or BGR, not 'GRB'", error(s, "input.channel.order=GRB"));
        assertEndsWith("input.resize must be stretch or center-crop, not 'pad'", error(s, "input.resize=pad"));
        assertEndsWith("input.std must not contain 0", error(s, "input.std=1,0,1"));
        assertEndsWith("input.mean must be three comma-separated numbers (one per channel), not '0.5,0.5'", error(s, "input.mean=0.5,0.5"));
        assertEndsWith("input.size must be a whole number of pixels, not 'big'", error(s, "input.size=big"));
        Path noFile = model(s);
        Files.writeString(noFile.resolve(DetectorDescriptor.FILE_NAME), "kind=onnx\nname=x\nversion=1\n");
        assertEndsWith("detector.properties: onnx.file is missing (the ONNX network, relative to the model folder)",
                assertThrows(DetectorException.class, () -> Detectors.open(noFile)).getMessage());
        Path missing = model(s);
        Files.writeString(missing.resolve(DetectorDescriptor.FILE_NAME), "kind=onnx\nname=x\nversion=1\nonnx.file=other.onnx\n");
        assertContains("onnx.file other.onnx does not exist", assertThrows(DetectorException.class, () -> Detectors.open(missing)).getMessage());
        Path garbage = model(s);
        Files.writeString(garbage.resolve("net.onnx"), "this is not a protocol buffer");
        assertContains("net.onnx: ONNX Runtime cannot load it:", assertThrows(DetectorException.class, () -> Detectors.open(garbage)).getMessage());
    }

    @Test
    void aProbabilityOutsideZeroToOneIsRefusedWithAHint() throws Exception {
        Path m = model(TinyOnnxModels.Spec.sigmoid(false, 16, new float[] {3f, 0f, 0f}, 0f).withHead(""));
        try (Detector d = Detectors.open(m)) {
            DetectorException e = assertThrows(DetectorException.class, () -> d.probabilityFake(ORANGE));
            assertTrue(e.getMessage().endsWith("which is not a probability; if the network outputs logits, set output.semantics=logit_fake"),
                    e.getMessage());
        }
    }
}
