package dev.unmask.analyzers.metadata;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parser of the AUTOMATIC1111 stable-diffusion-webui "parameters" text (also written by Forge and SD.Next): the
 * prompt, an optional line starting {@code Negative prompt:}, and a last line of comma-separated
 * {@code Key: value} settings ({@code Steps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1, Size: 512x512, ...}).
 * The layout follows the webui's own {@code parse_generation_parameters} (modules/infotext_utils.py).
 */
final class A1111Parameters {
    /** One {@code Key: value} pair; a value may be a quoted string containing commas. */
    private static final Pattern PARAM = Pattern.compile("\\s*([\\w][\\w \\-/+.()]*?):\\s*(\"(?:\\\\.|[^\\\\\"])+\"|[^,]*)(?:,|$)");
    private static final Pattern SIZE = Pattern.compile("(\\d{1,6})\\s*x\\s*(\\d{1,6})");
    /** The settings line needs at least this many pairs (as in the webui). */
    private static final int MIN_PARAMS = 3;
    private static final String NEGATIVE = "Negative prompt:";

    private A1111Parameters() {}

    /**
     * Parses {@code text}; null when it is not in this format (no settings line with a {@code Steps} key).
     *
     * @param promptMax longest prompt kept
     * @return typed values: prompt, negative_prompt, steps, sampler, cfg_scale, seed, width, height, model_hash,
     *     model, version, and settings_count (how many settings the line held)
     */
    static Map<String, Object> parse(String text, int promptMax) {
        if (text == null) {
            return null;
        }
        String t = text.strip().replace("\r\n", "\n");
        int lastNl = t.lastIndexOf('\n');
        String last = lastNl < 0 ? t : t.substring(lastNl + 1);
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(last);
        while (m.find()) {
            if (m.group(0).isEmpty()) {
                break;
            }
            String v = m.group(2).strip();
            if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                v = v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
            }
            params.putIfAbsent(m.group(1).strip(), v);
        }
        if (params.size() < MIN_PARAMS || !params.containsKey("Steps")) {
            return null;
        }
        String body = lastNl < 0 ? "" : t.substring(0, lastNl);
        StringBuilder prompt = new StringBuilder();
        StringBuilder negative = new StringBuilder();
        boolean inNegative = false;
        for (String line : body.split("\n", -1)) {
            String l = line;
            if (!inNegative && l.strip().startsWith(NEGATIVE)) {
                inNegative = true;
                l = l.strip().substring(NEGATIVE.length()).strip();
            }
            StringBuilder target = inNegative ? negative : prompt;
            if (!target.isEmpty()) {
                target.append('\n');
            }
            target.append(l);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("prompt", Texts.truncate(prompt.toString().strip(), promptMax));
        if (inNegative) {
            out.put("negative_prompt", Texts.truncate(negative.toString().strip(), promptMax));
        }
        putInt(out, "steps", params.get("Steps"));
        putString(out, "sampler", params.get("Sampler"));
        putString(out, "schedule_type", params.get("Schedule type"));
        putDouble(out, "cfg_scale", params.get("CFG scale"));
        putLong(out, "seed", params.get("Seed"));
        String size = params.get("Size");
        if (size != null) {
            Matcher sm = SIZE.matcher(size);
            if (sm.matches()) {
                out.put("width", Integer.parseInt(sm.group(1)));
                out.put("height", Integer.parseInt(sm.group(2)));
            }
        }
        putString(out, "model_hash", params.get("Model hash"));
        putString(out, "model", params.get("Model"));
        putDouble(out, "denoising_strength", params.get("Denoising strength"));
        putString(out, "version", params.get("Version"));
        out.put("settings_count", params.size());
        return out;
    }

    /** A short name of the writing application from the Version setting (Forge writes versions starting "f"). */
    static String flavour(Map<String, Object> values) {
        Object v = values.get("version");
        if (v instanceof String s && s.toLowerCase(Locale.ROOT).startsWith("f") && s.length() > 1
                && Character.isDigit(s.charAt(1))) {
            return "AUTOMATIC1111 (Forge)";
        }
        return "AUTOMATIC1111";
    }

    static void putString(Map<String, Object> out, String key, String v) {
        if (v != null && !v.isBlank()) {
            out.put(key, v.strip());
        }
    }

    static void putInt(Map<String, Object> out, String key, String v) {
        Long l = Texts.parseLong(v);
        if (l != null && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
            out.put(key, (int) (long) l);
        }
    }

    static void putLong(Map<String, Object> out, String key, String v) {
        Long l = Texts.parseLong(v);
        if (l != null) {
            out.put(key, l);
        }
    }

    static void putDouble(Map<String, Object> out, String key, String v) {
        Double d = Texts.parseDouble(v);
        if (d != null) {
            out.put(key, d);
        }
    }
}
