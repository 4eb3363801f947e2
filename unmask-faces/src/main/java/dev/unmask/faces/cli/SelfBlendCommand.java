package dev.unmask.faces.cli;

import dev.unmask.api.MediaException;
import dev.unmask.cli.UsageException;
import dev.unmask.core.imaging.Codecs;
import dev.unmask.core.media.FormatDetection;
import dev.unmask.core.media.LoadedMedia;
import dev.unmask.core.media.MediaLimits;
import dev.unmask.faces.Face;
import dev.unmask.faces.FaceAligner;
import dev.unmask.faces.FaceBox;
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
import java.util.Random;
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
        description = {"Find the faces in every image under DIR (walked recursively) and write N pairs per face, as PNG: an upright",
                "face crop to OUT/real/ and its self-blended pseudo-fake to OUT/fake/ under the same name (Shiohara & Yamasaki 2022:",
                "the face blended with a slightly shifted, re-coloured, blurred or sharpened copy of itself inside a blurred",
                "ellipse). Pair 0 is the plain crop; the others move and scale the crop window a little, so the two classes stay",
                "balanced and differ only by the blend.",
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

    @Option(names = "--per-face", paramLabel = "N", description = "Real/self-blended pairs per face (default ${DEFAULT-VALUE}).")
    int perFace = 4;

    @Option(names = "--jitter", paramLabel = "F", description = "Largest shift of the crop window for pairs after the first, a fraction of the"
            + " face box (scale changes by up to the same fraction; default ${DEFAULT-VALUE}).")
    double jitter = 0.05;

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
        if (!(jitter >= 0 && jitter <= 0.25)) {
            throw new UsageException("--jitter must be in [0, 0.25], was " + jitter);
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
                    String name = String.format(Locale.ROOT, "%s-face%02d", stem, f);
                    long faceSeed = seed * 0x9E3779B97F4A7C15L + (long) name.hashCode() * 1_000_003L;
                    for (int i = 0; i < perFace; i++) {
                        Face face = i == 0 ? found.get(f) : jittered(found.get(f), jitter, new Random(faceSeed - i));
                        BufferedImage crop = FaceAligner.crop(image, face, size, margin);
                        String pair = String.format(Locale.ROOT, "%s-v%02d.png", name, i);
                        Files.write(realDir.resolve(pair), Codecs.png(crop));
                        Files.write(fakeDir.resolve(pair), Codecs.png(blend.apply(crop, faceSeed + i)));
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
                + "real/: upright face crops of the photos, " + perFace + " per face (the first as detected, the others with the crop window\n"
                + "moved by up to " + jitter + " of the box); fake/: the self-blended pseudo-fake of the real crop of the same name\n"
                + "(Shiohara & Yamasaki, CVPR 2022). These are training data for a face-forgery detector, not real manipulations.\n");
        o.printf(Locale.ROOT, "%d faces in %d images (%d files skipped): %d real crops in %s, %d self-blended in %s%n",
                faces, images, skipped, faces * perFace, realDir, faces * perFace, fakeDir);
        o.flush();
        return 0;
    }

    /** The face with its box moved by up to {@code amount} of its size per axis and scaled by 1 +- amount. */
    static Face jittered(Face face, double amount, Random rnd) {
        FaceBox b = face.box();
        double scale = 1 + (2 * rnd.nextDouble() - 1) * amount;
        double dx = (2 * rnd.nextDouble() - 1) * amount * b.width();
        double dy = (2 * rnd.nextDouble() - 1) * amount * b.height();
        return new Face(FaceBox.ofCenter(b.centerX() + dx, b.centerY() + dy, b.width() * scale, b.height() * scale),
                face.score(), face.keypoints());
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
