package dev.unmask.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one place Unmask creates ONNX Runtime sessions: a shared environment (logging errors only, telemetry off: see
 * {@link OrtTelemetryOptOut}, which must run before ONNX Runtime's first environment, so no code of Unmask calls
 * {@code OrtEnvironment.getEnvironment} before this class does) and sessions from a model file on disk with bounded
 * threads: {@value #THREADS_PROPERTY} intra-op threads (default 1, because Unmask already runs one file per core) and
 * one inter-op thread, sequential execution, every graph optimisation. ONNX Runtime loads its native library from its
 * jar and, with its telemetry off, never touches the network; a model is read from the path given, nothing else is
 * fetched. {@link OrtSession#run} is thread-safe, so one session serves every
 * worker.
 */
public final class OnnxSessions {
    /** System property: intra-op threads per session (1..64). */
    public static final String THREADS_PROPERTY = "unmask.onnx.threads";

    private OnnxSessions() {}

    /**
     * The shared ONNX Runtime environment, created with ONNX Runtime's telemetry switched off in the process
     * environment ({@link OrtTelemetryOptOut}).
     *
     * @throws IllegalStateException when telemetry cannot be switched off (Java 21 started without
     *     {@code ORT_DISABLE_TELEMETRY=1}); ONNX Runtime is then not started
     */
    public static synchronized OrtEnvironment environment() throws OrtException {
        OrtTelemetryOptOut.ensure();
        OrtEnvironment env = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "unmask");
        env.setTelemetry(false);
        return env;
    }

    /**
     * Intra-op threads per session, from {@value #THREADS_PROPERTY} (default 1).
     *
     * @throws IllegalArgumentException when the property is not an integer in 1..64
     */
    public static int threads() {
        String v = System.getProperty(THREADS_PROPERTY, "1").trim();
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= 64) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException(THREADS_PROPERTY + " must be an integer in 1..64, was '" + v + "'");
    }

    /**
     * Opens a session on {@code model}.
     *
     * @throws OrtException when ONNX Runtime cannot load the file (not an ONNX model, unsupported operator or opset)
     * @throws java.nio.file.NoSuchFileException when the file does not exist
     */
    public static OrtSession open(Path model) throws OrtException, java.io.IOException {
        if (!Files.isRegularFile(model)) {
            throw new java.nio.file.NoSuchFileException(model.toString(), null, "no such ONNX model file");
        }
        OrtEnvironment env = environment(); // before any other ONNX Runtime call
        try (OrtSession.SessionOptions o = options(threads())) {
            return env.createSession(model.toAbsolutePath().toString(), o);
        }
    }

    /**
     * Opens a session on a model held in memory (for example a model shipped as a class-path resource), with
     * {@code intraOpThreads} intra-op threads and the same options as {@link #open(Path)}.
     *
     * @throws OrtException when ONNX Runtime cannot load the bytes
     */
    public static OrtSession open(byte[] model, int intraOpThreads) throws OrtException {
        OrtEnvironment env = environment(); // before any other ONNX Runtime call
        try (OrtSession.SessionOptions o = options(intraOpThreads)) {
            return env.createSession(model, o);
        }
    }

    private static OrtSession.SessionOptions options(int intraOpThreads) throws OrtException {
        OrtSession.SessionOptions o = new OrtSession.SessionOptions();
        o.setIntraOpNumThreads(intraOpThreads);
        o.setInterOpNumThreads(1);
        o.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        o.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
        return o;
    }
}
