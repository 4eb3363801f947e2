package dev.unmask.core.report;

import static dev.unmask.core.report.Html.escape;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * Renders a finding's typed values as a compact key/value table. Lists and arrays show at most
 * {@link #MAX_ITEMS} entries followed by the total count; nested maps become nested tables (at most
 * {@link #MAX_MAP_ENTRIES} entries each, {@link #MAX_DEPTH} levels deep); strings longer than
 * {@link #MAX_CHARS} are shortened. These limits keep a report readable when an analyzer exposes a long vector.
 */
final class HtmlValues {
    /** Entries of a list, array or map shown before truncation. */
    static final int MAX_ITEMS = 16;
    /** Entries of a map shown before truncation. */
    static final int MAX_MAP_ENTRIES = 64;
    /** Characters of one string value shown before truncation (generator prompts can be long). */
    static final int MAX_CHARS = 4000;
    /** Nesting depth rendered; deeper structures are summarised. */
    static final int MAX_DEPTH = 6;

    private HtmlValues() {}

    /** Writes a table of the map's entries. */
    static void table(Writer w, Map<?, ?> values, int depth) throws IOException {
        w.write("<table class=\"kv\"><tbody>");
        int shown = 0;
        for (var e : values.entrySet()) {
            if (shown == MAX_MAP_ENTRIES) {
                w.write("<tr><td colspan=\"2\" class=\"more\">\u2026 " + (values.size() - shown) + " more entries ("
                        + values.size() + " in all)</td></tr>");
                break;
            }
            w.write("<tr><th>" + escape(String.valueOf(e.getKey())) + "</th><td class=\"v\">");
            value(w, e.getValue(), depth + 1);
            w.write("</td></tr>");
            shown++;
        }
        w.write("</tbody></table>\n");
    }

    /** Writes one value. */
    static void value(Writer w, Object v, int depth) throws IOException {
        if (v == null) {
            w.write("<span class=\"null\">null</span>");
        } else if (v instanceof String s) {
            w.write(Html.escapeLimited(s, MAX_CHARS));
        } else if (v instanceof Number n) {
            w.write(escape(Html.number(n)));
        } else if (v instanceof Boolean b) {
            w.write(b.toString());
        } else if (v instanceof double[] a) {
            w.write("[");
            int n = Math.min(a.length, MAX_ITEMS);
            for (int i = 0; i < n; i++) {
                w.write((i > 0 ? ", " : "") + escape(Html.number(a[i])));
            }
            w.write(a.length > n ? ", <span class=\"more\">\u2026 (" + a.length + " values)</span>]" : "]");
        } else if (v instanceof List<?> l) {
            list(w, l, depth);
        } else if (v instanceof Map<?, ?> m) {
            if (depth > MAX_DEPTH) {
                w.write("<span class=\"more\">(nested map of " + m.size() + " entries)</span>");
            } else if (m.isEmpty()) {
                w.write("<span class=\"null\">{}</span>");
            } else {
                table(w, m, depth);
            }
        } else {
            w.write(Html.escapeLimited(String.valueOf(v), MAX_CHARS));
        }
    }

    private static void list(Writer w, List<?> l, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            w.write("<span class=\"more\">(nested list of " + l.size() + " items)</span>");
            return;
        }
        boolean flat = l.stream().noneMatch(x -> x instanceof Map<?, ?> || x instanceof List<?> || x instanceof double[]);
        int n = Math.min(l.size(), MAX_ITEMS);
        if (flat) {
            w.write("[");
            for (int i = 0; i < n; i++) {
                w.write(i > 0 ? ", " : "");
                value(w, l.get(i), depth + 1);
            }
            w.write(l.size() > n ? ", <span class=\"more\">\u2026 (" + l.size() + " items)</span>]" : "]");
            return;
        }
        if (isRecordList(l)) {
            rows(w, l, n, depth);
            return;
        }
        w.write("<table class=\"kv\"><tbody>");
        for (int i = 0; i < n; i++) {
            w.write("<tr><th class=\"n\">" + i + "</th><td class=\"v\">");
            value(w, l.get(i), depth + 1);
            w.write("</td></tr>");
        }
        if (l.size() > n) {
            w.write("<tr><td colspan=\"2\" class=\"more\">\u2026 (" + l.size() + " items)</td></tr>");
        }
        w.write("</tbody></table>");
    }

    /** A list of maps with the same keys and flat values (peaks, region pairs): shown as one table, a row per item. */
    private static boolean isRecordList(List<?> l) {
        if (l.isEmpty() || !(l.get(0) instanceof Map<?, ?> first) || first.isEmpty() || first.size() > 12) {
            return false;
        }
        for (Object x : l) {
            if (!(x instanceof Map<?, ?> m) || !m.keySet().equals(first.keySet())) {
                return false;
            }
            for (Object v : m.values()) {
                if (v instanceof Map<?, ?> || (v instanceof List<?> inner && inner.size() > 8) || (v instanceof double[] a && a.length > 8)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void rows(Writer w, List<?> l, int n, int depth) throws IOException {
        Map<?, ?> first = (Map<?, ?>) l.get(0);
        w.write("<table class=\"rows\"><thead><tr><th class=\"n\">#</th>");
        for (Object k : first.keySet()) {
            w.write("<th>" + escape(String.valueOf(k)) + "</th>");
        }
        w.write("</tr></thead><tbody>");
        for (int i = 0; i < n; i++) {
            Map<?, ?> m = (Map<?, ?>) l.get(i);
            w.write("<tr><td class=\"n\">" + i + "</td>");
            for (Object k : first.keySet()) {
                w.write("<td class=\"v\">");
                value(w, m.get(k), depth + 1);
                w.write("</td>");
            }
            w.write("</tr>");
        }
        if (l.size() > n) {
            w.write("<tr><td colspan=\"" + (first.size() + 1) + "\" class=\"more\">\u2026 (" + l.size() + " items)</td></tr>");
        }
        w.write("</tbody></table>");
    }
}
