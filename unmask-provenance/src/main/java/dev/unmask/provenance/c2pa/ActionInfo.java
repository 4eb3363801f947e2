package dev.unmask.provenance.c2pa;

/**
 * One action of a {@code c2pa.actions} or {@code c2pa.actions.v2} assertion (C2PA 2.2 section 18.15).
 *
 * @param action the action, e.g. {@code c2pa.created}
 * @param digitalSourceType the IPTC digital source type URI, or null
 * @param softwareAgent the software agent (name and version when given as claim-generator-info), or null
 * @param when the time of the action, or null
 */
public record ActionInfo(String action, String digitalSourceType, String softwareAgent, String when) {}
