package dev.unmask.core.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.unmask.api.AnalyzerInfo;
import dev.unmask.api.Artifact;
import dev.unmask.api.Finding;
import dev.unmask.core.scan.AnalyzerRun;
import dev.unmask.core.scan.FileResult;
import dev.unmask.core.scan.Verdict;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Streams scan results as one JSON document following {@code schema/scan-result.schema.json} (version
 * {@link #SCHEMA_VERSION}). Results are written as they arrive, so memory does not grow with the batch.
 * When an artifact folder is given, pictures are written there and referenced by relative path; otherwise
 * they are listed without their bytes.
 */
public final class ScanJsonWriter implements AutoCloseable {
    /** Version of the JSON schema this writer follows. Bump on any incompatible change. */
    public static final String SCHEMA_VERSION = "1.0";

    private final JsonGenerator g;
    private final Path artifactRoot;
    private final Path artifactBase;
    private final Map<String, Integer> byLabel = new TreeMap<>();
    private int files;
    private int errors;

    /**
     * @param out where the document goes (not closed by this writer)
     * @param pretty indent for humans
     * @param artifactRoot folder to write artifact files into, or null
     * @param artifactBase folder that artifact paths in the JSON are relative to (the JSON file's folder), or null
     */
    public ScanJsonWriter(Writer out, boolean pretty, Path artifactRoot, Path artifactBase) throws IOException {
        JsonFactory f = new JsonFactory();
        f.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        this.g = f.createGenerator(out);
        if (pretty) {
            g.useDefaultPrettyPrinter();
        }
        this.artifactRoot = artifactRoot;
        this.artifactBase = artifactBase;
    }

    /** Writes the document head: tool, settings and the analyzers in use. */
    public void begin(String toolVersion, Instant started, List<AnalyzerInfo> analyzers, Map<String, Object> settings)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("schema_version", SCHEMA_VERSION);
        g.writeObjectFieldStart("tool");
        g.writeStringField("name", "unmask");
        g.writeStringField("version", toolVersion);
        g.writeEndObject();
        g.writeStringField("started", started.toString());
        g.writeArrayFieldStart("analyzers");
        for (AnalyzerInfo a : analyzers) {
            g.writeStartObject();
            g.writeStringField("id", a.id());
            g.writeStringField("name", a.name());
            g.writeStringField("version", a.version());
            g.writeStringField("description", a.description());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName("settings");
        writeValue(settings);
        g.writeArrayFieldStart("files");
    }

    /** Writes one file's result. */
    public void write(FileResult r) throws IOException {
        files++;
        if (r.error() != null) {
            errors++;
        }
        byLabel.merge(r.verdict().label().json(), 1, Integer::sum);
        g.writeStartObject();
        g.writeStringField("path", r.path());
        if (r.sha256() == null) {
            g.writeNullField("sha256");
        } else {
            g.writeStringField("sha256", r.sha256());
        }
        g.writeNumberField("size_bytes", r.sizeBytes());
        g.writeObjectFieldStart("media_type");
        g.writeStringField("id", r.mediaTypeId());
        g.writeStringField("mime", r.mime());
        g.writeEndObject();
        if (r.width() > 0) {
            g.writeNumberField("width", r.width());
            g.writeNumberField("height", r.height());
        }
        if (r.preview() != null && artifactRoot != null) {
            g.writeStringField("preview", relative(ArtifactFiles.write(artifactRoot, r, "file", r.preview())));
        }
        writeVerdict(r.verdict());
        g.writeArrayFieldStart("analyzers");
        for (AnalyzerRun run : r.runs()) {
            writeRun(r, run);
        }
        g.writeEndArray();
        if (r.error() == null) {
            g.writeNullField("error");
        } else {
            g.writeObjectFieldStart("error");
            g.writeStringField("code", r.error().code());
            g.writeStringField("message", r.error().message());
            g.writeEndObject();
        }
        g.writeEndObject();
        g.flush();
    }

    /** Writes the summary and closes the document. */
    public void end(Instant finished) throws IOException {
        g.writeEndArray();
        g.writeStringField("finished", finished.toString());
        g.writeObjectFieldStart("summary");
        g.writeNumberField("files", files);
        g.writeNumberField("analysed", files - errors);
        g.writeNumberField("errors", errors);
        g.writeObjectFieldStart("by_label");
        for (var l : dev.unmask.core.scan.Label.values()) {
            g.writeNumberField(l.json(), byLabel.getOrDefault(l.json(), 0));
        }
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
        g.flush();
    }

    @Override
    public void close() throws IOException {
        g.close();
    }

    private void writeVerdict(Verdict v) throws IOException {
        g.writeObjectFieldStart("verdict");
        g.writeStringField("label", v.label().json());
        g.writeStringField("display", v.label().display());
        g.writeNumberField("confidence", round(v.confidence()));
        g.writeObjectFieldStart("scores");
        g.writeNumberField("synthetic", round(v.synthetic()));
        g.writeNumberField("manipulated", round(v.manipulated()));
        g.writeNumberField("authentic", round(v.authentic()));
        g.writeEndObject();
        g.writeStringField("reason", v.reason());
        g.writeArrayFieldStart("drivers");
        for (Verdict.Driver d : v.drivers()) {
            g.writeStartObject();
            g.writeStringField("analyzer", d.analyzer());
            g.writeStringField("code", d.code());
            g.writeStringField("title", d.title());
            g.writeStringField("evidence", d.evidence());
            g.writeNumberField("score", round(d.score()));
            g.writeNumberField("weight", round(d.weight()));
            g.writeNumberField("contribution", round(d.contribution()));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("checked");
        for (String c : v.checked()) {
            g.writeString(c);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("not_checked");
        for (Verdict.NotChecked n : v.notChecked()) {
            g.writeStartObject();
            g.writeStringField("analyzer", n.analyzer());
            g.writeStringField("status", n.status());
            g.writeStringField("reason", n.reason());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void writeRun(FileResult file, AnalyzerRun run) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", run.info().id());
        g.writeStringField("version", run.info().version());
        g.writeStringField("status", run.result().status().name().toLowerCase(java.util.Locale.ROOT));
        g.writeStringField("summary", run.result().summary());
        g.writeNumberField("elapsed_ms", Math.round(run.elapsedMillis() * 10) / 10.0);
        g.writeArrayFieldStart("findings");
        for (Finding f : run.result().findings()) {
            g.writeStartObject();
            g.writeStringField("code", f.code());
            g.writeStringField("title", f.title());
            g.writeStringField("detail", f.detail());
            g.writeStringField("evidence", f.evidence().name().toLowerCase(java.util.Locale.ROOT));
            g.writeNumberField("score", round(f.score()));
            g.writeFieldName("values");
            writeValue(f.values());
            g.writeArrayFieldStart("artifacts");
            for (Artifact a : f.artifacts()) {
                writeArtifact(file, run, a);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("features");
        for (var e : run.result().features().entrySet()) {
            g.writeArrayFieldStart(e.getKey());
            for (double x : e.getValue()) {
                g.writeNumber(x);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private void writeArtifact(FileResult file, AnalyzerRun run, Artifact a) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", a.name());
        g.writeStringField("caption", a.caption());
        g.writeStringField("kind", a.kind().name().toLowerCase(java.util.Locale.ROOT));
        g.writeStringField("mime", a.mimeType());
        g.writeNumberField("width", a.width());
        g.writeNumberField("height", a.height());
        if (artifactRoot != null) {
            g.writeStringField("file", relative(ArtifactFiles.write(artifactRoot, file, run.info().id(), a)));
        }
        g.writeEndObject();
    }

    private String relative(Path f) {
        Path rel = artifactBase == null ? f : artifactBase.toAbsolutePath().relativize(f.toAbsolutePath());
        return rel.toString().replace('\\', '/');
    }

    @SuppressWarnings("unchecked")
    private void writeValue(Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof Float d) {
            g.writeNumber(d);
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Number n) {
            g.writeNumber(n.doubleValue());
        } else if (v instanceof double[] arr) {
            g.writeStartArray();
            for (double x : arr) {
                g.writeNumber(x);
            }
            g.writeEndArray();
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object x : l) {
                writeValue(x);
            }
            g.writeEndArray();
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (var e : ((Map<Object, Object>) m).entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                writeValue(e.getValue());
            }
            g.writeEndObject();
        } else {
            g.writeString(String.valueOf(v));
        }
    }

    /** Scores are written with 4 decimals: more would suggest a precision the methods do not have. */
    static double round(double x) {
        return Math.round(x * 10000) / 10000.0;
    }
}
