package dev.unmask.analyzers.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsers of the generation records that diffusion front-ends write into PNG text chunks, following the layouts
 * documented by the d3x-at/sd-parsers project: ComfyUI ({@code prompt} and {@code workflow} JSON), InvokeAI
 * ({@code invokeai_metadata} JSON, {@code sd-metadata} JSON, legacy {@code Dream} command line), NovelAI
 * ({@code Software}, {@code Description}, {@code Source}, {@code Comment} JSON) and Fooocus ({@code parameters}
 * JSON with {@code fooocus_scheme}). Each returns typed values, or null when the record is absent.
 */
final class GeneratorParsers {
    private static final Pattern MODEL_FILE = Pattern.compile("(?i).+\\.(ckpt|safetensors|pt|pth|bin|gguf|sft)$");
    private static final Pattern DREAM = Pattern.compile("(?s)^\\s*\"(.*)\"\\s*(.*)$");
    private static final Pattern DREAM_OPT = Pattern.compile("(?:^|\\s)(-[a-zA-Z]{1,2}|--[a-z_]+)[ =]([^\\s-][^\\s]*)");
    private static final Pattern PAIR = Pattern.compile("\\(?\\s*(\\d{1,6})\\s*,\\s*(\\d{1,6})\\s*\\)?");
    private static final int MAX_MODELS = 10;

    private GeneratorParsers() {}

    /** ComfyUI: node count, checkpoint names, sampler settings and the positive prompt when it can be followed. */
    static Map<String, Object> comfy(String promptJson, String workflowJson, MetadataSettings s) {
        JsonNode p = Texts.json(promptJson, s.jsonMaxChars());
        JsonNode w = Texts.json(workflowJson, s.jsonMaxChars());
        boolean promptOk = p != null && p.isObject() && hasClassTypes(p);
        boolean workflowOk = w != null && w.isObject() && w.path("nodes").isArray();
        if (!promptOk && !workflowOk) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> models = new ArrayList<>();
        if (promptOk) {
            out.put("prompt_nodes", p.size());
            JsonNode sampler = null;
            for (Iterator<JsonNode> it = p.elements(); it.hasNext(); ) {
                JsonNode node = it.next();
                JsonNode inputs = node.path("inputs");
                for (String key : new String[] {"ckpt_name", "unet_name", "model_name", "lora_name"}) {
                    addModel(models, inputs.path(key));
                }
                if (sampler == null && node.path("class_type").asText("").contains("Sampler")) {
                    sampler = node;
                }
            }
            if (sampler != null) {
                JsonNode in = sampler.path("inputs");
                out.put("sampler_node", sampler.path("class_type").asText());
                putScalar(out, "seed", in.has("seed") ? in.path("seed") : in.path("noise_seed"));
                putScalar(out, "steps", in.path("steps"));
                putScalar(out, "cfg_scale", in.path("cfg"));
                putScalar(out, "sampler", in.path("sampler_name"));
                putScalar(out, "scheduler", in.path("scheduler"));
                putScalar(out, "denoise", in.path("denoise"));
                String positive = followText(p, in.path("positive"));
                if (positive != null) {
                    out.put("prompt", Texts.truncate(positive.strip(), s.promptMaxChars()));
                }
            }
        }
        if (workflowOk) {
            out.put("workflow_nodes", w.path("nodes").size());
            for (JsonNode node : w.path("nodes")) {
                if (node.path("type").asText("").contains("Loader")) {
                    for (JsonNode v : node.path("widgets_values")) {
                        addModel(models, v);
                    }
                }
            }
        }
        if (!models.isEmpty()) {
            out.put("models", models);
        }
        return out;
    }

    private static boolean hasClassTypes(JsonNode p) {
        for (Iterator<JsonNode> it = p.elements(); it.hasNext(); ) {
            if (it.next().has("class_type")) {
                return true;
            }
        }
        return false;
    }

    private static void addModel(List<String> models, JsonNode v) {
        if (v.isTextual() && MODEL_FILE.matcher(v.asText()).matches() && !models.contains(v.asText())
                && models.size() < MAX_MODELS) {
            models.add(v.asText());
        }
    }

    /** Follows a link {@code ["6", 0]} to a node with a text input (CLIPTextEncode and the like). */
    private static String followText(JsonNode prompt, JsonNode link) {
        if (!link.isArray() || link.isEmpty()) {
            return null;
        }
        JsonNode text = prompt.path(link.get(0).asText()).path("inputs").path("text");
        return text.isTextual() ? text.asText() : null;
    }

