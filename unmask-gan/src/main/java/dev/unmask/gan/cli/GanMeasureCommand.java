package dev.unmask.gan.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.unmask.cli.UnmaskCommand;
import dev.unmask.cli.UsageException;
import dev.unmask.core.Version;
import dev.unmask.gan.GanSampler;
import dev.unmask.gan.measure.FeatureSpace;
import dev.unmask.gan.measure.GanMeasurement;
import dev.unmask.gan.measure.KernelDistance;
import dev.unmask.gan.measure.OnnxFeatureSpace;
import dev.unmask.gan.measure.UnmaskFeatureDescriptor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code unmask gan measure}: Fréchet distance and KID between a generator's samples and real images. */
@Command(name = "measure", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fréchet distance (FID) and KID of samples against held-back real images.",
                "Compares a trained generator's samples with real images in a feature space: Fréchet distance and KID "
                        + "(Kernel Inception Distance, unbiased, cubic polynomial kernel). With --fid-model (an "
                        + "Inception-v3 ONNX model you supply) these are the standard FID and KID; without it Unmask uses "
                        + "its own UFD-v1 descriptor, and the numbers are NOT comparable to published FID."},
        footer = {"", "Exit codes: 0 measured; 2 usage error; 4 the measurement failed (model,",
                "folder, ONNX).", "", "Examples:", "  unmask gan measure --model runs/faces --real held-out/ --count 1000",
                "  unmask gan measure --model runs/faces --real held-out/ \\",
                "      --fid-model inception-v3-fid.onnx --json"})
final class GanMeasureCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", paramLabel = "RUN", required = true, description = "Run folder (or its checkpoint/ folder).")
    Path model;

    @Option(names = "--real", paramLabel = "DIR", required = true,
            description = "Real images not used for training (the first N by sorted path are used).")
    Path real;

    @Option(names = "--count", paramLabel = "N", description = "Generated images, and most real images used (default: ${DEFAULT-VALUE}).")
    int count = 1000;

    @Option(names = "--seed", paramLabel = "S", description = "Latent seed (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--fid-model", paramLabel = "FILE.onnx",
            description = "Inception-v3 ONNX model for the standard FID (one image input NCHW or NHWC, pool3 output of 2048 values).")
    Path fidModel;

    @Option(names = "--fid-input-range", paramLabel = "RANGE",
            description = "Pixel range the ONNX model expects: 0-1 (default; pytorch-fid), -1-1, 0-255 (TensorFlow FID graph) or imagenet.")
    String fidRange = "0-1";

    @Option(names = "--kid-subsets", paramLabel = "K", description = "KID subsets when a set is larger than a subset (default: ${DEFAULT-VALUE}).")
    int kidSubsets = KernelDistance.DEFAULT_SUBSETS;

    @Option(names = "--kid-subset-size", paramLabel = "M", description = "KID subset size (default: ${DEFAULT-VALUE}).")
    int kidSubsetSize = KernelDistance.DEFAULT_SUBSET_SIZE;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    @Option(names = "--no-progress", description = "Never show a progress bar.")
    boolean noProgress;

    @Override
    public Integer call() throws IOException {
        Path checkpoint = RunArguments.checkpoint(model, "--model");
        if (!Files.isDirectory(real)) {
            throw new UsageException("--real: no such folder: " + real);
        }
        RunArguments.range("--count", count, 2, GanSampler.MAX_COUNT);
        RunArguments.range("--kid-subsets", kidSubsets, 1, 10_000);
        RunArguments.range("--kid-subset-size", kidSubsetSize, 2, 100_000);
        OnnxFeatureSpace.InputRange range;
        try {
            range = OnnxFeatureSpace.InputRange.parse(fidRange);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--fid-input-range: " + e.getMessage());
        }
        if (fidModel != null && !Files.isRegularFile(fidModel)) {
            throw new UsageException("--fid-model: no such file: " + fidModel);
        }
        PrintWriter err = spec.commandLine().getErr();
        GanMeasurement.Result r;
        try (FeatureSpace space = fidModel != null ? OnnxFeatureSpace.open(fidModel, range, 0) : new UnmaskFeatureDescriptor();
                TerminalProgress progress = new TerminalProgress("Measuring", 2 * count, !noProgress && !json)) {
            r = GanMeasurement.measure(checkpoint, real, space,
                    new GanMeasurement.Settings(count, seed, kidSubsets, kidSubsetSize), progress);
        } catch (IOException e) {
            err.println("unmask: cannot measure " + model + ": " + e.getMessage());
            err.flush();
            return UnmaskCommand.RUN_FAILED;
        }
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            w.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toJson(r)));
        } else {
            String fd = r.comparableToPublished() ? "FID" : "FD-" + r.space();
            String kid = r.comparableToPublished() ? "KID" : "KID-" + r.space();
            w.printf(Locale.ROOT, "%s (checkpoint step %d, run id %012x, %dx%d px)%n", model, r.checkpointStep(), r.runId(),
                    r.size(), r.size());
            w.printf(Locale.ROOT, "  %d generated (seed %d) vs %d real from %s%s%n", r.generated(), seed, r.real(), real,
                    r.realSkipped() > 0 ? " (" + r.realSkipped() + " files not decodable, skipped)" : "");
            w.printf(Locale.ROOT, "  features: %s, %d-d: %s%n", r.space(), r.dimension(), r.spaceDescription());
            w.printf(Locale.ROOT, "  %-14s %.6g  (mean term %.6g, covariance term %.6g)%n", fd, r.frechet().distance(),
                    r.frechet().meanTerm(), r.frechet().traceTerm());
            if (r.kid().subsets() > 1) {
                w.printf(Locale.ROOT, "  %-14s %.6g +- %.2g  (%d subsets of %d)%n", kid, r.kid().mean(), r.kid().std(),
                        r.kid().subsets(), r.kid().subsetSize());
            } else {
                w.printf(Locale.ROOT, "  %-14s %.6g  (all images, one estimate)%n", kid, r.kid().mean());
            }
            for (String note : r.notes()) {
                w.println("  note: " + note);
            }
        }
        w.flush();
        return UnmaskCommand.OK;
    }

    private Map<String, Object> toJson(GanMeasurement.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unmask_version", Version.get());
        m.put("model", model.toString());
        m.put("checkpoint_step", r.checkpointStep());
        m.put("run_id", String.format(Locale.ROOT, "%012x", r.runId()));
        m.put("image_size", r.size());
        m.put("generated", r.generated());
        m.put("seed", seed);
        m.put("real", r.real());
        m.put("real_dir", real.toString());
        m.put("real_skipped", r.realSkipped());
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", r.space());
        f.put("description", r.spaceDescription());
        f.put("dimension", r.dimension());
        f.put("comparable_to_published_fid", r.comparableToPublished());
        m.put("feature_space", f);
        Map<String, Object> fd = new LinkedHashMap<>();
        fd.put("value", r.frechet().distance());
        fd.put("mean_term", r.frechet().meanTerm());
        fd.put("covariance_term", r.frechet().traceTerm());
        m.put(r.comparableToPublished() ? "fid" : "frechet_distance", fd);
        Map<String, Object> kid = new LinkedHashMap<>();
        kid.put("value", r.kid().mean());
        kid.put("std", r.kid().std());
        kid.put("subsets", r.kid().subsets());
        kid.put("subset_size", r.kid().subsetSize());
        kid.put("kernel", "(x.y/d + 1)^3, unbiased MMD^2");
        m.put("kid", kid);
        m.put("notes", r.notes());
        return m;
    }
}
