package dev.unmask.core.report;

import static dev.unmask.core.report.Html.escape;
import static dev.unmask.core.report.Html.fmt2;

import dev.unmask.api.AnalyzerResult;
import dev.unmask.api.Artifact;
import dev.unmask.api.Evidence;
import dev.unmask.api.Finding;
import dev.unmask.core.scan.AnalyzerRun;
import dev.unmask.core.scan.FileResult;
import dev.unmask.core.scan.Label;
import dev.unmask.core.scan.Verdict;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * Renders one file's section of the HTML report straight to a writer: identity, verdict with reason, scores and
 * drivers, what was and was not checked, the error, and every analyzer run with its findings, typed values and
 * pictures (embedded as base64 data URIs, encoded in chunks so no second copy of a picture is built).
 */
final class HtmlFileSection {
    /** Bytes per base64 chunk; a multiple of 3 so concatenated chunks equal the one-piece encoding. */
    private static final int B64_CHUNK = 3 * 16_384;
    /** Picture types a browser shows from a data URI; anything else is listed, not embedded. */
    private static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    /** Pictures narrower than this (e.g. block-level heatmaps) are enlarged by a whole factor, pixels kept sharp. */
    private static final int MIN_SHOWN_WIDTH = 192;

    private HtmlFileSection() {}

    /** The anchor id of the {@code ordinal}-th file (0-based) of the report. */
    static String anchor(int ordinal) {
        return "file-" + (ordinal + 1);
    }

    /** Writes the section of one file. */
    static void write(Writer w, int ordinal, FileResult r) throws IOException {
        Verdict v = r.verdict();
        w.write("<section class=\"file card l-" + Html.token(v.label().json()) + "\" id=\"" + anchor(ordinal) + "\">\n");
        w.write("<a class=\"top\" href=\"#summary\">\u2191 summary</a>\n");
        w.write("<h2><span class=\"muted\">#" + (ordinal + 1) + "</span> " + escape(r.path()) + "</h2>\n");
        w.write("<dl class=\"meta\">\n<dt>Path</dt><dd>" + escape(r.path()) + "</dd>\n");
        w.write("<dt>SHA-256</dt><dd><code>" + (r.sha256() == null ? "not computed (file not read)" : escape(r.sha256()))
                + "</code></dd>\n");
        w.write("<dt>Size</dt><dd>" + escape(Html.size(r.sizeBytes())) + "</dd>\n");
        w.write("<dt>Format</dt><dd>" + escape(r.mediaTypeId()) + " <span class=\"muted\">(" + escape(r.mime()) + ")</span></dd>\n");
        w.write("<dt>Dimensions</dt><dd>" + dimensions(r) + "</dd>\n</dl>\n");
        if (r.preview() != null) {
            writeArtifact(w, r.preview());
        }
        if (r.error() != null) {
            w.write("<div class=\"error\" role=\"alert\"><strong>Error: could not be analysed</strong> <code>"
                    + escape(r.error().code()) + "</code><br/>" + escape(r.error().message()) + "</div>\n");
        }
        writeVerdict(w, v);
        w.write("<h3>Analyzer runs</h3>\n");
        if (r.runs().isEmpty()) {
            w.write("<p class=\"muted\">No analyzer ran on this file.</p>\n");
        }
        for (AnalyzerRun run : r.runs()) {
            writeRun(w, run);
        }
        w.write("</section>\n");
    }

    static String dimensions(FileResult r) {
        return r.width() > 0 ? r.width() + " \u00d7 " + r.height() + " px" : "<span class=\"null\">not decoded</span>";
    }

    private static void writeVerdict(Writer w, Verdict v) throws IOException {
        String badge = "<span class=\"badge l-" + Html.token(v.label().json()) + "\">" + escape(v.label().display()) + "</span>";
        if (v.label() == Label.NOT_APPLICABLE) {
            // nothing was weighed: a confidence of 0 and empty score bars would only suggest otherwise
            w.write("<p>" + badge + "</p>\n<p class=\"reason\">" + escape(v.reason()) + "</p>\n");
        } else {
            w.write("<p>" + badge + " confidence " + Html.bar(v.confidence(), "confidence") + "</p>\n");
            w.write("<p class=\"reason\">" + escape(v.reason()) + "</p>\n");
            w.write("<table class=\"scores\" style=\"width:auto\"><tbody>\n");
            w.write("<tr><td>synthetic</td><td>" + Html.bar(v.synthetic(), "synthetic") + "</td></tr>\n");
            w.write("<tr><td>manipulated</td><td>" + Html.bar(v.manipulated(), "manipulated") + "</td></tr>\n");
            w.write("<tr><td>authentic</td><td>" + Html.bar(v.authentic(), "authentic") + "</td></tr>\n");
            w.write("</tbody></table>\n");
        }
        w.write("<h3>What drove the verdict</h3>\n");
        if (v.drivers().isEmpty()) {
            w.write("<p class=\"muted\">No finding with a score above 0 contributed.</p>\n");
        } else {
            w.write("<table><thead><tr><th>Analyzer</th><th>Finding</th><th>Evidence</th><th class=\"n\">Score</th>"
                    + "<th class=\"n\">Weight</th><th class=\"n\">Contribution</th></tr></thead><tbody>\n");
            for (Verdict.Driver d : v.drivers()) {
                w.write("<tr><td><code>" + escape(d.analyzer()) + "</code></td><td>" + escape(d.title())
                        + "<br/><code class=\"muted\">" + escape(d.code()) + "</code></td><td>" + evidence(d.evidence())
                        + "</td><td class=\"n\">" + fmt2(d.score()) + "</td><td class=\"n\">" + fmt2(d.weight())
                        + "</td><td class=\"n\">" + Html.bar(d.contribution(), d.evidence()) + "</td></tr>\n");
            }
            w.write("</tbody></table>\n");
        }
        w.write("<h3>Checked</h3>\n");
        if (v.checked().isEmpty()) {
            w.write("<p class=\"muted\">No analyzer ran to completion.</p>\n");
        } else {
            w.write("<ul class=\"plain\">");
            for (String c : v.checked()) {
                w.write("<li><code>" + escape(c) + "</code></li>");
            }
            w.write("</ul>\n");
        }
        if (!v.notChecked().isEmpty()) {
            w.write("<h3>Not checked</h3>\n<ul class=\"plain\">");
            for (Verdict.NotChecked n : v.notChecked()) {
                w.write("<li><code>" + escape(n.analyzer()) + "</code> <span class=\"st st-" + Html.token(n.status())
                        + "\">" + escape(n.status().replace('_', ' ')) + "</span>: " + escape(n.reason()) + "</li>");
            }
            w.write("</ul>\n");
        }
    }

