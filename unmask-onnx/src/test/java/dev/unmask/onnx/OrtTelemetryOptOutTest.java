package dev.unmask.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ONNX Runtime 1.29's telemetry must never start in a JVM that runs a model through {@link OnnxSessions}: each test
 * starts a fresh JVM ({@link OnnxModelRunner}) whose environment has none of the variables that switch the telemetry
 * off (ONNX Runtime's own and the CI markers it honours) and whose home and cache folders are empty temporary
 * folders, then checks the model ran and ONNX Runtime wrote no device id or event queue. Without the opt-out, the
 * short command line leaves {@code Microsoft/DeveloperTools/.onnxruntime} behind, and the long one (a class path of
 * 16 KB, as an IDE or {@code java -cp} with the dependency jars gives) kills the JVM with SIGSEGV (exit 139) inside
 * {@code OrtEnvironment.getEnvironment}, where the telemetry client matches the command line with a recursive regex.
 */
class OrtTelemetryOptOutTest {
    /** Variables that switch ONNX Runtime's telemetry off (1.29 and later names, its test marker, CI markers). */
    private static final List<String> OPT_OUTS = List.of(OrtTelemetryOptOut.VARIABLE, OrtTelemetryOptOut.LATER_VARIABLE,
            "ORT_RUNNING_UNIT_TESTS", "CI", "TF_BUILD", "GITHUB_ACTIONS", "GITLAB_CI", "CIRCLECI", "TRAVIS", "JENKINS_URL",
            "CODEBUILD_BUILD_ID", "BUILDKITE", "TEAMCITY_VERSION", "APPVEYOR", "BITBUCKET_BUILD_NUMBER",
            "SYSTEM_TEAMFOUNDATIONCOLLECTIONURI");
    private static final String TELEMETRY_FOLDER = "Microsoft/DeveloperTools/.onnxruntime";

    @Test
    void modelRunsWithoutTelemetryFiles(@TempDir Path home) throws Exception {
        // class path in the environment: a short command line, so only the telemetry files can tell
        Result r = runChild(home, List.of(), System.getProperty("java.class.path"));
        assertRanWithoutTelemetry(r, home);
    }

    @Test
    void longCommandLineDoesNotCrashTheJvm(@TempDir Path home) throws Exception {
        StringBuilder cp = new StringBuilder(System.getProperty("java.class.path"));
        for (int i = 0; cp.length() < 16_384; i++) {
            cp.append(File.pathSeparator).append(home.resolve("absent/dependency-" + i + "/library-1.0.0.jar"));
        }
        Result r = runChild(home, List.of("-cp", cp.toString()), null);
        assertRanWithoutTelemetry(r, home);
    }

    @Test
    void onlyTheValueOneCountsAsSet() {
        assertTrue(OrtTelemetryOptOut.isSet(Map.of(OrtTelemetryOptOut.VARIABLE, "1")));
        assertFalse(OrtTelemetryOptOut.isSet(Map.of(OrtTelemetryOptOut.VARIABLE, "0")));
        assertFalse(OrtTelemetryOptOut.isSet(Map.of(OrtTelemetryOptOut.LATER_VARIABLE, "1")));
        assertFalse(OrtTelemetryOptOut.isSet(Map.of()));
    }

    private static void assertRanWithoutTelemetry(Result r, Path home) {
        if (Runtime.version().feature() >= 22) {
            assertEquals(0, r.exit(), "the child JVM failed (139 = SIGSEGV):\n" + r.output());
            assertTrue(r.output().contains("output=0.5"), r.output());
        } else {
            // Java 21 cannot set the variable itself: ONNX Runtime must not start, with a message saying why
            assertTrue(r.output().contains("ONNX Runtime was not started: it uploads usage telemetry unless the"
                    + " environment variable ORT_DISABLE_TELEMETRY=1 is set"), r.output());
        }
        assertFalse(Files.exists(home.resolve("cache").resolve(TELEMETRY_FOLDER)), "telemetry wrote to XDG_CACHE_HOME");
        assertFalse(Files.exists(home.resolve(".cache").resolve(TELEMETRY_FOLDER)), "telemetry wrote to ~/.cache");
    }

    private record Result(int exit, String output) {}

    private static Result runChild(Path home, List<String> classPathArgs, String classPathVariable) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-Djava.io.tmpdir=" + home.resolve("tmp"));
        cmd.addAll(classPathArgs);
        cmd.add(OnnxModelRunner.class.getName());
        Files.createDirectories(home.resolve("tmp"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        OPT_OUTS.forEach(env::remove);
        env.put("HOME", home.toString());
        env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
        env.remove("CLASSPATH");
        if (classPathVariable != null) {
            env.put("CLASSPATH", classPathVariable);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, out + "\n(timed out)");
        }
        return new Result(p.exitValue(), out);
    }
}
