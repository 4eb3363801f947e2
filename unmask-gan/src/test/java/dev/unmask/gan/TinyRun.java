package dev.unmask.gan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One tiny trained run shared by the sampling, measuring and detector tests of this JVM: 64 coloured shapes at
 * 48 px (seed 42) trained for {@value #STEPS} steps at 32 px (batch 16, 16 channels, latent 16, seed 7), long enough
 * for the discriminator to tell its generator's images from the shapes. Trained once, on first use, in a temporary
 * folder deleted when the JVM exits.
 */
public final class TinyRun {
    /** Training steps. */
    public static final int STEPS = 30;
    /** Image side. */
    public static final int SIZE = 32;

    private static Path root;

    private TinyRun() {
    }

    /** The run folder (holds {@code checkpoint/}). */
    public static synchronized Path run() {
        ensure();
        return root.resolve("run");
    }

    /** The training images. */
    public static synchronized Path data() {
        ensure();
        return root.resolve("shapes");
    }

    /** More shapes from the same distribution, not used for training (seed 4242). */
    public static synchronized Path heldOut() {
        ensure();
        return root.resolve("held-out");
    }

    /** A scratch folder inside the fixture's temporary folder. */
    public static synchronized Path scratch(String name) {
        ensure();
        try {
            return Files.createDirectories(root.resolve("scratch").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void ensure() {
        if (root != null) {
            return;
        }
        try {
            Path r = Files.createTempDirectory("unmask-tiny-run");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(r)));
            Path shapes = Files.createDirectories(r.resolve("shapes"));
            Shapes.write(shapes, 64, 48, 42L);
            Shapes.write(Files.createDirectories(r.resolve("held-out")), 48, 48, 4242L);
            GanConfig config = GanTrainerTest.tiny(STEPS).withEvery(0, 0);
            try (GanTrainer t = new GanTrainer(config, ImageFolderData.load(shapes, SIZE))) {
                new GanRun(t, r.resolve("run")).run(s -> { });
            }
            root = r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort at exit
        }
    }
}
