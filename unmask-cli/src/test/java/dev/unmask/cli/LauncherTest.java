package dev.unmask.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher scripts say plainly when no JDK 21+ exists, before trying to build anything. */
class LauncherTest {
    private static Path repo() {
        return Path.of(System.getProperty("unmask.testdata", "../testdata")).getParent().toAbsolutePath().normalize();
    }

    private static String[] run(Path dir, String script) throws Exception {
        // a PATH whose first java reports version 17, no JAVA_HOME, no JDK folders
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho '    java.specification.version = 17' >&2\n");
        java.toFile().setExecutable(true);
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", repo().resolve(script).toString(), "--version");
        pb.environment().remove("JAVA_HOME");
        pb.environment().put("PATH", bin + ":/bin"); // /bin may hold a real java 17: also refused
        pb.environment().put("UNMASK_JDK_DIRS", dir.resolve("no-jdks").toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return new String[] {String.valueOf(p.exitValue()), out};
    }

    @Test
    void launcherRefusesOldJavaWithAPlainMessage(@TempDir Path dir) throws Exception {
        String[] r = run(dir, "unmask");
        assertEquals("2", r[0], r[1]);
        assertTrue(r[1].contains("unmask: no Java 21 or newer found (looked at JAVA_HOME, PATH and /usr/lib/jvm)."), r[1]);
    }

    @Test
    void testRunnerRefusesOldJavaWithAPlainMessage(@TempDir Path dir) throws Exception {
        String[] r = run(dir, "run-tests");
        assertEquals("2", r[0], r[1]);
        assertTrue(r[1].contains("no JDK 21 or newer found"), r[1]);
    }
}
