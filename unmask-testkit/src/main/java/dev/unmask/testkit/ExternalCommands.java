package dev.unmask.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the independent programs tests compare Unmask with (Debian's {@code python3} with {@code onnx}, for example),
 * when they are installed.
 */
public final class ExternalCommands {
    /** Debian's Python, which carries the distribution's {@code python3-*} packages. */
    public static final String PYTHON = "/usr/bin/python3";

    private ExternalCommands() {}

    /**
     * Runs {@code cmd} with a 60-second limit and returns its exit code (-1 when it timed out); its output, standard
     * error included, is printed when it fails, so the test log shows why.
     */
    public static int run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        if (p.exitValue() != 0) {
            System.err.println(out);
        }
        return p.exitValue();
    }

    /** Whether Debian's {@code python3} can import {@code module} (e.g. {@code onnx} from {@code python3-onnx}). */
    public static boolean pythonHas(String module) throws IOException, InterruptedException {
        return Files.isExecutable(Path.of(PYTHON)) && run(List.of(PYTHON, "-c", "import " + module)) == 0;
    }
}
