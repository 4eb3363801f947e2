package dev.unmask.gan.cli;

import dev.unmask.cli.UnmaskCommand;
import dev.unmask.cli.UsageException;
import dev.unmask.gan.GanCheckpoint;
import dev.unmask.gan.GanSampler;
import dev.unmask.gan.SampleEncoding;
import dev.unmask.gan.SampleLabels;
import dev.unmask.gan.SampleResult;
import dev.unmask.provenance.watermark.UnmaskWatermark;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code unmask gan sample}: labelled images from a trained generator. */
@Command(name = "sample", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Draw labelled images from a trained generator.",
                "Each image is labelled as generated: XMP (IPTC digital source type trainedAlgorithmicMedia, software "
                        + "Unmask) always; Unmask's invisible watermark when the image is at least 128 px (use --scale); a "
                        + "signed C2PA manifest when --sign-cert and --sign-key are given."},
        footer = {"", "Exit codes: 0 written; 2 usage error (bad option, RUN is not a GAN run,",
                "unreadable key); 4 writing failed.",
                "", "Examples:", "  unmask gan sample --model runs/faces --count 64 --out samples/",
                "  unmask gan sample --model runs/faces --count 8 --out signed/ \\",
                "      --format jpeg --scale 2 --sign-cert keys/signer.chain.pem \\",
                "      --sign-key keys/signer.key.pem"})
final class GanSampleCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", paramLabel = "RUN", required = true, description = "Run folder (or its checkpoint/ folder) written by 'unmask gan train'.")
    Path model;

    @Option(names = "--count", paramLabel = "N", description = "Number of images (default: ${DEFAULT-VALUE}).")
    int count = 16;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder for sample-00000.png, ... (created).")
    Path out;

    @Option(names = "--seed", paramLabel = "S", description = "Latent seed; the same seed gives the same images (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--truncation", paramLabel = "T",
            description = "Re-draw latent components with |z| > T (fewer, more typical images); 0 = off (default).")
    double truncation;

    @Option(names = "--format", paramLabel = "FMT", description = "png (default) or jpeg.")
    String format = "png";

    @Option(names = "--quality", paramLabel = "Q", description = "JPEG quality 1..100 (default: 90; --format jpeg only).")
    Integer quality;

    @Option(names = "--scale", paramLabel = "K",
            description = "Enlarge each image K times with nearest-neighbour pixels (default 1). The invisible watermark needs "
                    + ">= 128 px: --scale 2 at 64 px, 4 at 32 px.")
    int scale = 1;

    @CommandLine.ArgGroup(exclusive = false, heading = "C2PA signing:%n")
    SigningOptions signing = new SigningOptions();

    @Option(names = "--no-progress", description = "Never show a progress bar.")
    boolean noProgress;

    @Override
    public Integer call() {
        Path checkpoint = RunArguments.checkpoint(model, "--model");
        RunArguments.range("--count", count, 1, GanSampler.MAX_COUNT);
        RunArguments.range("--scale", scale, 1, SampleEncoding.MAX_SCALE);
        SampleEncoding.Format fmt;
        try {
            fmt = SampleEncoding.Format.parse(format);
            GanSampler.checkTruncation(truncation);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (quality != null && fmt != SampleEncoding.Format.JPEG) {
            throw new UsageException("--quality applies to --format jpeg only");
        }
        int q = quality != null ? quality : SampleEncoding.DEFAULT_QUALITY;
        RunArguments.range("--quality", q, 1, 100);
        SampleLabels labels = signing.labels();
        SampleResult r;
        PrintWriter err = spec.commandLine().getErr();
        try (TerminalProgress progress = new TerminalProgress("Sampling", count, !noProgress)) {
            r = GanSampler.sample(checkpoint, count, out, seed, truncation, labels, new SampleEncoding(fmt, q, scale), progress);
        } catch (IOException e) {
            err.println("unmask: cannot sample " + model + ": " + e.getMessage());
            err.flush();
            return UnmaskCommand.RUN_FAILED;
        }
        PrintWriter w = spec.commandLine().getOut();
        SampleResult.SampledFile first = r.files().get(0);
        w.printf(Locale.ROOT, "Wrote %d %s images to %s from %s (checkpoint step %d, run id %012x).%n", r.files().size(),
                fmt == SampleEncoding.Format.JPEG ? "JPEG (quality " + q + ")" : "PNG", out, model, r.checkpointStep(), r.runId());
        w.println("Labels in every file:");
        w.println("  XMP: Iptc4xmpExt:DigitalSourceType trainedAlgorithmicMedia, software \"Unmask\" (xmp:CreatorTool, tiff:Software)");
        long marked = r.files().stream().filter(SampleResult.SampledFile::watermarked).count();
        if (marked == r.files().size()) {
            w.printf(Locale.ROOT, "  watermark: Unmask invisible watermark, payload run id %012x%n", r.runId());
        } else {
            w.printf(Locale.ROOT, "  watermark: not added: %s; it needs >= %d px: add --scale %d%n", first.notes().get(0),
                    UnmaskWatermark.MIN_SIDE, minScale(checkpoint));
        }
        if (first.signed()) {
            w.println("  C2PA: signed manifest (c2pa.created, trainedAlgorithmicMedia, claim generator Unmask); check it with "
                    + "'unmask provenance --trust <CA certificate> FILE'");
        } else {
            w.println("  " + SigningOptions.howToSign("sample"));
        }
        w.flush();
        return UnmaskCommand.OK;
    }

    /** The smallest enlargement that gives the watermark room. */
    static int minScale(Path checkpoint) {
        try {
            int side = GanCheckpoint.config(checkpoint).size();
            return Math.max(1, (UnmaskWatermark.MIN_SIDE + side - 1) / side);
        } catch (IOException | RuntimeException e) {
            return 2;
        }
    }
}
