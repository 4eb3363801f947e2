package dev.unmask.provenance.c2pa;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Hashes an asset minus exclusion ranges (C2PA 2.2 section 18.5, data hash; section 18.6, BMFF hash where version 2
 * also hashes the 8-byte big-endian offset of every top-level box that is not fully excluded, before its bytes).
 */
final class RangeHasher {
    private static final int OFFSET_BYTES = Long.BYTES;

    /** A half-open excluded range {@code [start, start+length)}. */
    record Range(long start, long length) {
        long end() {
            return start + length;
        }
    }

    private RangeHasher() {}

    /**
     * Checks exclusions: non-negative, no overflow, within the file. Returns null if well formed, else the problem.
     */
    static String problem(List<Range> ranges, long fileLength) {
        for (Range r : ranges) {
            if (r.start() < 0 || r.length() < 0) {
                return "negative exclusion start or length";
            }
            if (r.start() > Long.MAX_VALUE - r.length()) {
                return "exclusion start + length overflows";
            }
            if (r.end() > fileLength) {
                return "exclusion [" + r.start() + ", " + r.end() + ") runs past the end of the " + fileLength + "-byte asset";
            }
        }
        return null;
    }

    /** Hashes {@code data} minus the (validated) exclusions, inserting BMFF v2 offset markers. */
    static byte[] hash(String alg, byte[] data, List<Range> exclusions, List<Long> offsetMarkers) {
        List<Range> ex = new ArrayList<>(exclusions);
        ex.sort(Comparator.comparingLong(Range::start));
        List<long[]> included = new ArrayList<>();
        long cur = 0;
        for (Range r : ex) {
            if (r.length() == 0) {
                continue;
            }
            if (r.start() > cur) {
                included.add(new long[] {cur, r.start()});
            }
            cur = Math.max(cur, r.end());
        }
        if (cur < data.length) {
            included.add(new long[] {cur, data.length});
        }
        MessageDigest d = HashAlgorithms.digest(alg);
        List<Long> markers = new ArrayList<>(offsetMarkers);
        markers.sort(null);
        int mi = 0;
        long firstStart = included.isEmpty() ? 0 : included.get(0)[0];
        for (long[] seg : included) {
            while (mi < markers.size() && markers.get(mi) < seg[0]) {
                if (markers.get(mi) > firstStart) {
                    d.update(be(markers.get(mi)));
                }
                mi++;
            }
            long pos = seg[0];
            while (mi < markers.size() && markers.get(mi) < seg[1]) {
                long m = markers.get(mi++);
                d.update(data, (int) pos, (int) (m - pos));
                d.update(be(m));
                pos = m;
            }
            d.update(data, (int) pos, (int) (seg[1] - pos));
        }
        return d.digest();
    }

    private static byte[] be(long v) {
        return ByteBuffer.allocate(OFFSET_BYTES).putLong(v).array();
    }
}
