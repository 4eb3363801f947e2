package dev.unmask.detect.fusion;

import dev.unmask.cli.UnmaskCommand;
import dev.unmask.cli.UsageException;
import dev.unmask.core.media.MediaLimits;
import dev.unmask.core.scan.AnalyzerSet;
import dev.unmask.core.scan.FileResult;
import dev.unmask.core.scan.InputFiles;
import dev.unmask.core.scan.ScanInput;
import dev.unmask.core.scan.ScanListener;
import dev.unmask.core.scan.ScanPipeline;
import dev.unmask.core.scan.ScanSettings;
import dev.unmask.core.scan.VerdictFusion;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code unmask detector fit-fusion}: runs the normal scan pipeline over labelled folders and fits the verdict fusion
 * model ({@link FusionFitter}), writing it as {@code fusion-model.properties} with its data manifest hash.
 */
@Command(name = "fit-fusion", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fit the verdict fusion on labelled images: scan them with the normal pipeline, then fit per direction "
                + "(synthetic, manipulated) a logistic regression over each analyzer's evidence, pulled towards the hand-set weights.",
                "Install the result as unmask-core/src/main/resources/dev/unmask/core/scan/fusion-model.properties."},
        footer = {"", "Exit codes: 0 fitted; 1 fitted, but some files could not be analysed;",
                "2 usage error; 4 could not complete.",
                "", "Example:",
                "  unmask detector fit-fusion --real photos/ --fake upsampled/ \\",
                "      --manipulated spliced/ --out fusion-model.properties"})
