package dev.unmask.video.analyzer;

import dev.unmask.video.faces.FaceModelProvider;
import dev.unmask.video.faces.FaceScore;
import dev.unmask.video.faces.FrameFaceSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The face detector and face scorer chosen by the {@code video.faces} setting from the installed
 * {@link FaceModelProvider}s. Either may be absent: without a detector the analyzer reports the container and frames
 * only; without a scorer it reports face tracks without scores.
 */
final class FaceModels implements AutoCloseable {
    private final FrameFaceSource source;
    private final FaceScore score;
    private final String note;

    private FaceModels(FrameFaceSource source, FaceScore score, String note) {
        this.source = source;
        this.score = score;
        this.note = note;
    }

    /** No face models. */
    static FaceModels none(String why) {
        return new FaceModels(null, null, why);
    }

    /**
     * Loads the models {@code setting} names.
     *
     * @param setting {@code auto}, {@code none} or a provider id
     * @throws IllegalArgumentException for an unknown id, or when the named provider fails to load
     */
    static FaceModels load(String setting) {
        if (setting.equals("none")) {
            return none("face analysis switched off (video.faces=none)");
        }
        List<FaceModelProvider> providers = new ArrayList<>();
        ServiceLoader.load(FaceModelProvider.class).forEach(providers::add);
        providers.sort(Comparator.comparingInt(FaceModelProvider::priority).reversed().thenComparing(FaceModelProvider::id));
        if (!setting.equals("auto")) {
            FaceModelProvider p = providers.stream().filter(x -> x.id().equals(setting)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("option video.faces=" + setting + " is invalid: no such face"
                            + " model provider (installed: " + ids(providers) + ")"));
            try {
                return new FaceModels(p.openFaceSource().orElse(null), p.openFaceScore().orElse(null), "provider " + p.id());
            } catch (Exception e) {
                throw new IllegalArgumentException("option video.faces=" + setting + ": the face models cannot be loaded: " + e.getMessage(), e);
            }
        }
        FrameFaceSource source = null;
        FaceScore score = null;
        List<String> problems = new ArrayList<>();
        for (FaceModelProvider p : providers) {
            try {
                if (source == null) {
                    source = p.openFaceSource().orElse(null);
                }
                if (score == null) {
                    score = p.openFaceScore().orElse(null);
                }
            } catch (Exception | LinkageError e) {
                problems.add(p.id() + ": " + e.getMessage());
            }
        }
        String note = providers.isEmpty() ? "no face model is installed"
                : source == null ? "no installed face model provider (" + ids(providers) + ") offers a face detector"
                : "face models from " + ids(providers);
        if (!problems.isEmpty()) {
            note += "; not loaded: " + String.join("; ", problems);
        }
        return new FaceModels(source, score, note);
    }

    private static String ids(List<FaceModelProvider> providers) {
        return providers.isEmpty() ? "none" : String.join(", ", providers.stream().map(FaceModelProvider::id).toList());
    }

    /** The face detector, if any. */
    Optional<FrameFaceSource> source() {
        return Optional.ofNullable(source);
    }

    /** The face scorer, if any. */
    Optional<FaceScore> score() {
        return Optional.ofNullable(score);
    }

    /** How the models were chosen, or why there are none. */
    String note() {
        return note;
    }

    @Override
    public void close() {
        if (source != null) {
            source.close();
        }
        if (score != null) {
            score.close();
        }
    }
}
