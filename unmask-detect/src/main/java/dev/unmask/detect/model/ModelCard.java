package dev.unmask.detect.model;

import dev.unmask.core.Version;
import dev.unmask.detect.Architecture;
import dev.unmask.detect.data.Dataset;
import dev.unmask.detect.data.Label;
import dev.unmask.detect.data.SkippedFile;
import dev.unmask.detect.data.Split;
import dev.unmask.detect.train.EpochStats;
import dev.unmask.detect.train.TrainConfig;
import dev.unmask.detect.train.TrainingRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes {@code MODEL_CARD.md} (after Mitchell et al., "Model Cards for Model Reporting", FAT* 2019): what the
 * model is, the data it was trained on (counts per class and split, the fingerprint, where every file's SHA-256 is
 * listed), the augmentations and settings, the validation metrics, the intended use and the known limits.
 */
public final class ModelCard {
    private ModelCard() {
    }

    /** Writes the card into {@code model}. */
    public static void write(Path model, TrainConfig c, Dataset d, TrainingRun.Result r) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("# Model card: ").append(c.name()).append("\n\n");
        b.append("| | |\n|---|---|\n");
        b.append("| kind | `").append(c.architecture().kind()).append("` (open with `Detectors.open(folder)`; Unmask loads it by this kind) |\n");
        b.append("| architecture | ").append(r.description()).append(" |\n");
        b.append("| trainable parameters | ").append(String.format(Locale.ROOT, "%,d", r.parameters())).append(" |\n");
        b.append("| input | ").append(c.size()).append("x").append(c.size())
                .append(" crops, never resized; the centre crop, or up to ").append(c.tilesPerAxis() * c.tilesPerAxis())
                .append(" tiles on larger images with their logits averaged |\n");
        b.append("| output | calibrated probability that the image is fake (").append(c.calibration().id())
                .append(" calibration on the validation split) |\n");
        b.append(String.format(Locale.ROOT, "| decision threshold | %.4f, chosen for a %.2f%% false-positive rate on the validation reals |%n",
                r.threshold().threshold(), 100 * c.targetFpr()));
        b.append("| trained by | Unmask ").append(Version.get()).append(", ").append(r.history().size()).append(" epochs |\n\n");

        b.append("## Intended use\n\n");
        b.append("Screening images for the traces that separate the fake training folder from the real one, as one piece of evidence "
                + "among others (in `unmask scan --detector`, fused with the signal analyzers). A score is a probability for images like "
                + "the validation images, with their class balance; it is not proof, and not a probability for a collection with a "
                + "different share of fakes. Use the threshold for a yes/no decision at the stated false-positive rate.\n\n");

        b.append("## Training data\n\n");
        b.append("| | train | validation | total |\n|---|---:|---:|---:|\n");
        for (Label l : Label.values()) {
            int t = d.count(l, Split.TRAIN);
            int v = d.count(l, Split.VALIDATION);
            b.append("| ").append(l.id()).append(" | ").append(t).append(" | ").append(v).append(" | ").append(t + v).append(" |\n");
        }
        b.append("\n- real folder: `").append(c.realDir()).append("`\n- fake folder: `").append(c.fakeDir()).append("`\n");
        b.append("- every image used, with its SHA-256, size and split: `manifest.csv`; data fingerprint (SHA-256 over split, label and "
                + "hash of every image) `").append(d.fingerprint()).append("`\n");
        b.append("- validation split: a file is held out when the first 8 bytes of its SHA-256 modulo 100 are below ")
                .append(c.validationPercent()).append(" (stable across runs and machines)\n");
        Map<String, Integer> reasons = new TreeMap<>();
        for (SkippedFile s : d.skipped()) {
            reasons.merge(s.code(), 1, Integer::sum);
        }
        b.append("- skipped files: ").append(d.skipped().size()).append(reasons.isEmpty() ? "" : " " + reasons)
                .append(" (each with its reason in `skipped.csv`)\n\n");

        b.append("## Training\n\n");
        b.append("- augmentations (training crops only): ").append(c.augmentation().describe()).append("\n");
        b.append("- training crops: random ").append(c.size()).append("-pixel crops; validation: fixed centre crops\n");
        if (c.architecture().neural()) {
            b.append(String.format(Locale.ROOT, "- Adam, learning rate %s, batch %d, binary cross-entropy, seed %d%n", c.learningRate(),
                    c.batch(), c.seed()));
        } else {
            b.append(String.format(Locale.ROOT, "- logistic regression, L2 %s, refitted on all augmented views after each epoch, seed %d%n",
                    c.l2(), c.seed()));
        }
        b.append("- all settings: `config.json`; per-epoch numbers: `history.csv`; curves: `report.html`\n\n");

        b.append("## Validation metrics\n\n");
        b.append("Scored as the detector scores (tiles, then calibration). Calibration and threshold were fitted on these same images, "
                + "so the rates at the threshold and the calibration error are in-sample.\n\n");
        b.append("| metric | value |\n|---|---:|\n");
        b.append(String.format(Locale.ROOT, "| ROC AUC | %.4f |%n| accuracy at threshold | %.4f |%n| true-positive rate at threshold | %.4f |%n"
                + "| false-positive rate at threshold | %.4f |%n| expected calibration error (10 bins) | %.4f |%n| log loss (calibrated) | %.4f |%n",
                r.validation().auc(), r.validation().accuracy(), r.validation().tpr(), r.validation().fpr(), r.validation().ece(),
                r.validation().logLoss()));
        EpochStats last = r.history().get(r.history().size() - 1);
        b.append(String.format(Locale.ROOT, "| last epoch: validation AUC on centre crops | %.4f |%n%n", last.validationAuc()));

        b.append("## Known limits\n\n");
        b.append("- It learns whatever separates the two folders. If real and fake images differ in something other than how they were "
                + "made (subject, size, format, compression, source), the model may have learned that shortcut instead.\n");
        b.append("- It recognises fakes made like its training fakes; other generators, editing tools and face swaps may go unnoticed.\n");
        b.append("- Compression, blurring, resizing and noise stronger than the training augmentations reduce its accuracy; "
                + "up-sampling traces in particular do not survive down-scaling.\n");
        b.append("- Images smaller than ").append(c.size()).append(" pixels on a side are not scored (never enlarged).\n");
        if (r.threshold().reals() < Math.ceil(1 / c.targetFpr())) {
            b.append(String.format(Locale.ROOT, "- The threshold was chosen on only %d real images: a %.2f%% false-positive rate cannot be "
                    + "measured with fewer than %d, so it is only known that none of them was called fake.%n", r.threshold().reals(),
                    100 * c.targetFpr(), (int) Math.ceil(1 / c.targetFpr())));
        }
        if (d.validation().size() < 200) {
            b.append("- The validation split is small (").append(d.validation().size())
                    .append(" images): the metrics above are rough.\n");
        }
        Files.writeString(model.resolve(ModelFolder.CARD), b.toString(), StandardCharsets.UTF_8);
    }
}
