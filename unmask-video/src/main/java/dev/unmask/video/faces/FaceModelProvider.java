package dev.unmask.video.faces;

import java.util.Optional;

/**
 * Plugs face models into the video analyzer. Registered in
 * {@code META-INF/services/dev.unmask.video.faces.FaceModelProvider}; needs a public no-argument constructor and must
 * load nothing until asked. The analyzer's {@code faces} setting picks a provider by {@link #id()}, or, with
 * {@code auto}, the provider of highest {@link #priority()} that offers a face source (and, separately, a scorer).
 */
public interface FaceModelProvider {
    /** A stable id for the {@code video.faces} setting, e.g. {@code "blazeface-mesonet"}. */
    String id();

    /** Preference among installed providers with {@code faces=auto}; higher wins. */
    default int priority() {
        return 0;
    }

    /**
     * Loads the face detector, or returns empty when this provider has none.
     *
     * @throws Exception when the detector's model cannot be loaded (the message says why)
     */
    Optional<FrameFaceSource> openFaceSource() throws Exception;

    /**
     * Loads the face scorer, or returns empty when this provider has none.
     *
     * @throws Exception when the scorer's model cannot be loaded (the message says why)
     */
    Optional<FaceScore> openFaceScore() throws Exception;
}
