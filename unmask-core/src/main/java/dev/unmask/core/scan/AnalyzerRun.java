package dev.unmask.core.scan;

import dev.unmask.api.AnalyzerInfo;
import dev.unmask.api.AnalyzerResult;

/**
 * One analyzer's result on one file, with who produced it and how long it took.
 *
 * @param info the analyzer's identity
 * @param result its result
 * @param elapsedMillis wall-clock time of {@code analyze}, for the performance section of reports
 */
public record AnalyzerRun(AnalyzerInfo info, AnalyzerResult result, double elapsedMillis) {}
