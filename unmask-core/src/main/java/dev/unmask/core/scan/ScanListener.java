package dev.unmask.core.scan;

/** Receives a scan's results in input order, from one thread at a time. */
public interface ScanListener {
    /** The number of files found, before any is analysed. */
    default void started(int files) {}

    /** One file's result; called in input order. Exceptions thrown here stop the scan. */
    void result(FileResult result) throws Exception;

    /**
     * Progress inside one file while an analyzer works through it (the frames of a video); see
     * {@link dev.unmask.core.media.MediaProgress}. Unlike {@link #result}, called from the worker threads, possibly
     * concurrently for different files: implementations must be cheap and thread-safe. Ignored by default.
     *
     * @param index the file's position in the input order
     * @param path the file
     * @param done units done
     * @param total units expected (an estimate; 0 or less when unknown)
     * @param unit what is counted, e.g. {@code "frames"}
     */
    default void progress(int index, java.nio.file.Path path, long done, long total, String unit) {}
}
