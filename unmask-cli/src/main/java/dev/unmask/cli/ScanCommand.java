package dev.unmask.cli;

import dev.unmask.api.Analyzer;
import dev.unmask.api.AnalyzerInfo;
import dev.unmask.core.Version;
import dev.unmask.core.media.MediaLimits;
import dev.unmask.core.report.HtmlReportWriter;
import dev.unmask.core.report.ScanJsonWriter;
import dev.unmask.core.scan.AnalyzerSet;
import dev.unmask.core.scan.FileResult;
import dev.unmask.core.scan.Label;
import dev.unmask.core.scan.ScanListener;
import dev.unmask.core.scan.ScanPipeline;
import dev.unmask.core.scan.ScanSettings;
import dev.unmask.core.scan.VerdictFusion;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code unmask scan}: analyses images and reports a verdict with evidence for each. */
@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Analyse images (files, or folders walked recursively) and give each a verdict with the evidence behind it.",
                "Formats are detected from the file's bytes (JPEG, PNG, WebP, GIF, BMP, TIFF; MP4, MOV, WebM, MKV, AVI videos), never from its name.",
                "Verdicts: likely authentic, inconclusive, likely manipulated, likely synthetic, not applicable."},
        footer = {"", "Exit codes: 0 all analysed; 1 some files could not be analysed; 2 usage error;",
                "3 a file matched --fail-on; 4 the scan could not complete.",
                "", "Examples:", "  unmask scan samples/", "  unmask scan --json photo.jpg > result.json",
                "  unmask scan --report report.html --out results/ evidence/",
                "  unmask scan --fail-on synthetic,manipulated uploads/   (for pipelines)",
                "  unmask scan --detector models/npr photo.jpg   (add a learned detector)"})
