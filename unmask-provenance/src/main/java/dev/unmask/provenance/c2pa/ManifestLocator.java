package dev.unmask.provenance.c2pa;

import dev.unmask.api.MediaType;
import dev.unmask.provenance.bmff.BmffBox;
import dev.unmask.provenance.bmff.BmffBoxes;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Finds the C2PA manifest store in an asset (C2PA 2.2 section A.3 "Embedding manifests into assets"): JPEG APP11
 * JUMBF segments (via {@link JpegApp11}), the PNG {@code caBX} chunk, or the ISO BMFF top-level {@code uuid} box
 * with the C2PA user type and purpose {@code manifest}. When nothing is embedded, an XMP {@code dcterms:provenance}
 * reference is reported as a remote manifest (never fetched).
 */
public final class ManifestLocator {
    /** C2PA BMFF uuid box user type (section A.4.2). */
    public static final String C2PA_BMFF_UUID = "d8fec3d61b0e483c92975828877ec481";
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final String PNG_C2PA_CHUNK = "caBX";
    private static final int PNG_CHUNK_OVERHEAD = 12;
    private static final int FULL_BOX_HEADER = 4;
    private static final int MERKLE_OFFSET_BYTES = 8;
    private static final String PURPOSE_MANIFEST = "manifest";
    private static final int MAX_PURPOSE_BYTES = 64;

    private ManifestLocator() {}

    /** Locates the store; never throws. */
    public static LocatedStore locate(byte[] file, MediaType type, C2paLimits limits) {
        try {
            LocatedStore found;
            if (JpegApp11.isJpeg(file)) {
                found = JpegApp11.extract(file, limits);
            } else if (startsWith(file, PNG_SIGNATURE)) {
                found = png(file, limits);
            } else if (BmffBoxes.looksLikeBmff(file)) {
                found = bmff(file, limits);
            } else {
                found = LocatedStore.none();
            }
            if (found.kind() == LocatedStore.Kind.NONE) {
                String url = XmpProvenance.remoteUrl(file, limits);
                if (url != null) {
                    return new LocatedStore(LocatedStore.Kind.REMOTE, null, url, "xmp", null);
                }
            }
            return found;
        } catch (RuntimeException e) {
            return LocatedStore.malformed(type == null ? "unknown" : type.id(), "unreadable container: " + e.getMessage());
        }
    }

    private static LocatedStore png(byte[] f, C2paLimits limits) {
        int pos = PNG_SIGNATURE.length;
        int chunks = 0;
        while (f.length - pos >= PNG_CHUNK_OVERHEAD) {
            if (++chunks > limits.maxBoxes()) {
                return LocatedStore.malformed("png", "too many PNG chunks");
            }
            long len = BmffBoxes.u32(f, pos);
            String type = new String(f, pos + 4, 4, StandardCharsets.ISO_8859_1);
            if (len > f.length - pos - PNG_CHUNK_OVERHEAD) {
                return PNG_C2PA_CHUNK.equals(type) ? LocatedStore.malformed("png-caBX", "caBX chunk runs past the end of the file")
                        : LocatedStore.none();
            }
            if (PNG_C2PA_CHUNK.equals(type)) {
                if (len > limits.maxStoreBytes()) {
                    return LocatedStore.malformed("png-caBX", "manifest store larger than " + limits.maxStoreBytes() + " bytes");
                }
                byte[] j = java.util.Arrays.copyOfRange(f, pos + 8, pos + 8 + (int) len);
                return new LocatedStore(LocatedStore.Kind.EMBEDDED, j, null, "png-caBX", null);
            }
            if ("IEND".equals(type)) {
                break;
            }
            pos += PNG_CHUNK_OVERHEAD + (int) len;
        }
        return LocatedStore.none();
    }

    private static LocatedStore bmff(byte[] f, C2paLimits limits) {
        List<BmffBox> boxes;
        try {
            boxes = BmffBoxes.topLevel(f, limits.maxBoxes());
        } catch (IllegalArgumentException e) {
            return LocatedStore.malformed("bmff", e.getMessage());
        }
        for (BmffBox b : boxes) {
            if (!C2PA_BMFF_UUID.equals(b.userType())) {
                continue;
            }
            int pos = (int) b.offset() + b.headerLength() + FULL_BOX_HEADER;
            int end = (int) b.end();
            int z = pos;
            while (z < end && z - pos < MAX_PURPOSE_BYTES && f[z] != 0) {
                z++;
            }
            if (z >= end || f[z] != 0) {
                return LocatedStore.malformed("bmff-uuid", "C2PA uuid box without a purpose string");
            }
            String purpose = new String(f, pos, z - pos, StandardCharsets.UTF_8);
            if (!PURPOSE_MANIFEST.equals(purpose)) {
                continue;
            }
            int start = z + 1 + MERKLE_OFFSET_BYTES;
            if (start > end) {
                return LocatedStore.malformed("bmff-uuid", "C2PA uuid box too short");
            }
            if (end - start > limits.maxStoreBytes()) {
                return LocatedStore.malformed("bmff-uuid", "manifest store larger than " + limits.maxStoreBytes() + " bytes");
            }
            return new LocatedStore(LocatedStore.Kind.EMBEDDED, java.util.Arrays.copyOfRange(f, start, end), null, "bmff-uuid", null);
        }
        return LocatedStore.none();
    }

    static boolean startsWith(byte[] f, byte[] prefix) {
        if (f.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (f[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
