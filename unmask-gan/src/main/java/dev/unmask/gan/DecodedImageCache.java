package dev.unmask.gan;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * The decoded, cropped and resized training images of a run in one file ({@code RUN/data-cache.bin}), with the
 * {@link DatasetManifest} they came from. It is used again only when the data folder still holds the same files
 * with the same bytes (paths, sizes and SHA-256 compared) at the same image size; otherwise the folder is decoded
 * again. Layout (big-endian, {@link DataOutputStream}): magic, format version, image side, manifest entries (path,
 * size, SHA-256, status), image count, then every image as 3 x side x side bytes (R, G, B planes).
 */
final class DecodedImageCache {
    static final String MAGIC = "unmask-gan-decoded-images";
    static final int VERSION = 1;

    record Contents(DatasetManifest manifest, byte[][] images) {
    }

    private DecodedImageCache() {
    }

    static void write(Path file, int size, DatasetManifest manifest, byte[][] images) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            out.writeUTF(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(size);
            out.writeInt(manifest.entries().size());
            for (DatasetManifest.Entry e : manifest.entries()) {
                out.writeUTF(e.path());
                out.writeLong(e.size());
                out.writeUTF(e.sha256());
                out.writeUTF(e.status());
            }
            out.writeInt(images.length);
            for (byte[] img : images) {
                out.write(img);
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The cached images when {@code file} was written for {@code size} px from exactly the files now in {@code dir};
     * null when anything differs or the cache is unreadable (it is then rebuilt).
     */
    static Contents readIfCurrent(Path file, int size, Path dir, List<Path> files, IntConsumer filesDone) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (!MAGIC.equals(in.readUTF()) || in.readInt() != VERSION || in.readInt() != size) {
                return null;
            }
            int n = in.readInt();
            if (n != files.size()) {
                return null;
            }
            List<DatasetManifest.Entry> entries = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                entries.add(new DatasetManifest.Entry(in.readUTF(), in.readLong(), in.readUTF(), in.readUTF()));
            }
            if (!sameFiles(entries, dir, files, filesDone)) {
                return null;
            }
            DatasetManifest manifest = new DatasetManifest(entries);
            int count = in.readInt();
            if (count != manifest.usedCount()) {
                return null;
            }
            byte[][] images = new byte[count][];
            for (int i = 0; i < count; i++) {
                images[i] = new byte[3 * size * size];
                in.readFully(images[i]);
            }
            return new Contents(manifest, images);
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    private static boolean sameFiles(List<DatasetManifest.Entry> cached, Path dir, List<Path> files,
            IntConsumer filesDone) {
        AtomicInteger done = new AtomicInteger();
        return IntStream.range(0, files.size()).parallel().allMatch(i -> {
            try {
                DatasetManifest.Entry now = ImageFolderData.hashOnly(dir, files.get(i));
                DatasetManifest.Entry was = cached.get(i);
                filesDone.accept(done.incrementAndGet());
                return now.path().equals(was.path()) && now.size() == was.size()
                        && (was.sha256().isEmpty() || now.sha256().equals(was.sha256()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
