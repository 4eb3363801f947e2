package dev.unmask.core.scan;

import java.nio.file.Path;

/**
 * One file to scan and how it was found.
 *
 * @param path the file
 * @param foundInFolder true when the file was found by walking a folder the user named, false when the user
 *     named the file itself. A file of unknown format found in a folder is reported as not applicable
 *     (skipped); one the user named is an error.
 */
public record ScanInput(Path path, boolean foundInFolder) {
    /** A file the user named. */
    public static ScanInput named(Path p) {
        return new ScanInput(p, false);
    }
}
