package dev.unmask.onnx;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps ONNX Runtime's usage telemetry from starting, so that running a model never reaches the network.
 *
 * <p>ONNX Runtime 1.29 builds Microsoft's 1DS telemetry client into its Linux and macOS libraries, and starts it with
 * the process's first ONNX Runtime environment: it stores a device id and an event queue under
 * {@code $XDG_CACHE_HOME} (else {@code ~/.cache}) {@code /Microsoft/DeveloperTools/.onnxruntime}, looks up the
 * collector's host name and uploads the queue. {@code OrtEnvironment.setTelemetry(false)} can only be called on an
 * environment that exists, so it comes too late: it mutes later events and leaves the uploader running. The client's
 * set-up also matches the whole process command line against a backtracking {@code std::regex} whose recursion takes
 * about 260 bytes of stack per character, so a JVM whose command line is longer than about 4 KB (a {@code java -cp}
 * with the dependency jars, as IDEs and the benchmarks start it) overflows the 1 MB Java thread stack inside
 * {@code OrtEnvironment.getEnvironment} and dies of SIGSEGV, without a JVM crash report (the signal handler has no
 * stack left to run on).
 *
 * <p>The only switch ONNX Runtime reads before the client starts is the process environment:
 * {@value #VARIABLE}{@code =1} (1.29; later releases read {@value #LATER_VARIABLE}). A JVM cannot change its own
 * environment in Java, so {@link #ensure()} sets both through the C library's {@code setenv}, called with the Foreign
 * Function API of Java 22 and later (looked up reflectively: this module is compiled for Java 21). On Java 21 the
 * variable must come from whoever starts the JVM (the {@code unmask} launcher and the test configuration set it), and
 * ONNX Runtime is not started without it. Windows builds report through ETW, which stays inert without a listener:
 * nothing to do there.
 */
final class OrtTelemetryOptOut {
    /** The environment variable ONNX Runtime 1.29 reads before starting its telemetry client. */
    static final String VARIABLE = "ORT_DISABLE_TELEMETRY";
    /** The name later ONNX Runtime releases read instead; set too, so an upgrade keeps telemetry off. */
    static final String LATER_VARIABLE = "ORT_TELEMETRY_DISABLED";
    private static boolean done;

    private OrtTelemetryOptOut() {}

    /**
     * Makes sure ONNX Runtime's telemetry is switched off in this process's environment; call before the first
     * ONNX Runtime environment is created (a no-op after the first success).
     *
     * @throws IllegalStateException when the variable is not set and this JVM cannot set it (Java 21, or no
     *     {@code setenv} in the C library): the message says how to start the JVM
     */
    static synchronized void ensure() {
        if (done) {
            return;
        }
        if (System.getProperty("os.name", "").startsWith("Windows") || isSet(System.getenv())) {
            done = true;
            return;
        }
        if (Runtime.version().feature() < 22) {
            throw new IllegalStateException(refusal("Java " + Runtime.version().feature()
                    + " has no Foreign Function API to set it from inside the JVM"));
        }
        try {
            setenv(VARIABLE, "1");
            setenv(LATER_VARIABLE, "1");
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException(refusal("setting it from inside the JVM failed: " + e), e);
        }
        done = true;
    }

    /** Whether {@code environment} already switches ONNX Runtime 1.29's telemetry off. */
    static boolean isSet(Map<String, String> environment) {
        return "1".equals(environment.get(VARIABLE));
    }

    private static String refusal(String why) {
        return "ONNX Runtime was not started: it uploads usage telemetry unless the environment variable " + VARIABLE
                + "=1 is set before it starts, and " + why + ". Start Java with " + VARIABLE + "=1 in its environment"
                + " (the unmask launcher does).";
    }

    /** {@code setenv(name, value, 1)} of the C library, through {@code java.lang.foreign} (Java 22 and later). */
    private static void setenv(String name, String value) throws ReflectiveOperationException {
        Class<?> linkerType = Class.forName("java.lang.foreign.Linker");
        Class<?> optionType = Class.forName("java.lang.foreign.Linker$Option");
        Class<?> lookupType = Class.forName("java.lang.foreign.SymbolLookup");
        Class<?> segmentType = Class.forName("java.lang.foreign.MemorySegment");
        Class<?> layoutType = Class.forName("java.lang.foreign.MemoryLayout");
        Class<?> valueLayoutType = Class.forName("java.lang.foreign.ValueLayout");
        Class<?> descriptorType = Class.forName("java.lang.foreign.FunctionDescriptor");
        Class<?> arenaType = Class.forName("java.lang.foreign.Arena");
        Class<?> allocatorType = Class.forName("java.lang.foreign.SegmentAllocator");

        Object linker = linkerType.getMethod("nativeLinker").invoke(null);
        Object libc = linkerType.getMethod("defaultLookup").invoke(linker);
        Object symbol = ((Optional<?>) lookupType.getMethod("find", String.class).invoke(libc, "setenv"))
                .orElseThrow(() -> new IllegalStateException("the C library has no setenv"));
        Object pointer = valueLayoutType.getField("ADDRESS").get(null);
        Object cInt = valueLayoutType.getField("JAVA_INT").get(null);
        Object parameters = Array.newInstance(layoutType, 3);
        Array.set(parameters, 0, pointer);
        Array.set(parameters, 1, pointer);
        Array.set(parameters, 2, cInt);
        Object descriptor = descriptorType.getMethod("of", layoutType, parameters.getClass())
                .invoke(null, cInt, parameters);
        Object noOptions = Array.newInstance(optionType, 0);
        MethodHandle call = (MethodHandle) linkerType.getMethod("downcallHandle", segmentType, descriptorType,
                noOptions.getClass()).invoke(linker, symbol, descriptor, noOptions);

        Method cString = allocatorType.getMethod("allocateFrom", String.class);
        Object arena = arenaType.getMethod("ofConfined").invoke(null);
        try {
            int rc;
            try {
                rc = (int) call.invokeWithArguments(cString.invoke(arena, name), cString.invoke(arena, value), 1);
            } catch (Error | RuntimeException | ReflectiveOperationException e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException("setenv failed", t);
            }
            if (rc != 0) {
                throw new IllegalStateException("setenv(" + name + ") returned " + rc);
            }
        } finally {
            arenaType.getMethod("close").invoke(arena);
        }
    }
}
