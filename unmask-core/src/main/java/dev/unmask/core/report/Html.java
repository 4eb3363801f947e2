package dev.unmask.core.report;

import java.util.Locale;

/**
 * Text helpers for the HTML report. Every piece of data placed in the report (paths, metadata values such as
 * generator prompts, analyzer summaries) goes through {@link #escape}, so hostile strings stay text.
 */
public final class Html {
    private Html() {}

    /**
     * Escapes text for use in HTML element content and in quoted attribute values, and keeps the output
     * well-formed XML: {@code & < > " '} become character references; control characters other than tab,
     * line feed and carriage return, unpaired surrogates and the non-characters U+FFFE/U+FFFF (all illegal
     * in XML 1.0) become U+FFFD. {@code null} becomes the empty string.
     */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = null;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            int width = 1;
            if (rep == null) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    width = 2;
                } else if (!legal(c)) {
                    rep = "\uFFFD";
                }
            }
            if (rep != null && b == null) {
                b = new StringBuilder(n + 16).append(s, 0, i);
            }
            if (b != null) {
                if (rep != null) {
                    b.append(rep);
                } else {
                    b.append(s, i, i + width);
                }
            }
            i += width - 1;
        }
        return b == null ? s : b.toString();
    }

    private static boolean legal(char c) {
        if (c < 0x20) {
            return c == '\t' || c == '\n' || c == '\r';
        }
        if (c >= 0x7F && c <= 0x9F) {
            return false; // C1 controls: legal in XML 1.0 but discouraged, and invisible to readers
        }
        return !Character.isSurrogate(c) && c != '\uFFFE' && c != '\uFFFF';
    }

    /** Escapes and shortens text longer than {@code max} characters, saying how much was left out. */
    static String escapeLimited(String s, int max) {
        if (s == null || s.length() <= max) {
            return escape(s);
        }
        int cut = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return escape(s.substring(0, cut)) + "<span class=\"more\">\u2026 (" + (s.length() - cut) + " more characters)</span>";
    }

    /** A score or confidence with two decimals. */
    static String fmt2(double x) {
        return String.format(Locale.ROOT, "%.2f", x);
    }

    /** A value for a values table: integers as such, others with at most 4 decimals or in scientific form. */
    static String number(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return n.toString();
        }
        double d = n.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.toString(d);
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        double a = Math.abs(d);
        if (a >= 1e-3 && a < 1e7) {
            String s = String.format(Locale.ROOT, "%.4f", d);
            int end = s.length();
            while (s.charAt(end - 1) == '0') {
                end--;
            }
            return s.substring(0, s.charAt(end - 1) == '.' ? end - 1 : end);
        }
        return String.format(Locale.ROOT, "%.3e", d);
    }

    /** File size for readers, e.g. "1.2 MB (1234567 bytes)". */
    static String size(long bytes) {
        if (bytes < 0) {
            return "unknown";
        }
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s (%d bytes)", v, units[u], bytes);
    }

    /** A CSS class-safe token of a label or evidence name (lower case letters, digits and '-'). */
    static String token(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /** A horizontal bar for a value in [0,1] followed by the value, e.g. for scores. */
    static String bar(double x, String kind) {
        double c = Math.max(0, Math.min(1, Double.isNaN(x) ? 0 : x));
        return "<span class=\"bar bar-" + token(kind) + "\"><span style=\"width:" + String.format(Locale.ROOT, "%.1f", c * 100)
                + "%\"></span></span> <span class=\"num\">" + fmt2(x) + "</span>";
    }
}
