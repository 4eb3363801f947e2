package dev.unmask.faces.cli;

import dev.unmask.api.MediaException;
import dev.unmask.cli.UsageException;
import dev.unmask.core.imaging.Codecs;
import dev.unmask.core.media.FormatDetection;
import dev.unmask.core.media.LoadedMedia;
import dev.unmask.core.media.MediaLimits;
import dev.unmask.faces.Face;
import dev.unmask.faces.FaceAligner;
import dev.unmask.faces.FaceDetector;
import dev.unmask.faces.FaceDetectorSettings;
import dev.unmask.faces.sbi.SelfBlend;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code unmask faces self-blend}: training data for a face-forgery detector from real photos only, with
 * self-blended images (Shiohara &amp; Yamasaki, CVPR 2022; see {@link SelfBlend}).
 */
@Command(name = "self-blend", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Find the faces in every image under DIR (walked recursively), write each upright face crop to OUT/real/",
                "and N self-blended pseudo-fakes of it to OUT/fake/ (Shiohara & Yamasaki 2022: the face blended with a slightly",
                "shifted, re-coloured, blurred or sharpened copy of itself inside a blurred ellipse), as PNG.",
                "Train a detector on the result: unmask detector train --real OUT/real --fake OUT/fake --arch npr --size 128."},
        footer = {"", "Exit codes: 0 done; 2 usage error (missing folder, bad option, no face found in any image); 4 the run failed.",
                "", "Example:", "  unmask faces self-blend --data photos/ --out sbi-data/ --per-face 10"})
final class SelfBlendCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", required = true, description = "Folder of real photos with faces (walked recursively).")
    Path data;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output folder; real/ and fake/ are created in it.")
    Path out;

    @Option(names = "--per-face", paramLabel = "N", description = "Self-blended versions per face (default ${DEFAULT-VALUE}).")
    int perFace = 4;

    @Option(names = "--size", paramLabel = "PX", description = "Side of the face crops in pixels (default ${DEFAULT-VALUE}).")
    int size = 128;

    @Option(names = "--margin", paramLabel = "F", description = "Context around the face box, a fraction of its side (default ${DEFAULT-VALUE}).")
    double margin = FaceAligner.DEFAULT_MARGIN;

    @Option(names = "--score-threshold", paramLabel = "P", description = "Face detector score threshold (default ${DEFAULT-VALUE}).")
    double scoreThreshold = FaceDetectorSettings.DEFAULTS.scoreThreshold();

    @Option(names = "--seed", paramLabel = "N", description = "Seed of every random choice (default ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (perFace < 1 || perFace > 1000) {
            throw new UsageException("--per-face must be in 1..1000, was " + perFace);
        }
        if (size < 32 || size > 1024) {
            throw new UsageException("--size must be in 32..1024, was " + size);
        }
        if (!(margin >= 0 && margin <= 2)) {
            throw new UsageException("--margin must be in [0, 2], was " + margin);
        }
        if (!(scoreThreshold > 0 && scoreThreshold < 1)) {
            throw new UsageException("--score-threshold must be in (0, 1), was " + scoreThreshold);
        }
        if (!Files.isDirectory(data)) {
            throw new UsageException("--data must be a folder: " + data);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(data)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new UsageException("no files under " + data);
        }
        Path realDir = out.resolve("real");
        Path fakeDir = out.resolve("fake");
        Files.createDirectories(realDir);
        Files.createDirectories(fakeDir);
        SelfBlend blend = new SelfBlend();
        FormatDetection formats = new FormatDetection();
        int faces = 0;
        int images = 0;
        int skipped = 0;
        boolean bar = !noProgress && System.console() != null;
        try (FaceDetector detector = FaceDetector.open(FaceDetectorSettings.DEFAULTS.withScoreThreshold(scoreThreshold));
                ProgressBar progress = bar ? new ProgressBarBuilder().setTaskName("self-blend").setInitialMax(files.size()).setUnit(" images", 1)
                        .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err)).showSpeed().build() : null) {
            for (Path file : files) {
                if (progress != null) {
                    progress.step();
                }
                BufferedImage image;
                try {
                    image = LoadedMedia.read(file, formats, MediaLimits.DEFAULT).image();
                } catch (MediaException | RuntimeException e) {
                    err.println("skipped " + file + ": cannot decode it as an image (" + e.getMessage() + ")");
                    skipped++;
                    continue;
                }
                images++;
                String stem = stem(data.relativize(file));
                List<Face> found = detector.detect(image);
                for (int f = 0; f < found.size(); f++) {
                    BufferedImage crop = FaceAligner.crop(image, found.get(f), size, margin);
                    String name = String.format(Locale.ROOT, "%s-face%02d", stem, f);
                    Files.write(realDir.resolve(name + ".png"), Codecs.png(crop));
                    for (int i = 0; i < perFace; i++) {
                        long s = seed * 0x9E3779B97F4A7C15L + (long) name.hashCode() * 1_000_003L + i;
                        Files.write(fakeDir.resolve(String.format(Locale.ROOT, "%s-sbi%02d.png", name, i)), Codecs.png(blend.apply(crop, s)));
                    }
                    faces++;
                }
            }
        }
        if (faces == 0) {
            throw new UsageException("no face found in any of the " + images + " decodable images under " + data
                    + (skipped > 0 ? " (" + skipped + " files skipped)" : "") + "; nothing written");
        }
        Files.writeString(out.resolve("README.txt"), "Training data made by 'unmask faces self-blend' from " + data + " (seed " + seed + ").\n"
                + "real/: upright face crops of the photos; fake/: " + perFace + " self-blended pseudo-fakes of each (Shiohara & Yamasaki,\n"
                + "CVPR 2022). These are training data for a face-forgery detector, not real manipulations.\n");
        o.printf(Locale.ROOT, "%d faces in %d images (%d files skipped): %d real crops in %s, %d self-blended in %s%n",
                faces, images, skipped, faces, realDir, faces * perFace, fakeDir);
        o.flush();
        return 0;
    }

    /** A flat, file-name-safe name for a relative path without its extension. */
    private static String stem(Path relative) {
        String s = relative.toString().replace('\\', '/');
        int dot = s.lastIndexOf('.');
        if (dot > s.lastIndexOf('/') + 1) {
            s = s.substring(0, dot);
        }
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
