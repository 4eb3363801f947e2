package dev.unmask.faces;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Opens ONNX Runtime sessions for the models this module ships as class-path resources. One place for the
 * session options: one intra-op thread (the scan pipeline already runs one file per core), all graph
 * optimisations, errors only in the log (the shipped models make ONNX Runtime warn about unused
 * initializers). Nothing is downloaded; ONNX Runtime's native library comes from its jar.
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
            OrtEnvironment env = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "unmask");
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(intraOpThreads);
                options.setInterOpNumThreads(1);
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                return env.createSession(model, options);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load " + resource + ": " + e.getMessage(), e);
        }
    }
}
