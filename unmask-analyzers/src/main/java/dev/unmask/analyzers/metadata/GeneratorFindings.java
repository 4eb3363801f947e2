package dev.unmask.analyzers.metadata;

import com.drew.metadata.iptc.IptcDirectory;
import dev.unmask.api.Evidence;
import dev.unmask.api.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns generator records (parsed by {@link A1111Parameters}, {@link GeneratorParsers} and
 * {@link StealthPngInfo}) and known generator names in software fields into {@link Evidence#SYNTHETIC} findings.
 */
final class GeneratorFindings {
    /**
     * Score of a parsed generation record (prompt, seed, sampler...): an explicit declaration written by the
     * generator itself. Not 1: a record can be copied into another file on purpose.
     */
    static final double RECORD_SCORE = 0.97;
    /** Score of a record hidden in the pixel LSBs: written by a generator extension, and survives stripping. */
    static final double STEALTH_SCORE = 0.97;
    /** Score of a known generator's name in a software field: a declaration, but without any parameters. */
    static final double NAME_SCORE = 0.9;

    private final MetadataSnapshot snap;
    private final MetadataSettings settings;
    private final List<Finding> findings = new ArrayList<>();
    private final List<String> generators = new ArrayList<>();

    GeneratorFindings(MetadataSnapshot snap, MetadataSettings settings) {
        this.snap = snap;
        this.settings = settings;
    }

    /** The findings made so far. */
    List<Finding> findings() {
        return findings;
    }

    /** Names of the generators found, for the summary. */
    List<String> generators() {
        return generators;
    }

    /** Checks the text records and software fields; {@code stealth} is the LSB payload or null. */
    GeneratorFindings run(StealthPngInfo.Result stealth) {
        int p = settings.promptMaxChars();
        String params = snap.pngText("parameters");
        String scheme = snap.pngText("fooocus_scheme");
        Map<String, Object> fooocus = GeneratorParsers.fooocus(params, scheme, settings);
        if (fooocus != null) {
            record("fooocus", "Fooocus", "PNG text chunks 'parameters' (JSON) and 'fooocus_scheme'", fooocus);
        } else {
            Map<String, Object> a = A1111Parameters.parse(params, p);
            if (a != null) {
                record("a1111", flavour(a, scheme), "PNG text chunk 'parameters'", a);
            }
        }
        String comment = snap.userComment();
        Map<String, Object> exifA1111 = A1111Parameters.parse(comment, p);
        if (exifA1111 != null) {
            record("a1111", flavour(exifA1111, null), "EXIF UserComment", exifA1111);
        }
        Map<String, Object> comfy = GeneratorParsers.comfy(snap.pngText("prompt"), snap.pngText("workflow"), settings);
        if (comfy != null) {
            record("comfyui", "ComfyUI", "PNG text chunks 'prompt'/'workflow' (JSON node graph)", comfy);
        }
        Map<String, Object> invoke = GeneratorParsers.invoke(snap.pngText("invokeai_metadata"),
                snap.pngText("sd-metadata"), snap.pngText("Dream"), settings);
        if (invoke != null) {
            record("invokeai", "InvokeAI", "PNG text chunk '" + invoke.get("record") + "'", invoke);
        }
        Map<String, Object> nai = GeneratorParsers.novelAi(snap.pngText("Software"), snap.pngText("Description"),
                snap.pngText("Source"), snap.pngText("Comment"), settings);
        if (nai != null) {
            record("novelai", "NovelAI", "PNG text chunks 'Software', 'Description', 'Source', 'Comment'", nai);
        }
        if (stealth != null) {
            stealth(stealth);
        }
        if (findings.isEmpty()) {
            softwareNames();
        }
        return this;
    }

    private static String flavour(Map<String, Object> a, String fooocusScheme) {
        Object v = a.get("version");
        if (fooocusScheme != null || (v instanceof String s && s.toLowerCase(java.util.Locale.ROOT).startsWith("fooocus"))) {
            return "Fooocus";
        }
        return A1111Parameters.flavour(a);
    }

    private void record(String id, String name, String where, Map<String, Object> values) {
        Finding.Builder b = Finding.of("metadata.generator." + id, Evidence.SYNTHETIC, RECORD_SCORE)
                .title(name + " generation parameters are embedded in the file")
                .detail("The " + where + " holds the record that " + name + " writes when it saves a generated image"
                        + " (prompt, seed, sampler, model). This is an explicit declaration by the generator, strong"
                        + " evidence that the image was generated; it could only mislead if someone copied such a"
                        + " record into another file on purpose. Metadata is easily stripped, so its absence in"
                        + " other files means nothing. Prompts are cut to " + settings.promptMaxChars() + " characters.")
                .value("generator", name)
                .value("source", where);
        values.forEach(b::value);
        findings.add(b.build());
        addGenerator(name);
    }

    private void stealth(StealthPngInfo.Result r) {
        Map<String, Object> values = A1111Parameters.parse(r.text(), settings.promptMaxChars());
        String name = values == null ? "AUTOMATIC1111 stealth-pnginfo" : flavour(values, null);
        if (values == null) {
            values = new LinkedHashMap<>();
            values.put("payload", Texts.truncate(r.text().strip(), settings.promptMaxChars()));
        }
        Finding.Builder b = Finding.of("metadata.generator.stealth", Evidence.SYNTHETIC, STEALTH_SCORE)
                .title("Generation parameters are hidden in the least significant bits of the pixels")
                .detail("The image carries the '" + r.signature() + "' signature of the stealth-pnginfo extension"
                        + " (AUTOMATIC1111, NovelAI): the generation record is written bit by bit into the lowest bit"
                        + " of the " + (r.signature().contains("rgb") ? "colour channels" : "alpha channel")
                        + ", column by column, so it survives metadata stripping. It is only written by generator"
                        + " tools: strong evidence that the image was generated. Re-encoding destroys it, so its"
                        + " absence means nothing.")
                .value("generator", name)
                .value("signature", r.signature());
        values.forEach(b::value);
        findings.add(b.build());
        addGenerator(name + " (stealth)");
    }

    /** Known generator names in software fields (only when no parsed record was found). */
    private void softwareNames() {
        Map<String, String> fields = softwareFields(snap);
        for (Map.Entry<String, String> f : fields.entrySet()) {
            var name = KnownNames.GENERATORS.find(f.getValue());
            if (name.isPresent() && !generators.contains(name.get())) {
                findings.add(Finding.of("metadata.generator.software", Evidence.SYNTHETIC, NAME_SCORE)
                        .title("The software field names the AI image generator " + name.get())
                        .detail("The " + f.getKey() + " field, which records the program that wrote the file, names a"
                                + " known AI image generator. This is an explicit declaration: strong evidence of"
                                + " generation, though it carries no parameters and is easy to forge or strip (its"
                                + " absence means nothing).")
                        .value("generator", name.get())
                        .value("field", f.getKey())
                        .value("text", Texts.truncate(f.getValue(), settings.promptMaxChars()))
                        .build());
                addGenerator(name.get());
            }
        }
    }

    private void addGenerator(String name) {
        if (!generators.contains(name)) {
            generators.add(name);
        }
    }

    /**
     * Fields that name the writing program: EXIF Software, XMP CreatorTool / softwareAgent / Software / Credit,
     * PNG Software and Source text, IPTC Originating Program and Credit. Keys are display names, in that order.
     */
    static Map<String, String> softwareFields(MetadataSnapshot snap) {
        Map<String, String> out = new LinkedHashMap<>();
        put(out, "EXIF Software", snap.exifSoftware());
        int i = 0;
        for (String v : snap.xmpValuesEndingWith("CreatorTool")) {
            put(out, "XMP CreatorTool" + (i++ == 0 ? "" : " #" + i), v);
        }
        List<String> agents = snap.xmpValuesEndingWith("softwareAgent");
        for (int k = 0; k < agents.size(); k++) {
            if (!out.containsValue(agents.get(k))) {
                put(out, "XMP History softwareAgent #" + (k + 1), agents.get(k));
            }
        }
        for (String v : snap.xmpValuesEndingWith("Software")) {
            put(out, "XMP Software", v);
        }
        for (String v : snap.xmpValuesEndingWith("Credit")) {
            put(out, "XMP Credit", v);
        }
        put(out, "PNG Software", snap.pngText("Software"));
        put(out, "PNG Source", snap.pngText("Source"));
        put(out, "IPTC Originating Program", snap.string(IptcDirectory.class, IptcDirectory.TAG_ORIGINATING_PROGRAM));
        put(out, "IPTC Credit", snap.string(IptcDirectory.class, IptcDirectory.TAG_CREDIT));
        return out;
    }

    private static void put(Map<String, String> out, String key, String v) {
        if (v != null && !v.isBlank() && !out.containsKey(key)) {
            out.put(key, v.strip());
        }
    }
}
