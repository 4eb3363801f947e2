package dev.unmask.detect;

import dev.unmask.core.media.MediaLimits;
import dev.unmask.detect.augment.Augmentation;
import dev.unmask.detect.calibrate.CalibrationMethod;
import dev.unmask.detect.data.Dataset;
import dev.unmask.detect.data.DatasetScanner;
import dev.unmask.detect.data.ImageCache;
import dev.unmask.detect.train.TrainConfig;
import dev.unmask.detect.train.TrainingListener;
import dev.unmask.detect.train.TrainingRun;
import java.nio.file.Path;

/** Shared set-up for training tests: generated folders, a scan, a config, a run. */
public final class TrainingFixture {
    private TrainingFixture() {
    }

    /** A config on {@code real}/{@code fake} with the given architecture and knobs. */
    public static TrainConfig config(Architecture a, Path real, Path fake, int size, int epochs, int batch, double lr, Augmentation aug) {
        return new TrainConfig(a, size, epochs, batch, lr, 7, 25, aug, CalibrationMethod.PLATT, 0.05, TrainConfig.DEFAULT_L2, 3, "test-" + a.kind(),
                real.toString(), fake.toString());
    }

    /** Scans the config's folders with an unlimited cache. */
    public static Dataset scan(TrainConfig c, ImageCache cache) throws Exception {
        return DatasetScanner.scan(Path.of(c.realDir()), Path.of(c.fakeDir()),
                new DatasetScanner.Settings(c.size(), c.validationPercent(), MediaLimits.DEFAULT, 2), cache);
    }

    /** Scans and trains into {@code model}. */
    public static TrainingRun.Result train(TrainConfig c, Path model, boolean resume) throws Exception {
        ImageCache cache = new ImageCache(1L << 30, MediaLimits.DEFAULT);
        return TrainingRun.run(c, scan(c, cache), cache, model, resume, 2, new TrainingListener() {
            @Override
            public void epochFinished(dev.unmask.detect.train.EpochStats s, int epochs) {
                System.out.println(c.architecture().kind() + " " + s.csv());
            }
        });
    }

}