final class ScanCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Image files or folders (walked recursively; hidden entries skipped).")
    List<Path> paths;

    @Option(names = "--json", description = "Write the JSON result (schema: 'unmask schema') to standard output instead of the terminal summary.")
    boolean json;

    @Option(names = "--out", paramLabel = "DIR", description = "Write results.json and the evidence pictures (artifacts/) into DIR.")
    Path outDir;

    @Option(names = "--report", paramLabel = "FILE.html", description = "Write one self-contained HTML evidence report for the batch.")
    Path report;

    @Option(names = "--fail-on", paramLabel = "LABEL", split = ",",
            description = "Exit with code 3 when any file gets one of these labels: manipulated, synthetic (comma-separated).")
    List<String> failOn = new ArrayList<>();

    @Option(names = {"-j", "--threads"}, paramLabel = "N", description = "Files analysed in parallel (default: the number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--only", paramLabel = "ID", split = ",", description = "Run only these analyzers (see 'unmask analyzers').")
    Set<String> only = new LinkedHashSet<>();

    @Option(names = "--skip", paramLabel = "ID", split = ",", description = "Do not run these analyzers.")
    Set<String> skip = new LinkedHashSet<>();

    @Option(names = "--set", paramLabel = "ID.KEY=VALUE", description = "An analyzer setting, e.g. --set ela.quality=95 (repeatable).")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--detector", paramLabel = "MODEL",
            description = "Also run this learned detector: a model folder, or the name of a model installed under models/"
                    + " (default-detector, face-sbi); repeatable; same as --set detector.models=MODEL,...")
    List<Path> detectors = new ArrayList<>();

    @Option(names = "--limit", paramLabel = "KEY=VALUE",
            description = "Change a guard limit: max-file-bytes (512m), max-pixels (100m), max-dimension (65500), max-metadata-bytes (32m), max-chunks (100k).")
    Map<String, String> limits = new LinkedHashMap<>();

    @Option(names = "--skip-unsupported", description = {"Report named files whose format is not supported as 'not applicable' instead of as errors.",
            "(Files of unknown format found while walking a folder are always skipped this way.)"})
    boolean skipUnsupported;

    @Option(names = {"-v", "--verbose"}, description = "Show every driver and each analyzer's summary in the terminal output.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "No terminal summary and no progress bar (exit code and files only).")
    boolean quiet;

    @Option(names = "--no-progress", description = "Never show a progress bar (by default it shows for batches on a terminal).")
    boolean noProgress;

    @Override
    public Integer call() throws Exception {
        Set<Label> failLabels = parseFailOn();
        MediaLimits lim = MediaLimits.DEFAULT;
        try {
            for (var e : limits.entrySet()) {
                lim = lim.with(e.getKey(), e.getValue());
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        ScanSettings settings;
        try {
            settings = new ScanSettings(threads, lim, ScanSettings.defaults().pixelBudget(), skipUnsupported,
                    report != null || outDir != null);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        List<dev.unmask.core.scan.ScanInput> files;
        try {
            files = dev.unmask.core.scan.InputFiles.expand(paths);
        } catch (NoSuchFileException e) {
            throw new UsageException("no such file or folder: " + e.getFile());
        }
        if (report != null && Files.isDirectory(report)) {
            throw new UsageException("--report needs a file name, not a folder: " + report);
        }
        if (!detectors.isEmpty()) {
            if (options.containsKey("detector.models")) {
                throw new UsageException("--detector and --set detector.models both name detector models; use one of them");
            }
            if (AnalyzerSet.discover().stream().noneMatch(a -> a.info().id().equals("detector"))) {
                throw new UsageException("--detector needs the learned-detector module (unmask-detect), part of the full distribution (./unmask)");
            }
            options.put("detector.models", String.join(",", detectors.stream().map(Path::toString).toList()));
        }
        AnalyzerSet set;
        try {
            set = AnalyzerSet.load(only, skip, options);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        try (set) {
            return scan(files, set, settings, failLabels);
        }
    }

    private Set<Label> parseFailOn() {
        Set<Label> s = EnumSet.noneOf(Label.class);
        for (String f : failOn) {
            switch (f.trim()) {
                case "manipulated" -> s.add(Label.MANIPULATED);
                case "synthetic" -> s.add(Label.SYNTHETIC);
                default -> throw new UsageException("--fail-on takes manipulated and/or synthetic, not '" + f + "'");
            }
        }
        return s;
    }

    private int scan(List<dev.unmask.core.scan.ScanInput> files, AnalyzerSet set, ScanSettings settings, Set<Label> failLabels) throws Exception {
        Instant started = Instant.now();
        VerdictFusion fusion = VerdictFusion.defaults();
        ScanPipeline pipeline = new ScanPipeline(set, settings, fusion);
        List<AnalyzerInfo> infos = set.analyzers().stream().map(Analyzer::info).toList();
        Map<String, Object> settingsJson = new LinkedHashMap<>();
        settingsJson.put("threads", settings.threads());
        Map<String, Object> limitsJson = new LinkedHashMap<>();
        limitsJson.put("max_file_bytes", settings.limits().maxFileBytes());
        limitsJson.put("max_pixels", settings.limits().maxPixels());
        limitsJson.put("max_dimension", settings.limits().maxDimension());
        limitsJson.put("max_metadata_bytes", settings.limits().maxMetadataBytes());
        limitsJson.put("max_chunks", settings.limits().maxChunks());
        settingsJson.put("limits", limitsJson);
        settingsJson.put("options", new LinkedHashMap<>(options));
        settingsJson.put("skip_unsupported", settings.skipUnsupported());

        PrintWriter out = spec.commandLine().getOut();
        boolean terminal = System.console() != null;
        boolean showSummary = !json && !quiet;
        TerminalSummary summary = showSummary ? new TerminalSummary(out, verbose, terminal && System.getenv("NO_COLOR") == null) : null;

        List<AutoCloseable> toClose = new ArrayList<>();
        ScanJsonWriter stdoutJson = null;
        ScanJsonWriter fileJson = null;
        HtmlReportWriter html = null;
        java.io.Writer resultsStream = null;
        int[] counts = new int[2]; // errors, fail-on matches
        ProgressBar bar = null;
        FileProgress fileProgress = null;
        try {
            if (json) {
                stdoutJson = new ScanJsonWriter(out, true, null, null);
                toClose.add(stdoutJson);
                stdoutJson.begin(Version.get(), started, infos, settingsJson);
            }
            if (outDir != null) {
                Files.createDirectories(outDir);
                resultsStream = Files.newBufferedWriter(outDir.resolve("results.json"), java.nio.charset.StandardCharsets.UTF_8);
                fileJson = new ScanJsonWriter(resultsStream, true, outDir.resolve("artifacts"), outDir);
                toClose.add(fileJson);
                fileJson.begin(Version.get(), started, infos, settingsJson);
            }
            if (report != null) {
                if (report.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(report.toAbsolutePath().getParent());
                }
                html = new HtmlReportWriter(report, Version.get(), started, infos, fusion);
                toClose.add(html);
            }
            if (terminal && !quiet && !noProgress && files.size() > 1) {
                bar = new ProgressBarBuilder().setTaskName("Scanning").setInitialMax(files.size())
                        .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                        .setUpdateIntervalMillis(250).showSpeed().setUnit(" files", 1).build();
            }
            final ProgressBar progress = bar;
            fileProgress = new FileProgress(bar, terminal && !quiet && !noProgress);
            final FileProgress inFile = fileProgress;
            final ScanJsonWriter j1 = stdoutJson;
            final ScanJsonWriter j2 = fileJson;
            final HtmlReportWriter h = html;
            String clear = bar != null ? "\r\u001b[K" : "";
            pipeline.scan(files, new ScanListener() {
                @Override
                public void progress(int index, Path path, long done, long total, String unit) {
                    inFile.update(index, path, done, total, unit);
                }

                @Override
                public void result(FileResult r) throws Exception {
                    inFile.finished(r.index());
                    if (r.error() != null) {
                        counts[0]++;
                    }
                    if (failLabels.contains(r.verdict().label())) {
                        counts[1]++;
                    }
                    if (summary != null) {
                        summary.print(r, clear);
                    }
                    if (j1 != null) {
                        j1.write(r);
                    }
                    if (j2 != null) {
                        j2.write(r);
                    }
                    if (h != null) {
                        h.add(r);
                    }
                    if (progress != null) {
                        progress.step();
                    }
                }
            });
            Instant finished = Instant.now();
            if (bar != null) {
                bar.close();
                bar = null;
            }
            if (stdoutJson != null) {
                stdoutJson.end(finished);
                out.println();
                out.flush();
            }
            if (fileJson != null) {
                fileJson.end(finished);
            }
            if (html != null) {
                html.finish(finished);
            }
            if (summary != null) {
                summary.printSummary(clear);
                if (report != null) {
                    out.println("Report: " + report);
                }
                if (outDir != null) {
                    out.println("Results: " + outDir.resolve("results.json"));
                }
                out.flush();
            }
        } finally {
            if (fileProgress != null) {
                fileProgress.close();
            }
            if (bar != null) {
                bar.close();
            }
            for (AutoCloseable c : toClose) {
                c.close();
            }
            if (resultsStream != null) {
                resultsStream.close();
            }
        }
        if (counts[1] > 0) {
            if (!quiet) {
                spec.commandLine().getErr().println("unmask: " + counts[1] + " file(s) matched --fail-on " + String.join(",", failOn));
                spec.commandLine().getErr().flush();
            }
            return UnmaskCommand.FAIL_ON_MATCHED;
        }
        return counts[0] > 0 ? UnmaskCommand.SOME_FAILED : UnmaskCommand.OK;
    }

    private static MediaLimits lim(ScanSettings s) {
        return s.limits();
    }
}