    /** InvokeAI: the newest record present (invokeai_metadata, then sd-metadata, then Dream). */
    static Map<String, Object> invoke(String invokeJson, String sdMetadata, String dream, MetadataSettings s) {
        JsonNode j = Texts.json(invokeJson, s.jsonMaxChars());
        if (j != null && j.isObject()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("record", "invokeai_metadata");
            putText(out, "prompt", j.path("positive_prompt"), s);
            putText(out, "negative_prompt", j.path("negative_prompt"), s);
            putScalar(out, "generation_mode", j.path("generation_mode"));
            putScalar(out, "seed", j.path("seed"));
            putScalar(out, "steps", j.path("steps"));
            putScalar(out, "cfg_scale", j.path("cfg_scale"));
            putScalar(out, "sampler", j.path("scheduler"));
            putScalar(out, "width", j.path("width"));
            putScalar(out, "height", j.path("height"));
            putScalar(out, "model", j.path("model").isObject() ? j.path("model").path("model_name") : j.path("model"));
            putScalar(out, "app_version", j.path("app_version"));
            return out;
        }
        JsonNode sd = Texts.json(sdMetadata, s.jsonMaxChars());
        if (sd != null && sd.isObject()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("record", "sd-metadata");
            JsonNode img = sd.path("image");
            JsonNode pr = img.path("prompt");
            putText(out, "prompt", pr.isArray() && !pr.isEmpty() ? pr.get(0).path("prompt") : pr, s);
            putScalar(out, "seed", img.path("seed"));
            putScalar(out, "steps", img.path("steps"));
            putScalar(out, "cfg_scale", img.path("cfg_scale"));
            putScalar(out, "sampler", img.path("sampler"));
            putScalar(out, "width", img.path("width"));
            putScalar(out, "height", img.path("height"));
            putScalar(out, "model", sd.path("model_weights"));
            putScalar(out, "model_hash", sd.path("model_hash"));
            putScalar(out, "app_id", sd.path("app_id"));
            putScalar(out, "app_version", sd.path("app_version"));
            return out;
        }
        return dream == null ? null : dream(dream, s);
    }

    /** Legacy InvokeAI/lstein "Dream" command line: {@code "prompt" -s 50 -S 42 -W 512 -H 768 -C 7.5 -A k_lms}. */
    static Map<String, Object> dream(String text, MetadataSettings s) {
        Matcher m = DREAM.matcher(text);
        if (!m.matches()) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("record", "Dream");
        out.put("prompt", Texts.truncate(m.group(1).strip(), s.promptMaxChars()));
        Matcher o = DREAM_OPT.matcher(m.group(2));
        while (o.find()) {
            String v = o.group(2);
            switch (o.group(1)) {
                case "-S", "--seed" -> A1111Parameters.putLong(out, "seed", v);
                case "-s", "--steps" -> A1111Parameters.putInt(out, "steps", v);
                case "-C", "--cfg_scale" -> A1111Parameters.putDouble(out, "cfg_scale", v);
                case "-A", "--sampler" -> A1111Parameters.putString(out, "sampler", v);
                case "-W", "--width" -> A1111Parameters.putInt(out, "width", v);
                case "-H", "--height" -> A1111Parameters.putInt(out, "height", v);
                default -> { }
            }
        }
        return out;
    }

    /** NovelAI: needs Software = NovelAI; reads Description (prompt), Source (model) and the Comment JSON. */
    static Map<String, Object> novelAi(String software, String description, String source, String comment,
                                       MetadataSettings s) {
        if (software == null || !software.strip().toLowerCase(Locale.ROOT).startsWith("novelai")) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        JsonNode c = Texts.json(comment, s.jsonMaxChars());
        if (description != null) {
            out.put("prompt", Texts.truncate(description.strip(), s.promptMaxChars()));
        } else if (c != null) {
            putText(out, "prompt", c.path("prompt"), s);
        }
        if (c != null && c.isObject()) {
            putText(out, "negative_prompt", c.path("uc"), s);
            putScalar(out, "seed", c.path("seed"));
            putScalar(out, "steps", c.path("steps"));
            putScalar(out, "cfg_scale", c.path("scale"));
            putScalar(out, "sampler", c.path("sampler"));
            putScalar(out, "strength", c.path("strength"));
            putScalar(out, "noise", c.path("noise"));
        }
        A1111Parameters.putString(out, "model", source);
        return out;
    }

    /** Fooocus: the {@code parameters} JSON of the "fooocus" metadata scheme. */
    static Map<String, Object> fooocus(String parameters, String scheme, MetadataSettings s) {
        JsonNode j = Texts.json(parameters, s.jsonMaxChars());
        if (j == null || !j.isObject()) {
            return null;
        }
        String version = j.path("version").asText("");
        boolean isFooocus = "fooocus".equalsIgnoreCase(j.path("metadata_scheme").asText(""))
                || version.toLowerCase(Locale.ROOT).startsWith("fooocus")
                || (scheme != null && scheme.strip().equalsIgnoreCase("fooocus"));
        if (!isFooocus) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        putText(out, "prompt", j.path("prompt"), s);
        putText(out, "negative_prompt", j.path("negative_prompt"), s);
        A1111Parameters.putLong(out, "seed", j.path("seed").asText(null));
        putScalar(out, "steps", j.path("steps"));
        putScalar(out, "cfg_scale", j.path("guidance_scale"));
        putScalar(out, "sampler", j.path("sampler"));
        putScalar(out, "scheduler", j.path("scheduler"));
        Matcher r = PAIR.matcher(j.path("resolution").asText(""));
        if (r.matches()) {
            out.put("width", Integer.parseInt(r.group(1)));
            out.put("height", Integer.parseInt(r.group(2)));
        }
        putScalar(out, "model", j.path("base_model"));
        putScalar(out, "model_hash", j.path("base_model_hash"));
        putScalar(out, "refiner_model", j.path("refiner_model"));
        putScalar(out, "performance", j.path("performance"));
        putScalar(out, "version", j.path("version"));
        return out;
    }

    private static void putScalar(Map<String, Object> out, String key, JsonNode n) {
        Object v = Texts.scalar(n);
        if (v != null && !(v instanceof String str && str.isBlank())) {
            out.put(key, v);
        }
    }

    private static void putText(Map<String, Object> out, String key, JsonNode n, MetadataSettings s) {
        if (n != null && n.isTextual() && !n.asText().isBlank()) {
            out.put(key, Texts.truncate(n.asText().strip(), s.promptMaxChars()));
        }
    }
}
