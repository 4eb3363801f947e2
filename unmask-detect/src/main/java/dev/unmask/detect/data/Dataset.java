package dev.unmask.detect.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The images a detector is trained and validated on, with the files that were left out and why. Records are
 * sorted by class (real first) and then by path below the class folder, so every list derived from a data set is
 * in the same order on every run.
 *
 * @param realRoot the {@code --real} folder
 * @param fakeRoot the {@code --fake} folder
 * @param records every usable image
 * @param skipped every file that is not used, with its reason
 */
public record Dataset(Path realRoot, Path fakeRoot, List<ImageRecord> records, List<SkippedFile> skipped) {
    /** Copies the lists. */
    public Dataset {
        records = List.copyOf(records);
        skipped = List.copyOf(skipped);
    }

    /** The training images. */
    public List<ImageRecord> train() {
        return of(Split.TRAIN);
    }

    /** The validation images. */
    public List<ImageRecord> validation() {
        return of(Split.VALIDATION);
    }

    /** The images of one split. */
    public List<ImageRecord> of(Split split) {
        return records.stream().filter(r -> r.split() == split).toList();
    }

    /** How many images of {@code label} are in {@code split}. */
    public int count(Label label, Split split) {
        return (int) records.stream().filter(r -> r.label() == label && r.split() == split).count();
    }

    /**
     * A SHA-256 over every used image's split, class and content hash, in record order: two data sets with the
     * same fingerprint train on exactly the same bytes with the same split.
     */
    public String fingerprint() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (ImageRecord r : records) {
                md.update((r.split().id() + "," + r.label().id() + "," + r.sha256() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    /**
     * Writes {@code manifest.csv}: one line per used image with {@code split,label,sha256,bytes,width,height,path}
     * (path relative to its class folder).
     */
    public void writeManifest(Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("split,label,sha256,bytes,width,height,path\n");
            for (ImageRecord r : records) {
                w.write(r.split().id() + "," + r.label().id() + "," + r.sha256() + "," + r.sizeBytes() + "," + r.width() + ","
                        + r.height() + "," + csv(r.relativePath()) + "\n");
            }
        }
    }

    /** Writes {@code skipped.csv}: {@code label,code,path,message} for every file left out. */
    public void writeSkipped(Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("label,code,path,message\n");
            for (SkippedFile s : skipped) {
                w.write(s.label().id() + "," + s.code() + "," + csv(s.path().toString()) + "," + csv(s.message()) + "\n");
            }
        }
    }

    /** Quotes a CSV field when it needs it (RFC 4180). */
    static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
