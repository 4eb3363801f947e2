package dev.unmask.api.detector;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Opens detector model folders with whichever installed {@link DetectorLoader} runs their kind. */
public final class Detectors {
    private Detectors() {}

    /**
     * Opens the model in {@code folder}.
     *
     * @throws DetectorException when the folder is not a detector model, or no installed loader runs its kind (the
     *     message lists the installed kinds), or the loader fails
     */
    public static Detector open(Path folder) throws DetectorException {
        DetectorDescriptor d;
        try {
            d = DetectorDescriptor.read(folder);
        } catch (IOException e) {
            throw new DetectorException(e.getMessage(), e);
        }
        List<String> kinds = new ArrayList<>();
        for (DetectorLoader loader : ServiceLoader.load(DetectorLoader.class)) {
            if (loader.kind().equals(d.kind())) {
                return loader.load(d);
            }
            kinds.add(loader.kind());
        }
        throw new DetectorException(folder + ": no installed loader runs detectors of kind '" + d.kind() + "' (installed: "
                + (kinds.isEmpty() ? "none" : String.join(", ", kinds)) + ")");
    }

    /** The kinds of every installed loader. */
    public static List<String> installedKinds() {
        List<String> kinds = new ArrayList<>();
        ServiceLoader.load(DetectorLoader.class).forEach(l -> kinds.add(l.kind()));
        return kinds;
    }
}
