package dev.unmask.analyzers.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.api.Analyzer;
import dev.unmask.api.AnalyzerOptions;
import dev.unmask.api.AnalyzerResult;
import dev.unmask.api.Evidence;
import dev.unmask.api.Finding;
import dev.unmask.testkit.AnalyzerContractTest;
import dev.unmask.testkit.Findings;
import dev.unmask.testkit.Golden;
import dev.unmask.testkit.TestData;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Generator records on the real ai-metadata fixtures, camera fixtures, bad images and golden output. */
class MetadataAnalyzerTest extends AnalyzerContractTest {
    @Override
    protected Analyzer newAnalyzer() {
        return new MetadataAnalyzer();
    }

    @Override
    protected String supportedFixture() {
        return "ai-metadata/AUTOMATIC1111/automatic1111_cropped.png";
    }

    static AnalyzerResult run(String fixture) throws Exception {
        MetadataAnalyzer a = new MetadataAnalyzer();
        a.init(AnalyzerOptions.defaults("metadata"));
        AnalyzerResult r = a.analyze(TestData.media(fixture));
        assertEquals(AnalyzerResult.Status.OK, r.status(), r.summary());
        return r;
    }

    static Finding only(AnalyzerResult r, String code) {
        List<Finding> fs = r.findings().stream().filter(f -> f.code().equals(code)).toList();
        assertEquals(1, fs.size(), "exactly one " + code + " in " + codes(r));
        return fs.get(0);
    }

    static List<String> codes(AnalyzerResult r) {
        return r.findings().stream().map(Finding::code).toList();
    }

    private static void assertSynthetic(Finding f, String generator) {
        assertEquals(Evidence.SYNTHETIC, f.evidence());
        assertTrue(f.score() >= 0.9, "explicit generator record is strong evidence: " + f.score());
        assertEquals(generator, f.values().get("generator"));
    }

    @ParameterizedTest
    @CsvSource({"ai-metadata/AUTOMATIC1111/automatic1111_cropped.png, PNG text chunk 'parameters'",
            "ai-metadata/AUTOMATIC1111/automatic1111_cropped.jpg, EXIF UserComment",
            "bad-images/text_after_idat.png, PNG text chunk 'parameters'"})
    void automatic1111ParametersAreParsed(String fixture, String source) throws Exception {
        AnalyzerResult r = run(fixture);
        Finding f = only(r, "metadata.generator.a1111");
        assertSynthetic(f, "AUTOMATIC1111");
        assertEquals(source, f.values().get("source"));
        assertEquals("photo of a duck", f.values().get("prompt"));
        assertEquals("monochrome", f.values().get("negative_prompt"));
        assertEquals(15, f.values().get("steps"));
        assertEquals("UniPC", f.values().get("sampler"));
        assertEquals(5.0, f.values().get("cfg_scale"));
        assertEquals(235284042L, f.values().get("seed"));
        assertEquals(512, f.values().get("width"));
        assertEquals(400, f.values().get("height"));
        assertEquals("c0d1994c73", f.values().get("model_hash"));
        assertEquals("realistic_realisticVisionV20_v20", f.values().get("model"));
        assertTrue(r.summary().contains("generator: AUTOMATIC1111"), r.summary());
    }

    @Test
    void stealthParametersInTheAlphaChannelAreDecoded() throws Exception {
        AnalyzerResult r = run("ai-metadata/AUTOMATIC1111/automatic1111_stealth.png");
        Finding f = only(r, "metadata.generator.stealth");
        assertSynthetic(f, "AUTOMATIC1111");
        assertEquals("stealth_pngcomp", f.values().get("signature"));
        assertEquals("a circle", f.values().get("prompt"));
        assertEquals("a square", f.values().get("negative_prompt"));
        assertEquals(2015833630L, f.values().get("seed"));
        assertEquals(20, f.values().get("steps"));
        assertEquals("realisticVisionV51_v51VAE", f.values().get("model"));
        assertEquals("v1.9.4-169-ga30b19dd", f.values().get("version"));
    }

    @Test
    void stealthCanBeSwitchedOff() throws Exception {
        MetadataAnalyzer a = new MetadataAnalyzer();
        a.init(new AnalyzerOptions("metadata", Map.of("stealth", "false")));
        AnalyzerResult r = a.analyze(TestData.media("ai-metadata/AUTOMATIC1111/automatic1111_stealth.png"));
        assertTrue(r.findings().isEmpty(), codes(r).toString());
        assertTrue(r.summary().contains("none declared"), r.summary());
    }

