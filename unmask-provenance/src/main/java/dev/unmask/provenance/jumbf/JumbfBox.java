package dev.unmask.provenance.jumbf;

import java.util.List;

/**
 * One box of a JUMBF tree (ISO/IEC 19566-5; ISO/IEC 14496-12 box layout). Offsets index the buffer the tree was
 * parsed from.
 *
 * @param type four-character box type, e.g. {@code jumb}, {@code cbor}, {@code json}
 * @param offset offset of the box header
 * @param headerLength 8, or 16 with an extended size
 * @param length total box length including the header
 * @param description the description box when this is a superbox ({@code jumb}), else null
 * @param children content boxes of a superbox (the description excluded), else empty
 */
public record JumbfBox(String type, int offset, int headerLength, int length, JumbfDescription description,
        List<JumbfBox> children) {
    /** Box type of a superbox. */
    public static final String SUPERBOX = "jumb";

    /** Offset of the payload (after the header). */
    public int payloadOffset() {
        return offset + headerLength;
    }

    /** Length of the payload. */
    public int payloadLength() {
        return length - headerLength;
    }

    /** Whether this is a superbox. */
    public boolean isSuperbox() {
        return description != null;
    }

    /** The label of a superbox, or null. */
    public String label() {
        return description == null ? null : description.label();
    }

    /** The first child superbox with this label, or null. */
    public JumbfBox child(String childLabel) {
        for (JumbfBox c : children) {
            if (c.isSuperbox() && childLabel.equals(c.label())) {
                return c;
            }
        }
        return null;
    }

    /** The number of child superboxes with this label. */
    public int countChildren(String childLabel) {
        int n = 0;
        for (JumbfBox c : children) {
            if (c.isSuperbox() && childLabel.equals(c.label())) {
                n++;
            }
        }
        return n;
    }

    /** The first non-superbox content box, or null. */
    public JumbfBox firstContent() {
        for (JumbfBox c : children) {
            if (!c.isSuperbox()) {
                return c;
            }
        }
        return null;
    }
}