public final class FitFusionCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--real", paramLabel = "DIR", required = true, arity = "1..*", description = "Real images (files or folders).")
    List<Path> real;

    @Option(names = "--fake", paramLabel = "DIR", arity = "1..*", description = "Generated images (the synthetic direction).")
    List<Path> fake = new ArrayList<>();

    @Option(names = "--manipulated", paramLabel = "DIR", arity = "1..*", description = "Edited images (the manipulated direction).")
    List<Path> manipulated = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the fitted model (properties).")
    Path out;

    @Option(names = "--l2", paramLabel = "LAMBDA", description = "L2 penalty pulling coefficients to the hand-set prior (default: ${DEFAULT-VALUE}).")
    double lambda = 1.0;

    @Option(names = "--decide", paramLabel = "P", description = "Probability that decides a label (default: ${DEFAULT-VALUE}).")
    double decide = 0.8;

    @Option(names = "--inconclusive", paramLabel = "P", description = "Probability from which the verdict is inconclusive (default: ${DEFAULT-VALUE}).")
    double inconclusive = 0.2;

    @Option(names = "--fit-intercept", description = "Keep the fitted intercepts instead of the prior's (only for a validation set with the casework's share and kinds of fakes).")
    boolean fitIntercept;

    @Option(names = "--folds", paramLabel = "K", description = "Cross-validation folds for the reported held-out AUC (default: ${DEFAULT-VALUE}; 0 = none).")
    int folds = 5;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the fold assignment (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--only", paramLabel = "ID", split = ",", description = "Run only these analyzers.")
    Set<String> only = new LinkedHashSet<>();

    @Option(names = "--skip", paramLabel = "ID", split = ",", description = "Do not run these analyzers.")
    Set<String> skip = new LinkedHashSet<>();

    @Option(names = "--set", paramLabel = "ID.KEY=VALUE", description = "An analyzer setting (repeatable).")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--detector", paramLabel = "MODEL", description = "Include this learned detector model (repeatable).")
    List<Path> detectors = new ArrayList<>();

    @Option(names = {"-j", "--threads"}, paramLabel = "N", description = "Files analysed in parallel (default: the number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--no-progress", description = "Never show a progress bar.")
    boolean noProgress;

    @Override
    public Integer call() throws Exception {
        if (fake.isEmpty() && manipulated.isEmpty()) {
            throw new UsageException("give --fake and/or --manipulated images to fit against the --real ones");
        }
        FusionFitter.Settings settings;
        try {
            settings = new FusionFitter.Settings(lambda, fitIntercept, decide, inconclusive, folds, seed);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        List<ScanInput> files = new ArrayList<>();
        List<FusionFitter.Truth> truths = new ArrayList<>();
        add(files, truths, real, FusionFitter.Truth.REAL, "--real");
        add(files, truths, fake, FusionFitter.Truth.SYNTHETIC, "--fake");
        add(files, truths, manipulated, FusionFitter.Truth.MANIPULATED, "--manipulated");
        if (!detectors.isEmpty()) {
            options.put("detector.models", String.join(",", detectors.stream().map(Path::toString).toList()));
        }
        VerdictFusion hand = VerdictFusion.handSet();
        List<FileResult> results = new ArrayList<>();
        ScanSettings scan;
        AnalyzerSet set;
        try {
            scan = new ScanSettings(threads, MediaLimits.DEFAULT, ScanSettings.defaults().pixelBudget(), true, false);
            set = AnalyzerSet.load(only, skip, options);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        try (set) {
            ProgressBar bar = System.console() != null && !noProgress ? new ProgressBarBuilder().setTaskName("Scanning")
                    .setInitialMax(files.size()).setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .setUpdateIntervalMillis(250).showSpeed().setUnit(" files", 1).build() : null;
            try {
                new ScanPipeline(set, scan, hand).scan(files, new ScanListener() {
                    @Override
                    public void result(FileResult r) {
                        results.add(r);
                        if (bar != null) {
                            bar.step();
                        }
                    }
                });
            } finally {
                if (bar != null) {
                    bar.close();
                }
            }
        }
        PrintWriter w = spec.commandLine().getOut();
        List<FusionFitter.Sample> samples = new ArrayList<>();
        Map<String, FusionFitter.Truth> seen = new LinkedHashMap<>();
        List<String> manifest = new ArrayList<>();
        int failed = 0;
        for (FileResult r : results) {
            FusionFitter.Truth t = truths.get(r.index());
            if (r.error() != null || r.verdict().checked().isEmpty()) {
                boolean skipped = r.error() == null || r.error().code().equals("unsupported_format");
                failed += skipped ? 0 : 1;
                w.println("skipped " + r.path() + ": " + (r.error() != null ? r.error().code() + ": " + r.error().message() : r.verdict().reason()));
                continue;
            }
            FusionFitter.Truth before = seen.putIfAbsent(r.sha256(), t);
            if (before != null) {
                w.println("skipped " + r.path() + ": the same bytes were already included as " + before.name().toLowerCase(java.util.Locale.ROOT));
                continue;
            }
            manifest.add(t.name().toLowerCase(java.util.Locale.ROOT) + " " + r.sha256());
            samples.add(new FusionFitter.Sample(r.path(), t, hand.evidence(r.runs())));
        }
        if (samples.stream().noneMatch(s -> s.truth() == FusionFitter.Truth.REAL)) {
            throw new UsageException("no --real image could be analysed");
        }
        if (samples.stream().noneMatch(s -> s.truth() != FusionFitter.Truth.REAL)) {
            throw new UsageException("no --fake or --manipulated image could be analysed");
        }
        manifest.sort(null);
        String hash = sha256(String.join("\n", manifest) + "\n");
        Map<FusionFitter.Truth, Integer> counts = new TreeMap<>();
        samples.forEach(s -> counts.merge(s.truth(), 1, Integer::sum));
        String data = counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(java.util.Locale.ROOT))
                .reduce((a, b) -> a + ", " + b).orElse("");
        double[] ht = hand.handThresholds();
        FusionFitter.Result fit = FusionFitter.fit(samples, ht[0], ht[1], settings,
                "logistic regression fitted on " + data + " images (manifest " + hash.substring(0, 12) + ")");
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("data.manifest.sha256", hash);
        extra.put("data.images", data);
        extra.put("fit.l2", Double.toString(lambda));
        extra.put("fit.intercept", fitIntercept ? "fitted" : "the prior's (coefficients fitted with a free intercept)");
        extra.put("fit.prior.hand-thresholds", ht[0] + "," + ht[1]);
        List<String> header = new ArrayList<>(List.of("Unmask verdict fusion model, written by 'unmask detector fit-fusion' (see the README, \"Fusion\").",
                "Data manifest: SHA-256 over the sorted lines '<label> <sha256 of the file>' of every image used.",
                "Features: per analyzer and direction, the sum over its findings of -ln(1 - w*s) with the weights of fusion.properties."));
        header.add("Command: unmask " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
        header.addAll(FitFusionReport.lines(fit));
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(out, fit.model().write(header, extra), StandardCharsets.UTF_8);
        w.print(FitFusionReport.table(fit));
        w.println("Written: " + out + " (data manifest " + hash.substring(0, 12) + ", " + data + ")");
        w.flush();
        return failed > 0 ? UnmaskCommand.SOME_FAILED : UnmaskCommand.OK;
    }

    private static void add(List<ScanInput> files, List<FusionFitter.Truth> truths, List<Path> paths, FusionFitter.Truth t, String option)
            throws IOException {
        if (paths.isEmpty()) {
            return;
        }
        List<ScanInput> in;
        try {
            in = InputFiles.expand(paths);
        } catch (NoSuchFileException e) {
            throw new UsageException(option + ": no such file or folder: " + e.getFile());
        }
        for (ScanInput s : in) {
            files.add(s);
            truths.add(t);
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
