package dev.unmask.core.scan;

/** Receives a scan's results in input order, from one thread at a time. */
public interface ScanListener {
    /** The number of files found, before any is analysed. */
    default void started(int files) {}

    /** One file's result; called in input order. Exceptions thrown here stop the scan. */
    void result(FileResult result) throws Exception;
}
