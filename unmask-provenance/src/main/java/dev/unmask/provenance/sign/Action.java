package dev.unmask.provenance.sign;

import java.util.Objects;

/**
 * One entry of a {@code c2pa.actions.v2} assertion (C2PA 2.2 section 18.14).
 *
 * @param action action name, e.g. {@link #CREATED} or {@link #EDITED}
 * @param digitalSourceType IPTC digital source type IRI, or null (required for {@code c2pa.created})
 * @param description optional human-readable description, or null
 */
public record Action(String action, String digitalSourceType, String description) {
    /** Asset created de novo. */
    public static final String CREATED = "c2pa.created";
    /** Asset opened from an existing asset. */
    public static final String OPENED = "c2pa.opened";
    /** Generic edit. */
    public static final String EDITED = "c2pa.edited";
    /** IPTC: media created by a trained algorithmic model (generative AI). */
    public static final String SOURCE_TRAINED_ALGORITHMIC =
            "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia";
    /** IPTC: original digital capture from a real-life scene. */
    public static final String SOURCE_DIGITAL_CAPTURE =
            "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture";
    /** IPTC: media edited with help of a trained algorithmic model. */
    public static final String SOURCE_COMPOSITE_WITH_TRAINED =
            "http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia";
    /** Longest accepted string field. */
    public static final int MAX_FIELD = 4096;

    /** Validates the fields. */
    public Action {
        Objects.requireNonNull(action, "action");
        if (action.isEmpty() || action.length() > MAX_FIELD) {
            throw new IllegalArgumentException("action name length");
        }
        if (digitalSourceType != null && (digitalSourceType.isEmpty() || digitalSourceType.length() > MAX_FIELD)) {
            throw new IllegalArgumentException("digitalSourceType length");
        }
        if (description != null && description.length() > MAX_FIELD) {
            throw new IllegalArgumentException("description length");
        }
    }

    /** A {@code c2pa.created} action with the given source type. */
    public static Action created(String digitalSourceType) {
        return new Action(CREATED, Objects.requireNonNull(digitalSourceType, "digitalSourceType"), null);
    }

    /**
     * A {@code c2pa.edited} action, optionally with a source type (e.g. {@link #SOURCE_COMPOSITE_WITH_TRAINED}).
     * As the first action it makes {@link C2paSigner} record the input file as the parentOf ingredient and precede
     * this action with the {@code c2pa.opened} action referencing it (C2PA 2.2 sections 18.14 and 18.15).
     */
    public static Action edited(String digitalSourceType) {
        return new Action(EDITED, digitalSourceType, null);
    }
}
