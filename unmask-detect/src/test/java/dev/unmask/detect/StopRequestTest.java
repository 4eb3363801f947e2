package dev.unmask.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unmask.core.media.MediaLimits;
import dev.unmask.detect.augment.Augmentation;
import dev.unmask.detect.data.ImageCache;
import dev.unmask.detect.train.Checkpoints;
import dev.unmask.detect.train.EpochStats;
import dev.unmask.detect.train.TrainConfig;
import dev.unmask.detect.train.TrainingListener;
import dev.unmask.detect.train.TrainingRun;
import dev.unmask.detect.train.TrainingStoppedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stop asked for during training (what Ctrl-C does) ends the run after the current batch and keeps the last checkpoint. */
class StopRequestTest {
    @TempDir
    Path dir;

    @Test
    void aStopDuringTheSecondEpochKeepsTheFirstCheckpointAndResumeFinishes() throws Exception {
        Path real = dir.resolve("real");
        Path fake = dir.resolve("fake");
        TestImages.write(real, fake, 24, 40, 56, 5);
        TrainConfig config = TrainingFixture.config(Architecture.NPR, real, fake, 32, 3, 8, 1e-3, Augmentation.NONE);
        Path model = dir.resolve("npr");
        AtomicInteger batchesInEpochTwo = new AtomicInteger();
        int[] epochNow = {0};
        TrainingListener stopper = new TrainingListener() {
            @Override
            public void epochStarted(int epoch, int epochs, int samples) {
                epochNow[0] = epoch;
            }

            @Override
            public void progress(int samplesDone, double loss, double accuracy) {
                if (epochNow[0] == 2) {
                    batchesInEpochTwo.incrementAndGet();
                }
            }

            @Override
            public boolean stopRequested() {
                return epochNow[0] == 2 && batchesInEpochTwo.get() >= 1;
            }
        };
        ImageCache cache = new ImageCache(1L << 30, MediaLimits.DEFAULT);
        TrainingStoppedException e = assertThrows(TrainingStoppedException.class,
                () -> TrainingRun.run(config, TrainingFixture.scan(config, cache), cache, model, false, 2, stopper));
        assertEquals(1, e.lastEpoch());
        assertEquals(1, batchesInEpochTwo.get(), "stopped right after the batch during which the stop was asked for");
        assertTrue(e.getMessage().contains("the checkpoint of epoch 1 is kept: continue with --resume " + model), e.getMessage());
        assertTrue(Files.isDirectory(Checkpoints.dir(model, 1)));
        assertFalse(Files.exists(Checkpoints.dir(model, 2)), "the interrupted epoch is not checkpointed");
        assertFalse(Files.exists(model.resolve("detector.properties")), "no model is written for a stopped run");
        TrainingRun.Result resumed = TrainingFixture.train(config, model, true);
        assertEquals(3, resumed.history().size());
        EpochStats last = resumed.history().get(2);
        assertEquals(3, last.epoch());
        assertTrue(Files.exists(model.resolve("detector.properties")));
    }
}
