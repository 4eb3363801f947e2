package dev.unmask.provenance.sign;

import dev.unmask.testkit.TestData;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the independent readers (exiftool, c2pa-ts through node) with a time limit. */
final class ExternalReaders {
    static final long TIMEOUT_SECONDS = 60;

    private ExternalReaders() {}

    static Path repoRoot() {
        return TestData.root().toAbsolutePath().getParent();
    }

    static Path c2paTsDir() {
        return repoRoot().resolve("tools/c2pa-ts");
    }

    static boolean c2paTsInstalled() {
        return Files.isDirectory(c2paTsDir().resolve("node_modules/@trustnxt/c2pa-ts")) && onPath("node");
    }

    static boolean exiftoolInstalled() {
        return onPath("exiftool");
    }

    static boolean onPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, exe))) {
                return true;
            }
        }
        return false;
    }

    /** Runs a command and returns its standard output (stderr merged); fails on timeout or non-zero exit. */
    static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + command);
        }
        String s = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException("exit " + p.exitValue() + " from " + command + ":\n" + s);
        }
        return s;
    }
}