    @ParameterizedTest
    @CsvSource({"img2img_cropped.png, 280823642470253, 20, v1-5-pruned-emaonly.ckpt, 8",
            "night_evening_day_morning_cropped.png, 335608130539327, 13, Anything-V3.0.ckpt, 29",
            "noisy_latents_3_subjects_cropped.png, 1084614416978598, 9, Anything-V3.0.ckpt, 27",
            "unclip_2pass_cropped.png, 1106257833005336, 26, wd-1-5-beta2-aesthetic-unclip-h-fp32.safetensors, 21"})
    void comfyUiGraphsAreParsed(String file, long seed, int steps, String model, int nodes) throws Exception {
        Finding f = only(run("ai-metadata/ComfyUI/" + file), "metadata.generator.comfyui");
        assertSynthetic(f, "ComfyUI");
        assertEquals(seed, f.values().get("seed"));
        assertEquals((long) steps, f.values().get("steps"));
        assertEquals(nodes, f.values().get("prompt_nodes"));
        assertEquals(nodes, f.values().get("workflow_nodes"));
        assertTrue(((List<?>) f.values().get("models")).contains(model), f.values().toString());
    }

    @Test
    void comfyUiPositivePromptIsFollowedThroughTheSamplerLink() throws Exception {
        Finding f = only(run("ai-metadata/ComfyUI/img2img_cropped.png"), "metadata.generator.comfyui");
        assertEquals("photograph of victorian woman with wings, sky clouds, meadow grass", f.values().get("prompt"));
        assertEquals("sample_dpmpp_2m", f.values().get("sampler"));
        assertEquals(8.0, f.values().get("cfg_scale"));
    }

    @Test
    void fooocusJsonIsParsed() throws Exception {
        Finding f = only(run("ai-metadata/Fooocus/fooocus1_cropped.png"), "metadata.generator.fooocus");
        assertSynthetic(f, "Fooocus");
        assertEquals(6952411511246973023L, f.values().get("seed"));
        assertEquals(30L, f.values().get("steps"));
        assertEquals("juggernautXL_v8Rundiffusion", f.values().get("model"));
        assertEquals("Fooocus v2.4.3", f.values().get("version"));
        assertEquals(768, f.values().get("width"));
        assertEquals(1280, f.values().get("height"));
        assertEquals("a smiling goldfish", f.values().get("prompt"));
    }

    @ParameterizedTest
    @CsvSource({"invokeai_dream1.png, Dream, 2980747362, 50, ",
            "invokeai_sdmeta1.png, sd-metadata, 2980747362, 50, deliberateForInvoke_v08",
            "invokeai_imeta1.png, invokeai_metadata, 3293022630, 35, juggernautXL"})
    void invokeAiRecordsAreParsed(String file, String record, long seed, long steps, String model) throws Exception {
        Finding f = only(run("ai-metadata/InvokeAI/" + file), "metadata.generator.invokeai");
        assertSynthetic(f, "InvokeAI");
        assertEquals(record, f.values().get("record"));
        assertEquals(seed, ((Number) f.values().get("seed")).longValue());
        assertEquals(steps, ((Number) f.values().get("steps")).longValue());
        assertEquals(model, f.values().get("model"));
        assertTrue(((String) f.values().get("prompt")).length() <= MetadataSettings.DEFAULT.promptMaxChars());
    }

    @Test
    void novelAiTextChunksAreParsed() throws Exception {
        Finding f = only(run("ai-metadata/NovelAI/novelai1_cropped.png"), "metadata.generator.novelai");
        assertSynthetic(f, "NovelAI");
        assertEquals(2253955223L, f.values().get("seed"));
        assertEquals(50L, f.values().get("steps"));
        assertEquals("k_euler_ancestral", f.values().get("sampler"));
        assertEquals("Stable Diffusion 1D44365E", f.values().get("model"));
        assertEquals("masterpiece, best quality,  cat, space, icon", f.values().get("prompt"));
    }

