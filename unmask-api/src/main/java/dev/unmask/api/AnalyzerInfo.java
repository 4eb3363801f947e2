package dev.unmask.api;

import java.util.Objects;

/**
 * Describes an analyzer.
 *
 * @param id stable identifier, lower case (e.g. {@code "ela"}); prefixes its findings' codes and its options
 * @param name display name (e.g. "Error level analysis")
 * @param version version of the algorithm; bump it when results change for the same input
 * @param description what it looks for, in one or two sentences, citing the method
 */
public record AnalyzerInfo(String id, String name, String version, String description) {
    /** Validates the components. */
    public AnalyzerInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
        if (!id.matches("[a-z][a-z0-9_-]{0,31}")) {
            throw new IllegalArgumentException("analyzer id must be lower case: " + id);
        }
    }
}
