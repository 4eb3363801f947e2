package dev.unmask.api;

/**
 * A forensic analyzer: examines one file and reports findings as data.
 *
 * <h2>Discovery</h2>
 * Implementations are found with {@link java.util.ServiceLoader} (a line in
 * {@code META-INF/services/dev.unmask.api.Analyzer}) and need a public no-argument constructor. Adding an
 * analyzer never edits a central list.
 *
 * <h2>Lifecycle and threading contract</h2>
 * <ol>
 *   <li>The pipeline constructs one instance per run and calls {@link #init} exactly once, before any other
 *       call except {@link #info}. {@code init} reads and validates the options into an immutable settings
 *       record; it throws {@link IllegalArgumentException} for an invalid option, which stops the run before
 *       any file is read (a usage error).</li>
 *   <li>{@link #supports} and {@link #analyze} are then called <em>concurrently</em> from several threads, for
 *       different files. Implementations must therefore be stateless after {@code init}, or synchronise.</li>
 *   <li>{@link #close} is called once when the run ends.</li>
 * </ol>
 *
 * <h2>Failure contract</h2>
 * An analyzer never brings the batch down. Expected conditions are results
 * ({@link AnalyzerResult#notApplicable}, {@link AnalyzerResult#failed}); an unexpected exception thrown from
 * {@code analyze} is caught by the pipeline and recorded as a failed result with its message, visible in the
 * report.
 */
public interface Analyzer extends AutoCloseable {
    /** Identity and description; callable at any time. */
    AnalyzerInfo info();

    /**
     * Reads and validates settings. Called once before use.
     *
     * @throws IllegalArgumentException when an option is invalid
     */
    default void init(AnalyzerOptions options) {
        // no options by default
    }

    /**
     * Whether this analyzer needs decoded pixels. When a file's image cannot be decoded (truncated, refused by a
     * guard), analyzers that return {@code false} here (metadata readers, container parsers) still run on the
     * file's bytes; the others are reported as not run, with the decoding error as the reason.
     */
    default boolean needsPixels() {
        return true;
    }

    /** Cheap test, from the format alone, of whether {@link #analyze} applies. */
    boolean supports(MediaType type);

    /**
     * Examines one file.
     *
     * @param media the file; its expensive views are shared with the other analyzers
     * @return the result, never null
     * @throws Exception on an unexpected failure, which the pipeline records as a failed result
     */
    AnalyzerResult analyze(Media media) throws Exception;

    /** Releases resources (models, native memory). */
    @Override
    default void close() {
        // nothing to release by default
    }
}
