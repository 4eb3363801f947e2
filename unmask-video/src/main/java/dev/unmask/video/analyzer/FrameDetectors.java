package dev.unmask.video.analyzer;

import dev.unmask.api.Evidence;
import dev.unmask.api.detector.Detector;
import dev.unmask.api.detector.DetectorException;
import dev.unmask.api.detector.Detectors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Frame-level detector models ({@code video.detectors}): each scores whole analysed frames, and its scores over the
 * video form one track. A detector's {@code detector.properties} may say {@code evidence=manipulated}; otherwise its
 * scores count as evidence that the video is synthetic (whole-frame detectors are trained on generated images).
 */
final class FrameDetectors implements AutoCloseable {
    /** One opened detector and the direction its scores support. */
    record Loaded(Detector detector, Evidence evidence) {
        String name() {
            return detector.descriptor().name();
        }
    }

    private final List<Loaded> loaded;

    private FrameDetectors(List<Loaded> loaded) {
        this.loaded = List.copyOf(loaded);
    }

    /**
     * Opens the model folders.
     *
     * @throws IllegalArgumentException naming the folder when one cannot be opened
     */
    static FrameDetectors open(List<Path> folders) {
        List<Loaded> l = new ArrayList<>();
        try {
            for (Path f : folders) {
                Detector d;
                try {
                    d = Detectors.open(f);
                } catch (DetectorException e) {
                    throw new IllegalArgumentException("option video.detectors: cannot open " + f + ": " + e.getMessage(), e);
                }
                String ev = d.descriptor().property("evidence", "synthetic").toLowerCase(Locale.ROOT);
                Evidence evidence = switch (ev) {
                    case "synthetic" -> Evidence.SYNTHETIC;
                    case "manipulated" -> Evidence.MANIPULATED;
                    default -> {
                        d.close();
                        throw new IllegalArgumentException(f + ": evidence=" + ev + " must be synthetic or manipulated");
                    }
                };
                l.add(new Loaded(d, evidence));
            }
        } catch (RuntimeException e) {
            l.forEach(x -> x.detector().close());
            throw e;
        }
        return new FrameDetectors(l);
    }

    /** The detectors, in the order given. */
    List<Loaded> loaded() {
        return loaded;
    }

    @Override
    public void close() {
        loaded.forEach(x -> x.detector().close());
    }
}
