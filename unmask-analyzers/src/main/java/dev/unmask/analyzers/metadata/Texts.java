package dev.unmask.analyzers.metadata;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;

/** Small text helpers: truncation, lenient number parsing and bounded JSON parsing. */
final class Texts {
    private static final int MAX_JSON_DEPTH = 200;

    /** Created on first use: Jackson's start-up costs a few hundred milliseconds that files without JSON skip. */
    private static final class Json {
        static final ObjectMapper MAPPER = JsonMapper.builder().build();

        static {
            MAPPER.getFactory().setStreamReadConstraints(
                    StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_DEPTH).build());
        }
    }

    private Texts() {}

    /** {@code s} cut to {@code max} characters, ending with an ellipsis when cut. */
    static String truncate(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "\u2026";
    }

    static Long parseLong(String v) {
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            Double d = parseDouble(v);
            return d != null && d == Math.rint(d) && Math.abs(d) < 9.0e15 ? (long) (double) d : null;
        }
    }

    static Double parseDouble(String v) {
        if (v == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(v.strip());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Parses {@code text} as a JSON object or array; null when it is not JSON or longer than {@code maxChars}. */
    static JsonNode json(String text, int maxChars) {
        if (text == null || text.length() > maxChars) {
            return null;
        }
        String t = text.strip();
        if (!(t.startsWith("{") || t.startsWith("["))) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(t);
        } catch (Exception e) {
            return null;
        }
    }

    /** A JSON value as a finding value: number, string or boolean; null for containers and null. */
    static Object scalar(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode() || n.isContainerNode()) {
            return null;
        }
        if (n.isIntegralNumber()) {
            return n.canConvertToLong() ? (Object) n.longValue() : n.asText();
        }
        if (n.isNumber()) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? d : null;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        return n.asText();
    }

    /** Joins a short list for display. */
    static String join(List<String> items) {
        return String.join(", ", items);
    }
}
