package dev.unmask.api;

import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The user's settings for one analyzer, given as text ({@code --set ela.quality=90} on the command line) and
 * read through validating accessors. An analyzer reads every option it knows in {@link Analyzer#init}; keys it
 * never read are reported to the user as unknown, so a typo is never silently ignored.
 */
public final class AnalyzerOptions {
    private final String analyzerId;
    private final Map<String, String> values;
    private final Set<String> read = Collections.synchronizedSet(new HashSet<>());
    private final Map<String, String> described = Collections.synchronizedMap(new TreeMap<>());

    /**
     * @param analyzerId the analyzer these options belong to (used in messages)
     * @param values key to text value, keys without the analyzer prefix
     */
    public AnalyzerOptions(String analyzerId, Map<String, String> values) {
        this.analyzerId = analyzerId;
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** Options with every default. */
    public static AnalyzerOptions defaults(String analyzerId) {
        return new AnalyzerOptions(analyzerId, Map.of());
    }

    /** Reads an integer in [min, max], or {@code def} when unset. */
    public int getInt(String key, int def, int min, int max) {
        described.put(key, def + " (integer " + min + ".." + max + ")");
        String v = raw(key);
        if (v == null) {
            return def;
        }
        int x;
        try {
            x = Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw bad(key, v, "an integer");
        }
        if (x < min || x > max) {
            throw bad(key, v, "an integer in [" + min + ", " + max + "]");
        }
        return x;
    }

    /** Reads a finite number in [min, max], or {@code def} when unset. */
    public double getDouble(String key, double def, double min, double max) {
        described.put(key, def + " (number " + min + ".." + max + ")");
        String v = raw(key);
        if (v == null) {
            return def;
        }
        double x;
        try {
            x = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw bad(key, v, "a number");
        }
        if (!(x >= min && x <= max)) {
            throw bad(key, v, "a number in [" + min + ", " + max + "]");
        }
        return x;
    }

    /** Reads {@code true} or {@code false}, or {@code def} when unset. */
    public boolean getBoolean(String key, boolean def) {
        described.put(key, def + " (true/false)");
        String v = raw(key);
        if (v == null) {
            return def;
        }
        return switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw bad(key, v, "true or false");
        };
    }

    /** Reads a text value, or {@code def} when unset. */
    public String getString(String key, String def) {
        described.put(key, def + " (text)");
        String v = raw(key);
        return v == null ? def : v;
    }

    /** Every option the analyzer read so far, with its default and accepted range, for help listings. */
    public Map<String, String> described() {
        synchronized (described) {
            return Map.copyOf(described);
        }
    }

    /** Keys that were given but never read: unknown to the analyzer. */
    public Set<String> unreadKeys() {
        Set<String> s = new TreeSet<>(values.keySet());
        s.removeAll(read);
        return s;
    }

    private String raw(String key) {
        read.add(key);
        return values.get(key);
    }

    private IllegalArgumentException bad(String key, String v, String expected) {
        return new IllegalArgumentException(
                "option " + analyzerId + "." + key + "=" + v + " is invalid: expected " + expected);
    }
}
