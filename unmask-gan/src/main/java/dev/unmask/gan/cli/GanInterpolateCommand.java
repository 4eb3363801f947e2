package dev.unmask.gan.cli;

import dev.unmask.cli.UnmaskCommand;
import dev.unmask.cli.UsageException;
import dev.unmask.gan.GanInterpolator;
import dev.unmask.gan.GanSampler;
import dev.unmask.gan.LatentWalk;
import dev.unmask.gan.SampleEncoding;
import dev.unmask.gan.SampleLabels;
import dev.unmask.gan.SampleResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code unmask gan interpolate}: a latent-space walk as a strip PNG or an animated GIF. */
@Command(name = "interpolate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Walk through a generator's latent space (strip PNG or animated GIF).",
                "Each walk goes from one random latent vector to another by spherical interpolation. FILE.png: one row "
                        + "per walk, one column per step, labelled like samples (XMP, watermark when >= 128 px, C2PA when "
                        + "signing options are given). FILE.gif: one frame per step, looping forever, labelled with XMP, a "
                        + "comment and the watermark when frames are >= 128 px; Unmask cannot C2PA-sign GIFs."},
        footer = {"", "Exit codes: 0 written; 2 usage error; 4 writing failed.", "", "Examples:",
                "  unmask gan interpolate --model runs/faces --out walk.png --count 4",
                "  unmask gan interpolate --model runs/faces --out walk.gif --steps 24 \\",
                "      --count 4 --scale 2"})
final class GanInterpolateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", paramLabel = "RUN", required = true, description = "Run folder (or its checkpoint/ folder).")
    Path model;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Output: FILE.png (strip) or FILE.gif (animation).")
    Path out;

    @Option(names = "--steps", paramLabel = "K", description = "Points per walk, both ends included (= GIF frames; default: ${DEFAULT-VALUE}).")
    int steps = 8;

    @Option(names = "--count", paramLabel = "ROWS", description = "Number of walks (default: ${DEFAULT-VALUE}).")
    int walks = 4;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the walks' end points (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--truncation", paramLabel = "T", description = "Truncate the end points' latents at |z| <= T; 0 = off (default).")
    double truncation;

    @Option(names = "--scale", paramLabel = "K", description = "Enlarge every image K times with nearest-neighbour pixels (default 1).")
    int scale = 1;

    @Option(names = "--delay", paramLabel = "MS", description = "GIF frame duration in milliseconds (default: ${DEFAULT-VALUE}).")
    int delayMs = 150;

    @CommandLine.ArgGroup(exclusive = false, heading = "C2PA signing (PNG strips only):%n")
    SigningOptions signing = new SigningOptions();

    @Override
    public Integer call() {
        Path checkpoint = RunArguments.checkpoint(model, "--model");
        GanInterpolator.Kind kind;
        try {
            kind = GanInterpolator.Kind.of(out);
            GanSampler.checkTruncation(truncation);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        RunArguments.range("--steps", steps, 2, LatentWalk.MAX_STEPS);
        RunArguments.range("--count", walks, 1, LatentWalk.MAX_ROWS);
        RunArguments.range("--scale", scale, 1, SampleEncoding.MAX_SCALE);
        RunArguments.range("--delay", delayMs, 20, 60_000);
        if (kind == GanInterpolator.Kind.GIF && signing.signs()) {
            throw new UsageException("C2PA signing needs a .png output: Unmask signs JPEG and PNG only");
        }
        SampleLabels labels = signing.labels();
        GanInterpolator.Result r;
        try {
            r = GanInterpolator.render(checkpoint, out, walks, steps, seed, truncation, labels, scale, delayMs);
        } catch (IOException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("unmask: cannot interpolate " + model + ": " + e.getMessage());
            err.flush();
            return UnmaskCommand.RUN_FAILED;
        }
        PrintWriter w = spec.commandLine().getOut();
        SampleResult.SampledFile f = r.label();
        if (kind == GanInterpolator.Kind.STRIP) {
            w.printf(Locale.ROOT, "Wrote %s: %d walks x %d steps, %dx%d px, from %s (checkpoint step %d, run id %012x).%n", out,
                    r.walks(), r.steps(), r.width(), r.height(), model, r.checkpointStep(), r.runId());
        } else {
            w.printf(Locale.ROOT, "Wrote %s: %d frames of %dx%d px (%d walks per frame), %d ms each, looping, from %s "
                    + "(checkpoint step %d, run id %012x).%n", out, r.steps(), r.width(), r.height(), r.walks(), delayMs, model,
                    r.checkpointStep(), r.runId());
        }
        w.println("Labels:");
        w.println("  XMP: trainedAlgorithmicMedia, software \"Unmask\"" + (kind == GanInterpolator.Kind.GIF
                ? " (XMP application extension) and a GIF comment saying it was generated by Unmask" : ""));
        w.println("  watermark: " + (f.watermarked() ? String.format(Locale.ROOT, "Unmask invisible watermark, run id %012x", r.runId())
                : "not added: " + f.notes().get(0)));
        if (f.signed()) {
            w.println("  C2PA: signed manifest (c2pa.created, trainedAlgorithmicMedia)");
        } else if (kind == GanInterpolator.Kind.GIF) {
            w.println("  C2PA: no manifest (Unmask signs JPEG and PNG only; write a .png strip to sign it)");
        } else {
            w.println("  " + SigningOptions.howToSign("interpolate"));
        }
        w.flush();
        return UnmaskCommand.OK;
    }
}
