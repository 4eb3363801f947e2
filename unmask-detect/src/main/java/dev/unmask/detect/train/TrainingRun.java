package dev.unmask.detect.train;

import dev.unmask.core.Version;
import dev.unmask.detect.Architecture;
import dev.unmask.detect.augment.Augmenter;
import dev.unmask.detect.calibrate.Calibration;
import dev.unmask.detect.calibrate.DecisionThreshold;
import dev.unmask.detect.calibrate.ReliabilityBins;
import dev.unmask.detect.data.Crops;
import dev.unmask.detect.data.Dataset;
import dev.unmask.detect.data.ImageCache;
import dev.unmask.detect.data.ImageRecord;
import dev.unmask.detect.data.InferenceTiles;
import dev.unmask.detect.model.ModelCard;
import dev.unmask.detect.model.ModelFolder;
import dev.unmask.detect.npr.NprTrainer;
import dev.unmask.detect.spectral.LogisticRegression;
import dev.unmask.detect.spectral.SpectralTrainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One training run, from scanned data to a finished model folder: trains epoch by epoch (validating on the centre
 * crops of the validation split and checkpointing after each), then scores the validation images as the finished
 * detector will, fits the calibration on those scores, picks the threshold for the target false-positive rate and
 * writes the model folder ({@link ModelFolder}), its card and its report. The final model is the network after the
 * last epoch.
 */
public final class TrainingRun {
    /**
     * What a run produced.
     *
     * @param model the model folder
     * @param history every epoch's numbers
     * @param validation the finished model's validation numbers
     * @param calibration the fitted calibration
     * @param threshold the decision threshold
     * @param parameters trainable parameters
     * @param description what was trained
     */
    public record Result(Path model, List<EpochStats> history, ValidationSummary validation, Calibration calibration,
            DecisionThreshold threshold, long parameters, String description) {
    }

    private TrainingRun() {
    }

