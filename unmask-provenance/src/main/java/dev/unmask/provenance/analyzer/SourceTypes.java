package dev.unmask.provenance.analyzer;

import java.util.Locale;
import java.util.Set;

/**
 * IPTC digital source types (IPTC NewsCodes "digitalsourcetype", referenced by C2PA 2.2 section 18.15.3 for the
 * {@code digitalSourceType} of actions) grouped by what they say about an image's origin. Matching is on the last
 * path segment of the URI, so the http/https and versioned spellings all match.
 */
final class SourceTypes {
    /** Generated entirely by a model: strongest synthetic declaration. */
    static final Set<String> GENERATED = Set.of("trainedalgorithmicmedia", "algorithmicmedia");
    /** Composites containing generated elements (e.g. generative fill): synthetic in part. */
    static final Set<String> COMPOSITE_GENERATED = Set.of("compositewithtrainedalgorithmicmedia", "compositesynthetic");
    /** Captures of a real scene (camera, computational camera, scanned film). */
    static final Set<String> CAPTURE = Set.of("digitalcapture", "computationalcapture", "negativefilm", "positivefilm");
    /**
     * Words in a claim generator or software agent that name a camera maker or capture app, for {@code c2pa.created}
     * actions that carry no source type (early C2PA cameras).
     */
    static final Set<String> CAMERA_WORDS = Set.of("leica", "nikon", "canon", "sony", "fujifilm", "truepic",
            "pixel camera", "samsung camera", "qualcomm snapdragon");

    private SourceTypes() {}

    /** The lower-case last path segment of a source type URI, or null. */
    static String term(String uri) {
        if (uri == null || uri.isBlank()) {
            return null;
        }
        String s = uri.strip();
        int slash = s.lastIndexOf('/');
        return s.substring(slash + 1).toLowerCase(Locale.ROOT);
    }

    /** Whether {@code text} names a camera maker or capture app. */
    static boolean looksLikeCamera(String text) {
        if (text == null) {
            return false;
        }
        String t = text.toLowerCase(Locale.ROOT);
        return CAMERA_WORDS.stream().anyMatch(t::contains);
    }
}
