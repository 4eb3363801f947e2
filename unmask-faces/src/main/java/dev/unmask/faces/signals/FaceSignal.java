package dev.unmask.faces.signals;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The signal checks the {@code faces} analyzer can run on each face region, named after the whole-image analyzer
 * whose statistic they reuse ({@code faces.signals}). Each compares the face with the rest of the same image at
 * native resolution: a pasted or swapped face brings the noise and compression history of another picture.
 */
public enum FaceSignal {
    /** Noise level (Mahdian &amp; Saic 2009) of the face against the background, at equal texture; any format. */
    NOISE("noise"),
    /** Error level (Krawetz 2007) of the face against the background, at equal texture; JPEG only. */
    ELA("ela"),
    /**
     * JPEG traces: single against double compression per block inside the face against outside (Bianchi &amp; Piva
     * 2012; JPEG files), and a blocking grid inside the face off the image's own 8x8 grid (any format).
     */
    JPEG("jpeg");

    /** The checks run when {@code faces.signals} is not set: all three (about 0.15 s more per 1920-px photo). */
    public static final List<FaceSignal> DEFAULTS = List.of(NOISE, ELA, JPEG);

    /** Whole-image analyzers that have no face-region check, with the reason given when one is asked for. */
    private static final Map<String, String> NOT_OFFERED = Map.of(
            "clone", "copy-move matching looks for duplicates across the whole image, faces included",
            "spectral", "up-sampling peaks need tiles of at least 64 px and are erased when a generated face is"
                    + " resized to fit the picture; the spectral analyzer already reads the whole image",
            "metadata", "metadata belongs to the file, not to a region",
            "format", "the container format belongs to the file, not to a region",
            "provenance", "content credentials and watermarks belong to the file, not to a region");

    private final String id;

    FaceSignal(String id) {
        this.id = id;
    }

    /** The id used in {@code faces.signals} and in the findings' values. */
    public String id() {
        return id;
    }

    /**
     * Parses {@code faces.signals}: {@code none}, {@code all}, or a comma-separated list of {@code noise},
     * {@code ela}, {@code jpeg} (order kept, duplicates dropped).
     *
     * @throws IllegalArgumentException naming the unknown id and the known ones
     */
    public static List<FaceSignal> parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("none") || t.isEmpty()) {
            return List.of();
        }
        if (t.equals("all")) {
            return List.of(values());
        }
        Set<FaceSignal> out = new LinkedHashSet<>();
        for (String part : t.split(",")) {
            String id = part.trim();
            FaceSignal s = Stream.of(values()).filter(v -> v.id.equals(id)).findFirst().orElse(null);
            if (s == null) {
                String why = NOT_OFFERED.get(id);
                throw new IllegalArgumentException("option faces.signals=" + text + " is invalid: "
                        + (id.isEmpty() ? "an empty id" : "'" + id + "' is not a face-region check"
                        + (why == null ? "" : " (" + why + ")")) + "; expected none, all or a comma-separated list"
                        + " of " + known());
            }
            out.add(s);
        }
        return new ArrayList<>(out);
    }

    /** The known ids, comma-separated. */
    public static String known() {
        return Stream.of(values()).map(FaceSignal::id).collect(Collectors.joining(", "));
    }
}
