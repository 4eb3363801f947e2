package dev.unmask.provenance.jumbf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Parses a JUMBF superbox tree (ISO/IEC 19566-5 sections A and B; C2PA 2.2 section A.3). Every box length is
 * checked against its parent; a box shorter than its header, an extended size beyond the parent, more boxes than
 * {@code maxBoxes} or deeper nesting than {@code maxDepth} all fail with {@link JumbfException}. Because boxes are
 * parsed strictly forward within their parent, a structure cannot loop.
 */
public final class JumbfParser {
    private static final int HEADER = 8;
    private static final int EXTENDED_HEADER = 16;
    private static final int SIZE_EXTENDED = 1;
    private static final int SIZE_TO_END = 0;
    private static final int UUID_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final int ID_BYTES = 4;
    private static final String DESCRIPTION = "jumd";

    private final byte[] data;
    private final int maxDepth;
    private final int maxBoxes;
    private int boxes;

    private JumbfParser(byte[] data, int maxDepth, int maxBoxes) {
        this.data = data;
        this.maxDepth = maxDepth;
        this.maxBoxes = maxBoxes;
    }

    /**
     * Parses the single top-level superbox occupying {@code data} (trailing bytes are an error).
     *
     * @throws JumbfException for any malformed or over-limit structure
     */
    public static JumbfBox parse(byte[] data, int maxDepth, int maxBoxes) throws JumbfException {
        JumbfParser p = new JumbfParser(data, maxDepth, maxBoxes);
        JumbfBox root = p.box(0, data.length, 0);
        if (!root.isSuperbox()) {
            throw new JumbfException("top-level box is '" + root.type() + "', not a JUMBF superbox");
        }
        if (root.length() != data.length) {
            throw new JumbfException("trailing bytes after the top-level superbox");
        }
        return root;
    }

    private JumbfBox box(int offset, int limit, int depth) throws JumbfException {
        if (depth > maxDepth) {
            throw new JumbfException("JUMBF nesting deeper than " + maxDepth);
        }
        if (++boxes > maxBoxes) {
            throw new JumbfException("more than " + maxBoxes + " JUMBF boxes");
        }
        if (limit - offset < HEADER) {
            throw new JumbfException("truncated box header at " + offset);
        }
        long size = u32(offset);
        String type = new String(data, offset + 4, 4, StandardCharsets.ISO_8859_1);
        int header = HEADER;
        if (size == SIZE_EXTENDED) {
            if (limit - offset < EXTENDED_HEADER) {
                throw new JumbfException("truncated extended size at " + offset);
            }
            size = (u32(offset + HEADER) << Integer.SIZE) | u32(offset + HEADER + 4);
            header = EXTENDED_HEADER;
        } else if (size == SIZE_TO_END) {
            size = limit - offset;
        }
        if (size < header || size > limit - offset) {
            throw new JumbfException("box '" + printable(type) + "' at " + offset + " has length " + size
                    + " outside its parent (" + (limit - offset) + " bytes left)");
        }
        int length = (int) size;
        if (!JumbfBox.SUPERBOX.equals(type)) {
            return new JumbfBox(type, offset, header, length, null, List.of());
        }
        int end = offset + length;
        int pos = offset + header;
        JumbfBox descBox = box(pos, end, depth + 1);
        if (!DESCRIPTION.equals(descBox.type())) {
            throw new JumbfException("superbox at " + offset + " does not start with a description box");
        }
        JumbfDescription desc = description(descBox);
        pos += descBox.length();
        List<JumbfBox> children = new ArrayList<>();
        while (pos < end) {
            JumbfBox child = box(pos, end, depth + 1);
            children.add(child);
            pos += child.length();
        }
        return new JumbfBox(type, offset, header, length, desc, List.copyOf(children));
    }

    private JumbfDescription description(JumbfBox d) throws JumbfException {
        int pos = d.payloadOffset();
        int end = d.offset() + d.length();
        if (end - pos < UUID_BYTES + 1) {
            throw new JumbfException("description box too short");
        }
        String uuid = HexFormat.of().formatHex(data, pos, pos + UUID_BYTES);
        pos += UUID_BYTES;
        int toggles = data[pos++] & 0xff;
        String label = null;
        if ((toggles & JumbfDescription.TOGGLE_LABEL) != 0) {
            int z = pos;
            while (z < end && data[z] != 0) {
                z++;
            }
            if (z >= end) {
                throw new JumbfException("unterminated label in description box");
            }
            label = new String(data, pos, z - pos, StandardCharsets.UTF_8);
            pos = z + 1;
        }
        Integer id = null;
        if ((toggles & JumbfDescription.TOGGLE_ID) != 0) {
            if (end - pos < ID_BYTES) {
                throw new JumbfException("truncated id in description box");
            }
            id = (int) u32(pos);
            pos += ID_BYTES;
        }
        byte[] hash = null;
        if ((toggles & JumbfDescription.TOGGLE_HASH) != 0) {
            if (end - pos < HASH_BYTES) {
                throw new JumbfException("truncated hash in description box");
            }
            hash = java.util.Arrays.copyOfRange(data, pos, pos + HASH_BYTES);
        }
        return new JumbfDescription(uuid, toggles, label, id, hash, (toggles & JumbfDescription.TOGGLE_PRIVATE) != 0);
    }

    private long u32(int at) {
        return ((long) (data[at] & 0xff) << 24) | ((data[at + 1] & 0xff) << 16) | ((data[at + 2] & 0xff) << 8)
                | (data[at + 3] & 0xff);
    }

    private static String printable(String type) {
        return type.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
