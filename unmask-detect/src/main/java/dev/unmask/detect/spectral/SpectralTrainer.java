package dev.unmask.detect.spectral;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.unmask.detect.train.ArchitectureTrainer;
import dev.unmask.detect.train.EpochBatches;
import dev.unmask.detect.train.TrainConfig;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Trains the spectral detector: each epoch computes the {@link AzimuthalSpectrum} features of one augmented random
 * crop of every training image and adds them to the pool of all epochs' features, then refits the
 * {@link LogisticRegression} on the whole pool, so more epochs mean more augmented views of each image (the batch
 * size and learning rate do not apply). Everything is pure Java and sequential where order matters, so a resumed
 * run ends with exactly the weights an uninterrupted one would. Checkpoints hold the pooled features
 * ({@value #FEATURES}) and the classifier ({@value #CLASSIFIER}).
 */
public final class SpectralTrainer implements ArchitectureTrainer {
    /** Pooled features in checkpoints. */
    public static final String FEATURES = "features.bin";
    /** The classifier in checkpoints. */
    public static final String CLASSIFIER = "classifier.json";
    /** The weights file in a model folder. */
    public static final String WEIGHTS = "spectral-weights.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final TrainConfig config;
    private final AzimuthalSpectrum spectrum;
    private final ExecutorService pool;
    private final List<double[]> features = new ArrayList<>();
    private final List<Integer> targets = new ArrayList<>();
    private SpectralClassifier classifier;

    /** A trainer for {@code config}, computing features on {@code pool}. */
    public SpectralTrainer(TrainConfig config, ExecutorService pool) {
        this.config = config;
        this.spectrum = new AzimuthalSpectrum(config.size());
        this.pool = pool;
    }

    @Override
    public EpochFit trainEpoch(EpochBatches batches, ProgressSink progress) throws IOException {
        int seen = 0;
        double lossSum = 0;
        int correct = 0;
        for (EpochBatches.Batch b : batches) {
            double[][] f = features(List.of(b.crops()));
            for (int i = 0; i < f.length; i++) {
                features.add(f[i]);
                targets.add(b.targets()[i]);
                if (classifier != null) {
                    double z = classifier.logit(f[i]);
                    lossSum += LogisticRegression.logLoss(z, b.targets()[i]);
                    correct += (z > 0) == (b.targets()[i] == 1) ? 1 : 0;
                }
            }
            seen += f.length;
            progress.advanced(seen, classifier == null ? Double.NaN : lossSum / seen, classifier == null ? Double.NaN : (double) correct / seen);
            if (progress.stopRequested()) {
                return new EpochFit(Double.NaN, Double.NaN, seen); // thrown away by the run; the classifier is not refitted
            }
        }
        double[][] x = features.toArray(new double[0][]);
        int[] y = targets.stream().mapToInt(Integer::intValue).toArray();
        classifier = LogisticRegression.fit(x, y, config.l2());
        double loss = 0;
        int right = 0;
        for (int i = 0; i < x.length; i++) {
            double z = classifier.logit(x[i]);
            loss += LogisticRegression.logLoss(z, y[i]);
            right += (z > 0) == (y[i] == 1) ? 1 : 0;
        }
        return new EpochFit(loss / x.length, (double) right / x.length, seen);
    }

    private double[][] features(List<int[]> crops) throws IOException {
        List<Future<double[]>> fs = new ArrayList<>();
        for (int[] c : crops) {
            fs.add(pool.submit(() -> spectrum.features(c)));
        }
        double[][] out = new double[crops.size()][];
        try {
            for (int i = 0; i < out.length; i++) {
                out[i] = fs.get(i).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("spectral features failed: " + e.getCause(), e.getCause());
        }
        return out;
    }

    @Override
    public double[] logits(List<int[]> crops) {
        if (classifier == null) {
            throw new IllegalStateException("not trained yet");
        }
        try {
            double[][] f = features(crops);
            double[] z = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                z[i] = classifier.logit(f[i]);
            }
            return z;
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The fitted classifier (null before the first epoch). */
    public SpectralClassifier classifier() {
        return classifier;
    }

    @Override
    public void save(Path dir) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(dir.resolve(FEATURES))))) {
            int d = features.isEmpty() ? 0 : features.get(0).length;
            out.writeInt(features.size());
            out.writeInt(d);
            for (int i = 0; i < features.size(); i++) {
                out.writeByte(targets.get(i));
                for (double v : features.get(i)) {
                    out.writeDouble(v);
                }
            }
        }
        if (classifier != null) {
            JSON.writeValue(dir.resolve(CLASSIFIER).toFile(), classifier.toMap());
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void load(Path dir) throws IOException {
        features.clear();
        targets.clear();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(dir.resolve(FEATURES))))) {
            int n = in.readInt();
            int d = in.readInt();
            if (n < 0 || d != spectrum.featureCount() && n > 0) {
                throw new IOException(dir.resolve(FEATURES) + " holds " + d + " features per image, this run needs " + spectrum.featureCount());
            }
            for (int i = 0; i < n; i++) {
                targets.add((int) in.readByte());
                double[] f = new double[d];
                for (int k = 0; k < d; k++) {
                    f[k] = in.readDouble();
                }
                features.add(f);
            }
        }
        Path c = dir.resolve(CLASSIFIER);
        classifier = Files.isRegularFile(c) ? SpectralClassifier.fromMap(JSON.readValue(c.toFile(), Map.class)) : null;
    }

    @Override
    public Map<String, String> writeWeights(Path modelDir) throws IOException {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("size", config.size());
        w.put("classifier", classifier.toMap());
        JSON.writeValue(modelDir.resolve(WEIGHTS).toFile(), w);
        Map<String, String> m = new LinkedHashMap<>();
        m.put("weights", WEIGHTS);
        m.put("spectral.features", Integer.toString(spectrum.featureCount()));
        m.put("spectral.training-views", Integer.toString(features.size()));
        return m;
    }

    @Override
    public long parameterCount() {
        return spectrum.featureCount() + 1L;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "azimuthal power spectrum (%d rings) + L2 logistic regression (lambda %s) (Durall et al. CVPR 2020), pure Java",
                spectrum.featureCount(), config.l2());
    }

    @Override
    public void close() {
        // nothing native
    }
}
