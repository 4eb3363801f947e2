package dev.unmask.gan.cli;

import dev.unmask.api.MediaException;
import dev.unmask.cli.UnmaskCommand;
import dev.unmask.cli.UsageException;
import dev.unmask.core.media.FormatDetection;
import dev.unmask.core.media.LoadedMedia;
import dev.unmask.core.media.MediaLimits;
import dev.unmask.gan.AutoencoderConfig;
import dev.unmask.gan.AutoencoderTrainer;
import dev.unmask.gan.ReconstructionWriter;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code unmask gan reconstruct}: labelled up-sampling reconstructions of real images, as detector training fakes. */
@Command(name = "reconstruct", mixinStandardHelpOptions = true,
        description = {"Train a small up-sampling auto-encoder on the images of a folder and write each image's "
                + "reconstruction: same content, but with the up-sampling traces generator decoders leave. Used as "
                + "'fake' examples when training detectors (see the default detector recipe).",
                "Outputs are PNG files labelled with XMP (digitalSourceType trainedAlgorithmicMedia, Software Unmask);"
                + " they carry no pixel watermark, which would be a shortcut for a detector trained on them."})
public final class GanReconstructCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Folder of real images (walked recursively).")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the reconstructions (created).")
    Path out;

    @Option(names = "--steps", defaultValue = "2000", description = "Training steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--patch", defaultValue = "64", description = "Training patch side in pixels (default: ${DEFAULT-VALUE}).")
    int patch;

    @Option(names = "--batch", defaultValue = "16", description = "Patches per step (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--max-side", defaultValue = "1024",
            description = "Images are centre-cropped to at most this many pixels per side (default: ${DEFAULT-VALUE}).")
    int maxSide;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter e = spec.commandLine().getErr();
        if (!Files.isDirectory(data)) {
            throw new UsageException("--data " + data + " is not a folder");
        }
        AutoencoderConfig config;
        try {
            config = new AutoencoderConfig(patch, batch, steps, 2e-4, 32, maxSide, seed);
        } catch (IllegalArgumentException ex) {
            throw new UsageException(ex.getMessage());
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(data)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        FormatDetection formats = new FormatDetection();
        List<BufferedImage> images = new ArrayList<>();
        List<Path> names = new ArrayList<>();
        int failed = 0;
        for (Path f : files) {
            try {
                images.add(LoadedMedia.read(f, formats, MediaLimits.DEFAULT).image());
                names.add(data.relativize(f));
            } catch (MediaException | RuntimeException ex) {
                failed++;
                e.println("unmask: skipped " + f + ": " + ex.getMessage());
            }
        }
        if (images.isEmpty()) {
            throw new UsageException("no decodable image under " + data + " (" + failed + " files skipped)");
        }
        AutoencoderTrainer trainer;
        try {
            trainer = new AutoencoderTrainer(config, images);
        } catch (IllegalArgumentException ex) {
            throw new UsageException("cannot train on " + data + ": " + ex.getMessage() + " (lower --patch)");
        }
        Files.createDirectories(out);
        try (AutoencoderTrainer t = trainer) {
            o.printf(Locale.ROOT, "training the auto-encoder on %d images (%d px patches, %d steps)%n", t.imageCount(), patch, steps);
            long t0 = System.nanoTime();
            int every = Math.max(1, steps / 10);
            t.train(s -> {
                if (s % every == 0 || s == steps) {
                    double secs = (System.nanoTime() - t0) / 1e9;
                    o.printf(Locale.ROOT, "  step %d/%d  L1 %.4f  %.1f patches/s%n", s, steps, t.losses().get(s - 1), s * batch / secs);
                    o.flush();
                }
            });
            for (int i = 0; i < images.size(); i++) {
                BufferedImage img = images.get(i);
                if (img.getWidth() < 4 || img.getHeight() < 4) {
                    e.println("unmask: skipped " + names.get(i) + ": too small to reconstruct");
                    failed++;
                    continue;
                }
                String base = names.get(i).toString().replace('/', '_').replaceAll("\\.[^.]*$", "");
                ReconstructionWriter.write(t.reconstruct(img), out.resolve(base + ".recon.png"));
            }
            o.printf(Locale.ROOT, "wrote %d reconstructions to %s%s%n", images.size(), out,
                    failed > 0 ? " (" + failed + " files skipped)" : "");
        }
        return failed > 0 ? UnmaskCommand.SOME_FAILED : UnmaskCommand.OK;
    }
}
