package dev.unmask.provenance.c2pa;

import dev.unmask.provenance.bmff.BmffBox;
import dev.unmask.provenance.bmff.BmffTree;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Verifies a hard-binding assertion against the asset bytes (C2PA 2.2 section 18): {@code c2pa.hash.data}
 * (18.5, exclusion ranges), {@code c2pa.hash.bmff}/{@code .v2}/{@code .v3} (18.6, box exclusions by xpath with data/length/
 * version/flags/subset; version 2 and later also hash each top-level box offset) and {@code c2pa.hash.boxes} (18.7,
 * reported with the informational code {@value #BOXES_HASH_NOT_VERIFIED}; not verified). Merkle-tree BMFF hashes
 * (fragmented files) are not verified either. Exclusions are validated (non-negative, no overflow, inside the asset, at most
 * {@link C2paLimits#maxExclusions()}) before anything is hashed.
 */
final class HardBindings {
    static final String DATA_HASH = "c2pa.hash.data";
    static final String BMFF_HASH = "c2pa.hash.bmff";
    static final String BOXES_HASH = "c2pa.hash.boxes";
    /** Informational (custom) code: a box-hash hard binding was present but not verified; the state cannot be VALID. */
    static final String BOXES_HASH_NOT_VERIFIED = "unmask.boxesHash.notVerified";
    private static final String BMFF_V2_SUFFIX = ".v2";
    private static final String BMFF_V3_SUFFIX = ".v3";
    private static final int FLAG_BYTES = 3;
    private static final int FULL_BOX_BYTES = 4;

    private HardBindings() {}

    /** Whether the (instance-stripped) label is a hard binding. */
    static boolean isHardBinding(String baseLabel) {
        return DATA_HASH.equals(baseLabel) || BOXES_HASH.equals(baseLabel) || baseLabel.equals(BMFF_HASH)
                || baseLabel.equals(BMFF_HASH + BMFF_V2_SUFFIX) || baseLabel.equals(BMFF_HASH + BMFF_V3_SUFFIX);
    }

    /** Verifies one hard binding; returns its status. */
    static ValidationStatus verify(AssertionBox a, String url, String claimAlg, byte[] asset, C2paLimits limits) {
        String base = a.baseLabel();
        if (DATA_HASH.equals(base)) {
            return dataHash(a, url, claimAlg, asset, limits);
        }
        if (BOXES_HASH.equals(base)) {
            return new ValidationStatus(BOXES_HASH_NOT_VERIFIED, url,
                    "c2pa.hash.boxes is not verified by this reader; the hard binding is unchecked");
        }
        return bmffHash(a, url, claimAlg, asset, limits, !base.equals(BMFF_HASH));
    }

    private static ValidationStatus dataHash(AssertionBox a, String url, String claimAlg, byte[] asset, C2paLimits limits) {
        if (!(a.data() instanceof Map<?, ?> m) || !(m.get("hash") instanceof byte[] expected)) {
            return new ValidationStatus(StatusCodes.ASSERTION_DATA_HASH_MALFORMED, url, "data hash assertion has no hash");
        }
        String alg = m.get("alg") instanceof String s ? s : claimAlg;
        if (!HashAlgorithms.supported(alg)) {
            return new ValidationStatus(StatusCodes.ALGORITHM_UNSUPPORTED, url, "unsupported hash algorithm " + alg);
        }
        List<RangeHasher.Range> ranges = new ArrayList<>();
        if (m.get("exclusions") instanceof List<?> ex) {
            if (ex.size() > limits.maxExclusions()) {
                return new ValidationStatus(StatusCodes.ASSERTION_DATA_HASH_MALFORMED, url,
                        ex.size() + " exclusions exceed the limit " + limits.maxExclusions());
            }
            for (Object e : ex) {
                if (!(e instanceof Map<?, ?> r) || !(r.get("start") instanceof Long start) || !(r.get("length") instanceof Long len)) {
                    return new ValidationStatus(StatusCodes.ASSERTION_DATA_HASH_MALFORMED, url, "exclusion is not {start, length}");
                }
                ranges.add(new RangeHasher.Range(start, len));
            }
        } else if (m.get("exclusions") != null) {
            return new ValidationStatus(StatusCodes.ASSERTION_DATA_HASH_MALFORMED, url, "exclusions is not an array");
        }
        String problem = RangeHasher.problem(ranges, asset.length);
        if (problem != null) {
            return new ValidationStatus(StatusCodes.ASSERTION_DATA_HASH_MALFORMED, url, problem);
        }
        byte[] actual = RangeHasher.hash(alg, asset, ranges, List.of());
        return Arrays.equals(actual, expected)
                ? new ValidationStatus(StatusCodes.ASSERTION_DATA_HASH_MATCH, url, "data hash valid")
                : new ValidationStatus(StatusCodes.ASSERTION_DATA_HASH_MISMATCH, url, "asset hash does not match the data hash assertion");
    }

    private static ValidationStatus bmffHash(AssertionBox a, String url, String claimAlg, byte[] asset, C2paLimits limits,
            boolean offsets) {
        if (!(a.data() instanceof Map<?, ?> m)) {
            return new ValidationStatus(StatusCodes.ASSERTION_BMFF_HASH_MALFORMED, url, "BMFF hash assertion is not a map");
        }
        String alg = m.get("alg") instanceof String s ? s : claimAlg;
        if (!HashAlgorithms.supported(alg)) {
            return new ValidationStatus(StatusCodes.ALGORITHM_UNSUPPORTED, url, "unsupported hash algorithm " + alg);
        }
        if (!(m.get("hash") instanceof byte[] expected)) {
            return new ValidationStatus(StatusCodes.ASSERTION_BMFF_HASH_MALFORMED, url,
                    "BMFF hash without a file hash (Merkle trees are not verified by this reader)");
        }
        List<BmffTree.Node> nodes;
        try {
            nodes = BmffTree.walk(asset, limits.maxBoxes(), limits.maxDepth());
        } catch (IllegalArgumentException e) {
            return new ValidationStatus(StatusCodes.ASSERTION_BMFF_HASH_MISMATCH, url, "asset is not valid BMFF: " + e.getMessage());
        }
        List<?> ex = m.get("exclusions") instanceof List<?> l ? l : List.of();
        if (ex.size() > limits.maxExclusions()) {
            return new ValidationStatus(StatusCodes.ASSERTION_BMFF_HASH_MALFORMED, url, "too many exclusions");
        }
        List<RangeHasher.Range> ranges = new ArrayList<>();
        List<Long> markers = new ArrayList<>();
        for (BmffTree.Node n : nodes) {
            boolean whole = false;
            for (Object e : ex) {
                if (e instanceof Map<?, ?> em && matches(em, n, asset)) {
                    whole |= exclude(em, n.box(), ranges);
                }
            }
            if (n.topLevel() && !whole) {
                markers.add(n.box().offset());
            }
        }
        if (ranges.size() > limits.maxExclusions()) {
            return new ValidationStatus(StatusCodes.ASSERTION_BMFF_HASH_MALFORMED, url, "too many excluded ranges");
        }
        byte[] actual = RangeHasher.hash(alg, asset, ranges, offsets ? markers : List.of());
        return Arrays.equals(actual, expected)
                ? new ValidationStatus(StatusCodes.ASSERTION_BMFF_HASH_MATCH, url, "BMFF hash valid")
                : new ValidationStatus(StatusCodes.ASSERTION_BMFF_HASH_MISMATCH, url, "asset hash does not match the BMFF hash assertion");
    }

    /** Whether a top-level box matches an exclusion: xpath {@code /type}, optional length and data values. */
    private static boolean matches(Map<?, ?> e, BmffTree.Node n, byte[] asset) {
        BmffBox b = n.box();
        if (!(e.get("xpath") instanceof String xpath) || !xpath.equals(n.path())) {
            return false;
        }
        if (e.get("version") instanceof Long v && b.length() > b.headerLength() && v != (asset[(int) b.offset() + b.headerLength()] & 0xff)) {
            return false;
        }
        if (e.get("flags") instanceof byte[] f && f.length >= FLAG_BYTES && b.length() >= b.headerLength() + FULL_BOX_BYTES) {
            int at = (int) b.offset() + b.headerLength() + 1;
            int boxFlags = ((asset[at] & 0xff) << 16) | ((asset[at + 1] & 0xff) << 8) | (asset[at + 2] & 0xff);
            int want = ((f[0] & 0xff) << 16) | ((f[1] & 0xff) << 8) | (f[2] & 0xff);
            boolean exact = !(e.get("exact") instanceof Boolean x) || x;
            if (exact ? boxFlags != want : (want | boxFlags) != want) {
                return false;
            }
        }
        if (e.get("length") instanceof Long len && len != b.length()) {
            return false;
        }
        if (e.get("data") instanceof List<?> data) {
            for (Object d : data) {
                if (!(d instanceof Map<?, ?> dm) || !(dm.get("offset") instanceof Long off) || !(dm.get("value") instanceof byte[] v)) {
                    return false;
                }
                if (off < 0 || off > b.length() - v.length) {
                    return false;
                }
                int at = (int) (b.offset() + off);
                if (!Arrays.equals(asset, at, at + v.length, v, 0, v.length)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Adds the excluded ranges of a matched box; returns whether the whole box is excluded. */
    private static boolean exclude(Map<?, ?> e, BmffBox b, List<RangeHasher.Range> ranges) {
        if (!(e.get("subset") instanceof List<?> subsets)) {
            ranges.add(new RangeHasher.Range(b.offset(), b.length()));
            return true;
        }
        for (Object o : subsets) {
            if (o instanceof Map<?, ?> sm && sm.get("offset") instanceof Long off && sm.get("length") instanceof Long len
                    && off >= 0 && len >= 0 && off <= b.length()) {
                long avail = b.length() - off;
                ranges.add(new RangeHasher.Range(b.offset() + off, len == 0 ? avail : Math.min(len, avail)));
            }
        }
        return false;
    }
}
