package dev.unmask.core.scan;

import dev.unmask.api.Analyzer;
import dev.unmask.api.AnalyzerOptions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The analyzers of one run: discovered with {@link ServiceLoader}, optionally narrowed to a selection,
 * initialised with the user's options. Closing the set closes every analyzer.
 */
public final class AnalyzerSet implements AutoCloseable {
    private final List<Analyzer> analyzers;

    private AnalyzerSet(List<Analyzer> analyzers) {
        this.analyzers = List.copyOf(analyzers);
    }

    /** Every analyzer on the class path, sorted by id, uninitialised (for listing). */
    public static List<Analyzer> discover() {
        List<Analyzer> all = new ArrayList<>();
        for (Analyzer a : ServiceLoader.load(Analyzer.class)) {
            all.add(a);
        }
        all.sort(Comparator.comparing(a -> a.info().id()));
        Set<String> seen = new TreeSet<>();
        for (Analyzer a : all) {
            if (!seen.add(a.info().id())) {
                throw new IllegalStateException("two analyzers share the id '" + a.info().id() + "'");
            }
        }
        return all;
    }

    /**
     * Discovers, selects and initialises analyzers.
     *
     * @param only ids to run (empty = all)
     * @param skip ids not to run
     * @param options {@code "<id>.<key>" -> value}
     * @throws IllegalArgumentException for an unknown id, an invalid option or an option no analyzer reads
     */
    public static AnalyzerSet load(Set<String> only, Set<String> skip, Map<String, String> options) {
        return of(discover(), only, skip, options);
    }

    /** Selects and initialises from the given analyzers (see {@link #load}). */
    public static AnalyzerSet of(List<Analyzer> all, Set<String> only, Set<String> skip, Map<String, String> options) {
        Set<String> known = new TreeSet<>();
        all.forEach(a -> known.add(a.info().id()));
        for (String id : union(only, skip)) {
            if (!known.contains(id)) {
                throw new IllegalArgumentException("unknown analyzer '" + id + "' (known: " + String.join(", ", known) + ")");
            }
        }
        Map<String, Map<String, String>> byAnalyzer = new TreeMap<>();
        for (var e : options.entrySet()) {
            int dot = e.getKey().indexOf('.');
            if (dot <= 0 || dot == e.getKey().length() - 1) {
                throw new IllegalArgumentException("option '" + e.getKey() + "' must look like <analyzer>.<key>=<value>");
            }
            String id = e.getKey().substring(0, dot);
            if (!known.contains(id)) {
                throw new IllegalArgumentException("option '" + e.getKey() + "' names unknown analyzer '" + id + "'");
            }
            byAnalyzer.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(e.getKey().substring(dot + 1), e.getValue());
        }
        List<Analyzer> chosen = new ArrayList<>();
        for (Analyzer a : all) {
            String id = a.info().id();
            if ((!only.isEmpty() && !only.contains(id)) || skip.contains(id)) {
                if (byAnalyzer.containsKey(id)) {
                    throw new IllegalArgumentException("options given for analyzer '" + id + "', which is not selected");
                }
                continue;
            }
            AnalyzerOptions o = new AnalyzerOptions(id, byAnalyzer.getOrDefault(id, Map.of()));
            a.init(o);
            if (!o.unreadKeys().isEmpty()) {
                throw new IllegalArgumentException("analyzer '" + id + "' has no option(s) " + o.unreadKeys());
            }
            chosen.add(a);
        }
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("no analyzer selected");
        }
        return new AnalyzerSet(chosen);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> s = new TreeSet<>(a);
        s.addAll(b);
        return s;
    }

    /** The initialised analyzers, in id order. */
    public List<Analyzer> analyzers() {
        return analyzers;
    }

    @Override
    public void close() {
        for (Analyzer a : analyzers) {
            try {
                a.close();
            } catch (RuntimeException e) {
                // closing must not hide results already produced; nothing else to do
            }
        }
    }
}
