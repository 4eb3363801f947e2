package dev.unmask.gan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What a training data set was made of: every file found under the data folder with its path relative to the
 * folder ('/'-separated), size in bytes, SHA-256 and whether it was used ({@code ok}) or skipped (the reason).
 * Written to {@code RUN/manifest.csv} and summarised in the training report, so a run can be tied to the exact
 * bytes it learned from.
 *
 * @param entries one per file, in path order
 */
public record DatasetManifest(List<Entry> entries) {
    /** Status of a file that was decoded and used. */
    public static final String OK = "ok";

    /**
     * One file.
     *
     * @param path path relative to the data folder, '/'-separated
     * @param size bytes
     * @param sha256 lower-case hex SHA-256 of the file's bytes (empty when it could not be read)
     * @param status {@link #OK} or {@code "skipped: <code>: <message>"}
     */
    public record Entry(String path, long size, String sha256, String status) {
        /** True when the file was used for training. */
        public boolean used() {
            return OK.equals(status);
        }
    }

    /** Copies the list. */
    public DatasetManifest {
        entries = List.copyOf(entries);
    }

    /** Number of files used. */
    public int usedCount() {
        return (int) entries.stream().filter(Entry::used).count();
    }

    /** The files that were skipped, with their reasons. */
    public List<Entry> skipped() {
        return entries.stream().filter(e -> !e.used()).toList();
    }

    /** Total bytes of the files used. */
    public long usedBytes() {
        return entries.stream().filter(Entry::used).mapToLong(Entry::size).sum();
    }

    /** The CSV text: header {@code path,size,sha256,status}, one line per file, fields quoted when needed. */
    public String csv() {
        StringBuilder sb = new StringBuilder("path,size,sha256,status\n");
        for (Entry e : entries) {
            sb.append(quote(e.path())).append(',').append(e.size()).append(',').append(e.sha256()).append(',')
                    .append(quote(e.status())).append('\n');
        }
        return sb.toString();
    }

    /** SHA-256 of {@link #csv()} (UTF-8): one hash that changes when any file, name or status changes. */
    public String sha256() {
        return sha256(csv().getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@link #csv()} to {@code file}. */
    public void write(Path file) throws IOException {
        Files.writeString(file, csv(), StandardCharsets.UTF_8);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"").replace('\n', ' ').replace('\r', ' ') + '"';
    }
}