    @Test
    void cameraJpegShowsSonyAndPaintNet() throws Exception {
        AnalyzerResult r = run("camera-jpeg/sample1.jpg");
        Finding cam = only(r, "metadata.camera");
        assertEquals("SONY", cam.values().get("make"));
        assertEquals("ILCE-7M2", cam.values().get("model"));
        assertEquals("FE 55mm F1.8 ZA", cam.values().get("lens"));
        assertEquals(Evidence.AUTHENTIC, cam.evidence());
        assertTrue(cam.score() > 0 && cam.score() < 0.35, "camera EXIF is weak evidence");
        Finding ed = only(r, "metadata.editing-software");
        assertEquals(Evidence.MANIPULATED, ed.evidence());
        assertTrue(ed.score() >= 0.3 && ed.score() <= 0.45);
        assertEquals(List.of("paint.net"), ed.values().get("software"));
        assertTrue(r.summary().contains("SONY ILCE-7M2") && r.summary().contains("paint.net"), r.summary());
        assertTrue(codes(r).stream().noneMatch(c -> c.startsWith("metadata.generator")));
    }

    @Test
    void realPhotosProduceNoStrongEvidence() throws Exception {
        for (String f : List.of("camera-jpeg/sample1.jpg", "camera-jpeg/sample2.jpg", "camera-jpeg/sample3.jpg",
                "camera-jpeg/sample4.jpg", "camera-jpeg/sample5.jpg", "camera-jpeg/sample6.jpg", "photos/astronaut.png",
                "photos/camera.png", "photos/chelsea.png", "photos/coffee.png", "photos/hubble_deep_field.jpg",
                "photos/rocket.jpg")) {
            for (Finding x : run(f).findings()) {
                assertTrue(x.score() < 0.5, f + ": " + x.code() + " " + x.score());
            }
        }
    }

    @Test
    void photoshopHistoryAndLateModificationAreWeak() throws Exception {
        AnalyzerResult r = run("photos/hubble_deep_field.jpg");
        Finding ed = only(r, "metadata.editing-software");
        assertEquals(List.of("Adobe Photoshop"), ed.values().get("software"));
        assertEquals(CameraFindings.EDITOR_HISTORY_SCORE, ed.score());
        Finding late = only(r, "metadata.dates.modified-later");
        assertEquals(Evidence.MANIPULATED, late.evidence());
        assertTrue((Double) late.values().get("gap_hours") > 24 * 70);
    }

    @Test
    void badImagesDoNotThrow() throws Exception {
        MetadataAnalyzer a = new MetadataAnalyzer();
        a.init(AnalyzerOptions.defaults("metadata"));
        for (String f : List.of("bad-images/empty_file.png", "bad-images/empty_image.jpg", "bad-images/empty_image.png",
                "bad-images/text_after_idat.png", "photos/truncated.jpg")) {
            var media = TestData.media(f);
            AnalyzerResult r = a.supports(media.type()) ? a.analyze(media) : AnalyzerResult.notApplicable("-");
            assertNotNull(r.summary());
            assertFalse(r.summary().isBlank());
        }
        AnalyzerResult t = run("photos/truncated.jpg");
        assertTrue(codes(t).contains("metadata.read-errors"), codes(t).toString());
    }

    @Test
    void a1111ParserHandlesQuotesAndRejectsPlainText() {
        Map<String, Object> v = A1111Parameters.parse("a cat\nwith hat\nNegative prompt: dog\nSteps: 30, Sampler: "
                + "\"DPM++ 2M, Karras\", CFG scale: 6.5, Seed: 12, Size: 640x480", 500);
        assertNotNull(v);
        assertEquals("a cat\nwith hat", v.get("prompt"));
        assertEquals("dog", v.get("negative_prompt"));
        assertEquals("DPM++ 2M, Karras", v.get("sampler"));
        assertEquals(6.5, v.get("cfg_scale"));
        assertEquals(640, v.get("width"));
        assertNull(A1111Parameters.parse("just a caption, nothing else", 500));
        assertNull(A1111Parameters.parse("Seed: 1, Size: 2x2, Model: x", 500), "Steps is required");
        String longPrompt = "x".repeat(2000) + "\nSteps: 1, Seed: 2, Sampler: a";
        assertEquals(20, ((String) A1111Parameters.parse(longPrompt, 20).get("prompt")).length());
    }

    @Test
    void goldenFindings() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (String f : List.of("ai-metadata/AUTOMATIC1111/automatic1111_cropped.png", "camera-jpeg/sample1.jpg",
                "c2pa/CA.jpg")) {
            sb.append("# ").append(f).append('\n').append(Golden.describe(run(f))).append('\n');
        }
        Golden.assertMatches("metadata/findings.txt", sb.toString());
    }

}