    private static String evidence(String e) {
        return "<span class=\"ev ev-" + Html.token(e) + "\">" + escape(e.toLowerCase(Locale.ROOT)) + "</span>";
    }

    private static void writeRun(Writer w, AnalyzerRun run) throws IOException {
        AnalyzerResult res = run.result();
        String status = res.status().name().toLowerCase(Locale.ROOT);
        w.write("<div class=\"run\">\n<h4>" + escape(run.info().name()) + " <code class=\"muted\">" + escape(run.info().id())
                + "</code> <span class=\"muted\">v" + escape(run.info().version()) + "</span> <span class=\"st st-"
                + Html.token(status) + "\">" + escape(status.replace('_', ' ')) + "</span> <span class=\"muted num\">"
                + String.format(Locale.ROOT, "%.1f ms", run.elapsedMillis()) + "</span></h4>\n");
        w.write("<p>" + escape(res.summary()) + "</p>\n");
        for (Finding f : res.findings()) {
            writeFinding(w, f);
        }
        if (!res.features().isEmpty()) {
            w.write("<p class=\"muted\">Feature vectors: ");
            boolean first = true;
            for (var e : res.features().entrySet()) {
                w.write((first ? "" : ", ") + "<code>" + escape(e.getKey()) + "</code> ("
                        + (e.getValue() == null ? 0 : e.getValue().length) + " values)");
                first = false;
            }
            w.write("</p>\n");
        }
        w.write("</div>\n");
    }

    private static void writeFinding(Writer w, Finding f) throws IOException {
        String ev = f.evidence().name().toLowerCase(Locale.ROOT);
        w.write("<div class=\"finding f-" + Html.token(ev) + "\">\n<div><strong>" + escape(f.title()) + "</strong> "
                + evidence(ev) + (f.evidence() == Evidence.INFO ? "" : " score " + Html.bar(f.score(), ev))
                + "</div>\n<div><code class=\"muted\">" + escape(f.code()) + "</code></div>\n");
        if (!f.detail().isEmpty()) {
            w.write("<p class=\"detail\">" + escape(f.detail()) + "</p>\n");
        }
        if (!f.values().isEmpty()) {
            HtmlValues.table(w, f.values(), 0);
        }
        for (Artifact a : f.artifacts()) {
            writeArtifact(w, a);
        }
        w.write("</div>\n");
    }

    private static void writeArtifact(Writer w, Artifact a) throws IOException {
        String mime = a.mimeType().toLowerCase(Locale.ROOT);
        String kind = a.kind().name().toLowerCase(Locale.ROOT);
        String size = a.width() > 0 ? ", " + a.width() + " \u00d7 " + a.height() + " px" : "";
        w.write("<figure>");
        if (IMAGE_TYPES.contains(mime)) {
            w.write("<img src=\"data:" + mime + ";base64,");
            writeBase64(w, a.data());
            w.write("\" alt=\"" + escape(a.caption()) + "\"");
            if (a.width() > 0 && a.height() > 0) {
                w.write(" width=\"" + a.width() + "\" height=\"" + a.height() + "\"");
                if (a.width() < MIN_SHOWN_WIDTH) {
                    int k = (MIN_SHOWN_WIDTH + a.width() - 1) / a.width();
                    w.write(" class=\"px\" style=\"width:" + a.width() * k + "px\"");
                }
            }
            w.write("/>");
        } else {
            w.write("<p class=\"muted\">Picture of type " + escape(a.mimeType()) + " not embedded.</p>");
        }
        w.write("<figcaption><strong>" + escape(a.name()) + "</strong> <span class=\"muted\">(" + escape(kind) + size
                + ")</span>: " + escape(a.caption()) + "</figcaption></figure>\n");
    }

    /** Writes {@code data} as base64 in bounded chunks. */
    static void writeBase64(Writer w, byte[] data) throws IOException {
        Base64.Encoder enc = Base64.getEncoder();
        for (int off = 0; off < data.length; off += B64_CHUNK) {
            int len = Math.min(B64_CHUNK, data.length - off);
            byte[] chunk = Arrays.copyOfRange(data, off, off + len);
            w.write(new String(enc.encode(chunk), StandardCharsets.ISO_8859_1));
        }
    }
}
