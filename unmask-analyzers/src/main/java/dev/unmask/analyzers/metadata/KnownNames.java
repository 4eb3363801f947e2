package dev.unmask.analyzers.metadata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A list of software names with their patterns, loaded from a resource file of lines
 * {@code Display name = regex} ({@code #} starts a comment). The lists live in {@code generators.txt} (AI image
 * generators) and {@code editors.txt} (image editors) next to this class.
 */
final class KnownNames {
    /** AI image generators. */
    static final KnownNames GENERATORS = load("generators.txt");
    /** Image editing software. */
    static final KnownNames EDITORS = load("editors.txt");

    /** One known name. */
    record Entry(String name, Pattern pattern) {}

    private final List<Entry> entries;

    KnownNames(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The first known name found in {@code text}. */
    Optional<String> find(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        for (Entry e : entries) {
            if (e.pattern().matcher(text).find()) {
                return Optional.of(e.name());
            }
        }
        return Optional.empty();
    }

    int size() {
        return entries.size();
    }

    static KnownNames load(String resource) {
        List<Entry> list = new ArrayList<>();
        try (InputStream in = KnownNames.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                int eq = t.indexOf(" = ");
                if (eq < 1) {
                    throw new IllegalStateException("bad line in " + resource + ": " + line);
                }
                list.add(new Entry(t.substring(0, eq).strip(), Pattern.compile(t.substring(eq + 3).strip(),
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new KnownNames(list);
    }
}
