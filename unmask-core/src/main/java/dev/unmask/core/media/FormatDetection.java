package dev.unmask.core.media;

import dev.unmask.api.FormatDetector;
import dev.unmask.api.MediaType;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** All {@link FormatDetector}s on the class path, asked in turn. Thread-safe. */
public final class FormatDetection {
    private final List<FormatDetector> detectors;
    private final int headerLength;

    /** Loads the detectors with {@link ServiceLoader}. */
    public FormatDetection() {
        this(ServiceLoader.load(FormatDetector.class).stream().map(ServiceLoader.Provider::get).toList());
    }

    /** Uses the given detectors. */
    public FormatDetection(List<FormatDetector> detectors) {
        this.detectors = List.copyOf(detectors);
        this.headerLength = detectors.stream().mapToInt(FormatDetector::headerLength).max().orElse(16);
    }

    /** How many leading bytes to read before calling {@link #detect}. */
    public int headerLength() {
        return headerLength;
    }

    /** The format of a file starting with {@code header}, or {@link MediaType#UNKNOWN}. */
    public MediaType detect(byte[] header) {
        for (FormatDetector d : detectors) {
            Optional<MediaType> t = d.detect(header);
            if (t.isPresent()) {
                return t.get();
            }
        }
        return MediaType.UNKNOWN;
    }
}
