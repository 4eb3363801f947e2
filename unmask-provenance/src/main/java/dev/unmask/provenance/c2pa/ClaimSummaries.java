package dev.unmask.provenance.c2pa;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds {@link ClaimSummary} from a parsed manifest (C2PA 2.2 sections 10.2, 18.15 actions, 18.13 CreativeWork). */
final class ClaimSummaries {
    private static final String ACTIONS = "c2pa.actions";
    private static final String CREATIVE_WORK = "stds.schema-org.CreativeWork";

    private ClaimSummaries() {}

    static ClaimSummary of(ParsedManifest m) {
        List<ActionInfo> actions = new ArrayList<>();
        List<String> authors = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (AssertionBox a : m.assertions()) {
            labels.add(a.label());
            if (ACTIONS.equals(a.unversionedLabel()) && a.data() instanceof Map<?, ?> am && am.get("actions") instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof Map<?, ?> act) {
                        actions.add(new ActionInfo(str(act.get("action")), str(act.get("digitalSourceType")),
                                agent(act.get("softwareAgent")), str(act.get("when"))));
                    }
                }
            }
            if (CREATIVE_WORK.equals(a.baseLabel()) && a.data() instanceof Map<?, ?> cw) {
                Object au = cw.get("author");
                for (Object o : au instanceof List<?> l ? l : au == null ? List.of() : List.of(au)) {
                    String name = o instanceof Map<?, ?> p ? str(p.get("name")) : str(o);
                    if (name != null) {
                        authors.add(name);
                    }
                }
            }
        }
        List<String> redacted = new ArrayList<>();
        if (m.claim() != null && m.claim().get("redacted_assertions") instanceof List<?> r) {
            r.forEach(o -> redacted.add(String.valueOf(o instanceof Map<?, ?> hm ? hm.get("url") : o)));
        }
        return new ClaimSummary(m.claimVersion(), generator(m), first(m, "dc:title", "title"), first(m, "dc:format", "format"),
                m.claimString("instanceID"), m.claimString("alg"), actions, authors, labels, redacted);
    }

    private static String generator(ParsedManifest m) {
        String g = m.claimString("claim_generator");
        if (g != null || m.claim() == null) {
            return g;
        }
        Object info = m.claim().get("claim_generator_info");
        if (info instanceof List<?> l && !l.isEmpty()) {
            info = l.get(0);
        }
        return agent(info);
    }

    private static String first(ParsedManifest m, String... keys) {
        for (String k : keys) {
            String v = m.claimString(k);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    static String agent(Object o) {
        if (o instanceof Map<?, ?> info) {
            String name = str(info.get("name"));
            String version = str(info.get("version"));
            return name == null ? null : version == null ? name : name + " " + version;
        }
        return str(o);
    }

    static String str(Object o) {
        return o instanceof String s ? s : null;
    }
}
