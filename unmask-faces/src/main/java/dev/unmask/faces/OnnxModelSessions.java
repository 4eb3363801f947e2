package dev.unmask.faces;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.unmask.onnx.OnnxSessions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Opens ONNX Runtime sessions for the models this module ships as class-path resources, through
 * {@link OnnxSessions} (the one place for session options: intra-op threads, all graph optimisations, errors only in
 * the log). Nothing is downloaded; ONNX Runtime's native library comes from its jar.
 */
final class OnnxModelSessions {
    private OnnxModelSessions() {}

    /**
     * Opens the model stored at class-path {@code resource}.
     *
     * @throws IllegalStateException when the resource is missing or ONNX Runtime cannot load it (a broken
     *     installation, not a user error)
     */
    static OrtSession open(String resource, int intraOpThreads) {
        byte[] model;
        try (InputStream in = OnnxModelSessions.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("model resource " + resource + " is missing from the class path");
            }
            model = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model resource " + resource, e);
        }
        try {
            return OnnxSessions.open(model, intraOpThreads);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load " + resource + ": " + e.getMessage(), e);
        }
    }
}