    /**
     * Trains (or, with {@code resume}, continues training) the model in {@code model}.
     *
     * @param threads threads for data preparation and pure-Java features
     * @throws TrainingException when resuming is not possible as asked
     */
    public static Result run(TrainConfig config, Dataset data, ImageCache cache, Path model, boolean resume, int threads,
            TrainingListener listener) throws IOException, TrainingException {
        Files.createDirectories(model);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "unmask-train");
            t.setDaemon(true);
            return t;
        });
        try (ArchitectureTrainer trainer = create(config, pool)) {
            List<EpochStats> history = new ArrayList<>();
            int start = 0;
            if (resume) {
                Optional<Path> latest = Checkpoints.latest(model);
                if (latest.isEmpty()) {
                    throw new TrainingException(model + " has no checkpoint to resume from");
                }
                Checkpoints.State state = Checkpoints.state(latest.get());
                if (!state.dataFingerprint().equals(data.fingerprint())) {
                    throw new TrainingException("the training data changed since " + latest.get().getFileName()
                            + " was written (data fingerprint differs): resume needs exactly the same files");
                }
                if (state.epoch() >= config.epochs()) {
                    throw new TrainingException(model + " has already trained " + state.epoch() + " epochs; pass --epochs with more than "
                            + state.epoch() + " to continue");
                }
                trainer.load(latest.get());
                history.addAll(state.history());
                start = state.epoch();
                listener.message("resuming after epoch " + start + " from " + latest.get());
            }
            ModelFolder.writeJson(model.resolve(ModelFolder.CONFIG), config.toMap());
            data.writeManifest(model.resolve(ModelFolder.MANIFEST));
            data.writeSkipped(model.resolve(ModelFolder.SKIPPED));
            listener.message(trainer.describe());

            List<ImageRecord> val = data.validation();
            List<int[]> valCrops = new ArrayList<>();
            int[] valTargets = new int[val.size()];
            for (int i = 0; i < val.size(); i++) {
                valCrops.add(Crops.centre(cache.image(val.get(i)), config.size()));
                valTargets[i] = val.get(i).label().target();
            }
            Augmenter augmenter = new Augmenter(config.augmentation());
            for (int epoch = start + 1; epoch <= config.epochs(); epoch++) {
                long t0 = System.nanoTime();
                EpochBatches batches = new EpochBatches(data.train(), cache, augmenter, config.size(), config.seed(), epoch, config.batch(), pool);
                listener.epochStarted(epoch, config.epochs(), batches.samples());
                ArchitectureTrainer.EpochFit fit;
                try {
                    fit = trainer.trainEpoch(batches, new ArchitectureTrainer.ProgressSink() {
                        @Override
                        public void advanced(int samplesDone, double loss, double accuracy) {
                            listener.progress(samplesDone, loss, accuracy);
                        }

                        @Override
                        public boolean stopRequested() {
                            return listener.stopRequested();
                        }
                    });
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
                if (listener.stopRequested()) {
                    int last = epoch - 1;
                    throw new TrainingStoppedException("stopped during epoch " + epoch + (last > 0
                            ? "; the checkpoint of epoch " + last + " is kept: continue with --resume " + model
                            : " before any epoch finished: nothing to resume, start again"), last);
                }
                double trainSeconds = (System.nanoTime() - t0) / 1e9;
                double[] z = trainer.logits(valCrops);
                double valLoss = 0;
                int right = 0;
                for (int i = 0; i < z.length; i++) {
                    valLoss += LogisticRegression.logLoss(z[i], valTargets[i]);
                    right += (z[i] > 0) == (valTargets[i] == 1) ? 1 : 0;
                }
                EpochStats stats = new EpochStats(epoch, fit.loss(), fit.accuracy(), valLoss / z.length, (double) right / z.length,
                        RocCurve.of(z, valTargets).auc(), fit.samples() / Math.max(1e-9, trainSeconds), (System.nanoTime() - t0) / 1e9);
                history.add(stats);
                Checkpoints.save(model, trainer, new Checkpoints.State(epoch, data.fingerprint(), config, history));
                listener.epochFinished(stats, config.epochs());
            }
            return finish(config, data, cache, model, trainer, history, listener);
        } finally {
            pool.shutdownNow();
        }
    }

    private static ArchitectureTrainer create(TrainConfig config, ExecutorService pool) {
        return switch (config.architecture()) {
            case NPR, RGB -> new NprTrainer(config);
            case SPECTRAL -> new SpectralTrainer(config, pool);
        };
    }

    private static Result finish(TrainConfig config, Dataset data, ImageCache cache, Path model, ArchitectureTrainer trainer,
            List<EpochStats> history, TrainingListener listener) throws IOException {
        List<ImageRecord> val = data.validation();
        double[] raw = new double[val.size()];
        int[] targets = new int[val.size()];
        for (int i = 0; i < val.size(); i++) {
            List<int[]> tiles = InferenceTiles.crops(cache.image(val.get(i)), config.size(), config.tilesPerAxis());
            double s = 0;
            for (double v : trainer.logits(tiles)) {
                s += v;
            }
            raw[i] = s / tiles.size();
            targets[i] = val.get(i).label().target();
        }
        Calibration calibration = Calibration.fit(config.calibration(), raw, targets);
        double[] p = new double[raw.length];
        List<Double> realP = new ArrayList<>();
        List<Double> fakeP = new ArrayList<>();
        double logLoss = 0;
        for (int i = 0; i < raw.length; i++) {
            p[i] = calibration.probability(raw[i]);
            (targets[i] == 1 ? fakeP : realP).add(p[i]);
            double q = Math.min(1 - 1e-12, Math.max(1e-12, p[i]));
            logLoss -= targets[i] == 1 ? Math.log(q) : Math.log(1 - q);
        }
        DecisionThreshold threshold = DecisionThreshold.forFalsePositiveRate(realP.stream().mapToDouble(Double::doubleValue).toArray(),
                fakeP.stream().mapToDouble(Double::doubleValue).toArray(), config.targetFpr());
        int right = 0;
        for (int i = 0; i < p.length; i++) {
            right += (p[i] >= threshold.threshold()) == (targets[i] == 1) ? 1 : 0;
        }
        RocCurve roc = RocCurve.of(raw, targets);
        ReliabilityBins bins = ReliabilityBins.of(p, targets, 10);
        ValidationSummary summary = new ValidationSummary(realP.size(), fakeP.size(), roc.auc(), (double) right / p.length, threshold.tpr(),
                threshold.achievedFpr(), bins.ece(), logLoss / p.length, roc, bins);
        listener.message(String.format(Locale.ROOT, "calibration: %s; threshold %.4f for FPR %s (validation: FPR %.3f, TPR %.3f on %d real / %d fake)",
                calibration.method().id(), threshold.threshold(), config.targetFpr(), threshold.achievedFpr(), threshold.tpr(),
                realP.size(), fakeP.size()));

        Map<String, String> weights = trainer.writeWeights(model);
        ModelFolder.writeJson(model.resolve(ModelFolder.CALIBRATION), calibration.toMap());
        List<String> lines = new ArrayList<>();
        lines.add(EpochStats.CSV_HEADER);
        history.forEach(h -> lines.add(h.csv()));
        Files.write(model.resolve(ModelFolder.HISTORY), lines, StandardCharsets.UTF_8);
        Result result = new Result(model, List.copyOf(history), summary, calibration, threshold, trainer.parameterCount(), trainer.describe());
        ModelCard.write(model, config, data, result);
        TrainingReport.write(model.resolve(ModelFolder.REPORT), config, data, result);
        ModelFolder.writeDescriptor(model, descriptor(config, data, result, weights));
        listener.message("model written to " + model);
        return result;
    }

    private static Map<String, String> descriptor(TrainConfig config, Dataset data, Result r, Map<String, String> weights) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(ModelFolder.KEY_KIND, config.architecture().kind());
        m.put(ModelFolder.KEY_NAME, config.name());
        m.put(ModelFolder.KEY_VERSION, "1");
        m.put(ModelFolder.KEY_SCOPE, scope(config));
        m.put(ModelFolder.KEY_INPUT_SIZE, Integer.toString(config.size()));
        m.put(ModelFolder.KEY_TILES, Integer.toString(config.tilesPerAxis()));
        m.put(ModelFolder.KEY_THRESHOLD, Double.toString(r.threshold().threshold()));
        m.put(ModelFolder.KEY_THRESHOLD_FPR, Double.toString(config.targetFpr()));
        m.put(ModelFolder.KEY_THRESHOLD_FPR_ACHIEVED, fmt(r.threshold().achievedFpr()));
        m.put(ModelFolder.KEY_THRESHOLD_TPR, fmt(r.threshold().tpr()));
        m.put(ModelFolder.KEY_THRESHOLD_REALS, Integer.toString(r.threshold().reals()));
        m.put(ModelFolder.KEY_CALIBRATION, ModelFolder.CALIBRATION);
        m.put(ModelFolder.KEY_CALIBRATION_METHOD, config.calibration().id());
        m.putAll(weights);
        m.put(ModelFolder.KEY_VALIDATION_AUC, fmt(r.validation().auc()));
        m.put(ModelFolder.KEY_VALIDATION_ACCURACY, fmt(r.validation().accuracy()));
        m.put(ModelFolder.KEY_VALIDATION_ECE, fmt(r.validation().ece()));
        m.put(ModelFolder.KEY_EPOCHS, Integer.toString(r.history().size()));
        m.put(ModelFolder.KEY_DATA_FINGERPRINT, data.fingerprint());
        m.put(ModelFolder.KEY_TRAINED_BY, "Unmask " + Version.get());
        return m;
    }

    static String scope(TrainConfig config) {
        String what = switch (config.architecture()) {
            case NPR -> "up-sampling traces (NPR residual)";
            case RGB -> "the RGB pixels (ResNet)";
            case SPECTRAL -> "the azimuthal power spectrum";
        };
        return "Learned from " + what + " on one pair of real/fake folders: it recognises fakes made like its training fakes, "
                + "not every generator; scores are calibrated on the validation split's class balance. See MODEL_CARD.md.";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
