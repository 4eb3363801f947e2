package dev.unmask.provenance.trust;

/**
 * Outcome of chain building.
 *
 * @param trusted whether the chain reached a trust anchor or the end entity is on the allowed list
 * @param reason short explanation (which anchor, or why not)
 */
public record ChainResult(boolean trusted, String reason) {}
