package dev.unmask.detect.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Training checkpoints inside a model folder: {@code MODEL/checkpoints/epoch-NNNN/} holds the architecture's state
 * (weights, optimiser, features: whatever {@link ArchitectureTrainer#save} writes) and {@code state.json} (the epoch,
 * the data fingerprint, the settings and the history so far). A checkpoint is written into a temporary folder and
 * renamed into place, so an interrupted write never leaves a half checkpoint under a real name; the newest
 * {@link #KEEP} are kept.
 */
public final class Checkpoints {
    /** The folder inside a model. */
    public static final String FOLDER = "checkpoints";
    /** The state file inside a checkpoint. */
    public static final String STATE = "state.json";
    /** Checkpoints kept. */
    public static final int KEEP = 2;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * What a checkpoint records besides the architecture's own files.
     *
     * @param epoch epochs completed
     * @param dataFingerprint {@link dev.unmask.detect.data.Dataset#fingerprint()} of the data trained on
     * @param config the settings
     * @param history every epoch's numbers so far
     */
    public record State(int epoch, String dataFingerprint, TrainConfig config, List<EpochStats> history) {
        /** Copies the history. */
        public State {
            history = List.copyOf(history);
        }
    }

    private Checkpoints() {
    }

    /** The folder of the checkpoint after {@code epoch}. */
    public static Path dir(Path model, int epoch) {
        return model.resolve(FOLDER).resolve(String.format("epoch-%04d", epoch));
    }

    /** Writes a checkpoint and removes all but the newest {@link #KEEP}. */
    public static Path save(Path model, ArchitectureTrainer trainer, State state) throws IOException {
        Path target = dir(model, state.epoch());
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        deleteTree(tmp);
        Files.createDirectories(tmp);
        trainer.save(tmp);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epoch", state.epoch());
        m.put("data_fingerprint", state.dataFingerprint());
        m.put("config", state.config().toMap());
        List<String> h = new ArrayList<>();
        state.history().forEach(s -> h.add(s.csv()));
        m.put("history", h);
        JSON.writeValue(tmp.resolve(STATE).toFile(), m);
        deleteTree(target);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        List<Path> all = list(model);
        for (int i = 0; i < all.size() - KEEP; i++) {
            deleteTree(all.get(i));
        }
        return target;
    }

    /** The newest complete checkpoint, if any. */
    public static Optional<Path> latest(Path model) throws IOException {
        List<Path> all = list(model);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Reads a checkpoint's {@code state.json}. */
    @SuppressWarnings("unchecked")
    public static State state(Path checkpoint) throws IOException {
        Map<String, Object> m = JSON.readValue(checkpoint.resolve(STATE).toFile(), Map.class);
        try {
            List<EpochStats> h = new ArrayList<>();
            for (Object line : (List<Object>) m.get("history")) {
                h.add(EpochStats.parse(line.toString()));
            }
            return new State(((Number) m.get("epoch")).intValue(), (String) m.get("data_fingerprint"),
                    TrainConfig.fromMap((Map<String, Object>) m.get("config")), h);
        } catch (RuntimeException e) {
            throw new IOException(checkpoint.resolve(STATE) + " is damaged: " + e.getMessage(), e);
        }
    }

    private static List<Path> list(Path model) throws IOException {
        Path root = model.resolve(FOLDER);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> p.getFileName().toString().matches("epoch-\\d{4,}") && Files.isRegularFile(p.resolve(STATE)))
                    .sorted(Comparator.comparing(p -> Integer.parseInt(p.getFileName().toString().substring(6))))
                    .toList();
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
