package dev.unmask.detect.eval;

import dev.unmask.api.detector.Detector;
import dev.unmask.api.detector.DetectorException;
import dev.unmask.api.detector.Detectors;
import dev.unmask.cli.UnmaskCommand;
import dev.unmask.cli.UsageException;
import dev.unmask.core.media.MediaLimits;
import dev.unmask.core.scan.InputFiles;
import dev.unmask.core.scan.ScanInput;
import dev.unmask.detect.analyzer.DefaultDetector;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code unmask detector eval}: measures a detector on labelled real and fake folders, clean and perturbed. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure a detector on folders of real and fake images, clean and under each --perturb: ROC AUC, average "
                + "precision, equal-error rate, accuracy/TPR/FPR at the model's threshold, and TPR at 1%% FPR.",
                "Files that are not images or cannot be decoded are listed and skipped."},
        footer = {"", "Perturbations (applied to real and fake images alike, one row per value):",
                "  jpeg:Q[,Q..]  re-encode at JPEG quality Q (1..100)",
                "  resize:F      scale both sides by F (bilinear)",
                "  blur:S        Gaussian blur, sigma S pixels",
                "  noise:S       Gaussian noise, sigma S as a fraction of full scale",
                "  crop:F        keep the centred F of each side",
                "", "Exit codes: 0 done; 1 done, but some images could not be scored;",
                "2 usage error; 4 could not complete.",
                "", "Examples:", "  unmask detector eval --model models/npr --real data/real --fake data/fake",
                "  unmask detector eval --real r/ --fake f/ --perturb jpeg:90,75 resize:0.5 --out e/"})
public final class DetectorEvalCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", paramLabel = "DIR", description = "The detector model folder (default: the detector shipped with Unmask).")
    Path model;

    @Option(names = "--real", paramLabel = "DIR", required = true, arity = "1..*", description = "Real images (files or folders, walked recursively).")
    List<Path> real;

    @Option(names = "--fake", paramLabel = "DIR", arity = "1..*", required = true, description = "Fake images (files or folders, walked recursively).")
    List<Path> fake;

    @Option(names = "--perturb", paramLabel = "SPEC", arity = "1..*", description = "Perturbations, e.g. jpeg:90,75,50 resize:0.5 blur:1.0 noise:0.02 crop:0.8.")
    List<String> perturb = new ArrayList<>();

    @Option(names = "--json", description = "Print the figures as JSON instead of the table.")
    boolean json;

    @Option(names = "--out", paramLabel = "DIR", description = "Write metrics.json, scores.csv, roc.png and pr.png into DIR.")
    Path outDir;

    @Option(names = {"-j", "--threads"}, paramLabel = "N", description = "Images scored in parallel (default: the number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--no-progress", description = "Never show a progress bar (by default it shows on a terminal).")
    boolean noProgress;

    @Override
    public Integer call() throws Exception {
        List<Perturbation> perturbations;
        try {
            perturbations = Perturbation.parse(perturb);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (threads < 1 || threads > 512) {
            throw new UsageException("--threads must be in 1..512: " + threads);
        }
        List<Path> reals = expand(real, "--real");
        List<Path> fakes = expand(fake, "--fake");
        Path folder = model != null ? model : DefaultDetector.folder()
                .orElseThrow(() -> new UsageException("no default detector is installed; pass --model"));
        Detector detector;
        try {
            detector = Detectors.open(folder);
        } catch (DetectorException e) {
            throw new UsageException("cannot load the detector: " + e.getMessage());
        }
        DetectorEvaluation.Result result;
        try (detector) {
            result = evaluate(detector, perturbations, reals, fakes);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (outDir != null) {
            write(result);
        }
        out.print(json ? EvaluationReport.json(result) + System.lineSeparator() : EvaluationReport.table(result));
        if (outDir != null && !json) {
            out.println("Written: " + outDir.resolve("metrics.json") + ", scores.csv, roc.png, pr.png");
        }
        out.flush();
        return result.failures() > 0 ? UnmaskCommand.SOME_FAILED : UnmaskCommand.OK;
    }

    private static List<Path> expand(List<Path> paths, String option) throws IOException {
        List<Path> files = new ArrayList<>();
        try {
            for (ScanInput in : InputFiles.expand(paths)) {
                files.add(in.path());
            }
        } catch (NoSuchFileException e) {
            throw new UsageException(option + ": no such file or folder: " + e.getFile());
        }
        if (files.isEmpty()) {
            throw new UsageException(option + " holds no files: " + paths);
        }
        return files;
    }

    private DetectorEvaluation.Result evaluate(Detector detector, List<Perturbation> perturbations, List<Path> reals,
                                               List<Path> fakes) throws InterruptedException {
        ProgressBar bar = null;
        if (System.console() != null && !noProgress) {
            bar = new ProgressBarBuilder().setTaskName("Scoring").setInitialMax(reals.size() + fakes.size())
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .setUpdateIntervalMillis(250).showSpeed().setUnit(" images", 1).build();
        }
        ProgressBar progress = bar;
        try {
            return new DetectorEvaluation(detector, perturbations, MediaLimits.DEFAULT, threads)
                    .run(reals, fakes, () -> {
                        if (progress != null) {
                            progress.step();
                        }
                    });
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        } finally {
            if (bar != null) {
                bar.close();
            }
        }
    }

    private void write(DetectorEvaluation.Result result) throws IOException {
        Files.createDirectories(outDir);
        Files.writeString(outDir.resolve("metrics.json"), EvaluationReport.json(result) + "\n", StandardCharsets.UTF_8);
        Files.writeString(outDir.resolve("scores.csv"), EvaluationReport.csv(result), StandardCharsets.UTF_8);
        ImageIO.write(CurvePlots.roc(result), "png", outDir.resolve("roc.png").toFile());
        ImageIO.write(CurvePlots.pr(result), "png", outDir.resolve("pr.png").toFile());
    }
}
