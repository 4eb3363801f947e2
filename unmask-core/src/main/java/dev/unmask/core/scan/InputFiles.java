package dev.unmask.core.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Expands the user's paths into the files to scan: files as given, folders walked recursively in name order. */
public final class InputFiles {
    private InputFiles() {}

    /**
     * Expands {@code paths}. Hidden files and folders (names starting with '.') inside a walked folder are
     * skipped; symbolic links to folders are not followed (no loops).
     *
     * @throws NoSuchFileException when a given path does not exist (a usage error)
     */
    public static List<ScanInput> expand(List<Path> paths) throws IOException {
        List<ScanInput> out = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new NoSuchFileException(p.toString(), null, "no such file or folder");
            }
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> s = Files.walk(p, new FileVisitOption[0])) {
                    s.filter(f -> Files.isRegularFile(f))
                            .filter(f -> !hiddenBelow(p, f))
                            .sorted()
                            .forEach(f -> out.add(new ScanInput(f, true)));
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            } else {
                out.add(ScanInput.named(p));
            }
        }
        return out;
    }

    private static boolean hiddenBelow(Path root, Path f) {
        for (Path part : root.relativize(f)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
