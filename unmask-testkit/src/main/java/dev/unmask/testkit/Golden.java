package dev.unmask.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden-file comparison of normalised text. To rebuild the golden files after an intended change, run the
 * tests with {@code -Dunmask.golden.update=true} and review the diff before committing.
 */
public final class Golden {
    private Golden() {}

    /**
     * Compares {@code actual} with the file {@code src/test/resources/golden/<name>} of the module under test.
     */
    public static void assertMatches(String name, String actual) throws IOException {
        Path file = Path.of("src/test/resources/golden").resolve(name);
        String norm = actual.replace("\r\n", "\n").strip() + "\n";
        if (Boolean.getBoolean("unmask.golden.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, norm, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(file)) {
            throw new AssertionError("golden file " + file.toAbsolutePath() + " is missing; run with -Dunmask.golden.update=true to create it");
        }
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), norm, "differs from golden file " + name
                + " (rebuild with -Dunmask.golden.update=true if the change is intended)");
    }
}
