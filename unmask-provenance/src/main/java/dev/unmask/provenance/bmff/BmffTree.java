package dev.unmask.provenance.bmff;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Walks the ISO BMFF box tree (ISO/IEC 14496-12) into a flat list of boxes with their paths ({@code /moov/trak/mdia}),
 * descending only into well-known container boxes, so that the xpath exclusions of {@code c2pa.hash.bmff} (C2PA 2.2
 * section 18.6) can be matched. Sizes are checked against the parent; a container whose children do not parse is
 * treated as a leaf. Depth and box count are bounded.
 */
public final class BmffTree {
    private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "stbl", "dinf", "edts", "mvex",
            "moof", "traf", "mfra", "udta", "meta", "iprp", "ipco", "sinf", "schi");
    /** Full boxes among the containers: a version/flags word precedes their children. */
    private static final Set<String> FULL_CONTAINERS = Set.of("meta");
    private static final int HEADER = 8;
    private static final int FULL_BOX_BYTES = 4;
    private static final int LARGE_SIZE_BYTES = 8;
    private static final int USER_TYPE_BYTES = 16;

    /**
     * A box with its path.
     *
     * @param path e.g. {@code /moov/trak/mdia/minf/stbl/stco}
     * @param box the box (offsets in the file)
     * @param topLevel whether it is a top-level box
     */
    public record Node(String path, BmffBox box, boolean topLevel) {}

    private BmffTree() {}

    /**
     * Every box reachable through container boxes, in file order.
     *
     * @throws IllegalArgumentException if the top level is malformed or limits are exceeded
     */
    public static List<Node> walk(byte[] data, int maxBoxes, int maxDepth) {
        List<Node> out = new ArrayList<>();
        for (BmffBox b : BmffBoxes.topLevel(data, maxBoxes)) {
            out.add(new Node("/" + b.type(), b, true));
            descend(data, b, "/" + b.type(), 1, out, maxBoxes, maxDepth);
        }
        return out;
    }

    private static void descend(byte[] d, BmffBox parent, String path, int depth, List<Node> out, int maxBoxes, int maxDepth) {
        if (!CONTAINERS.contains(parent.type()) || depth > maxDepth) {
            return;
        }
        long pos = parent.offset() + parent.headerLength() + (FULL_CONTAINERS.contains(parent.type()) ? FULL_BOX_BYTES : 0);
        List<BmffBox> kids = new ArrayList<>();
        while (pos < parent.end()) {
            BmffBox k = child(d, pos, parent.end());
            if (k == null || out.size() + kids.size() >= maxBoxes) {
                return;
            }
            kids.add(k);
            pos = k.end();
        }
        for (BmffBox k : kids) {
            String p = path + "/" + k.type();
            out.add(new Node(p, k, false));
            descend(d, k, p, depth + 1, out, maxBoxes, maxDepth);
        }
    }

    private static BmffBox child(byte[] d, long pos, long limit) {
        if (limit - pos < HEADER) {
            return null;
        }
        int p = (int) pos;
        long size = BmffBoxes.u32(d, p);
        String type = new String(d, p + 4, 4, StandardCharsets.ISO_8859_1);
        int header = HEADER;
        if (size == 1) {
            if (limit - pos < HEADER + LARGE_SIZE_BYTES) {
                return null;
            }
            size = (BmffBoxes.u32(d, p + HEADER) << Integer.SIZE) | BmffBoxes.u32(d, p + HEADER + 4);
            header += LARGE_SIZE_BYTES;
        } else if (size == 0) {
            size = limit - pos;
        }
        if ("uuid".equals(type)) {
            header += USER_TYPE_BYTES;
        }
        if (size < header || size > limit - pos) {
            return null;
        }
        return new BmffBox(type, pos, header, size, null);
    }
}
