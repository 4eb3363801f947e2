package dev.unmask.analyzers.metadata;

import com.drew.imaging.ImageMetadataReader;
import com.drew.lang.KeyValuePair;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.icc.IccDirectory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.png.PngDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything metadata-extractor (Drew Noakes, https://drewnoakes.com/code/exif/) reads from one file, flattened
 * into the few views the checks need: PNG text chunks, XMP properties, EXIF/IPTC strings and the parser's own
 * errors. A file the library cannot parse at all yields an empty snapshot with the reason in {@link #errors()}.
 */
final class MetadataSnapshot {
    /** One PNG text chunk (tEXt, zTXt or iTXt) or an equivalent key/value text. */
    record TextField(String key, String value) {}

    private static final int MAX_ERRORS = 20;
    private static final int USER_COMMENT_HEADER = 8;

    private final Metadata metadata;
    private final List<TextField> pngTexts = new ArrayList<>();
    private final Map<String, String> xmp = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();
    private final Set<String> blocks = new LinkedHashSet<>();

    private MetadataSnapshot(Metadata metadata) {
        this.metadata = metadata;
    }

    /** Reads {@code bytes}; never throws for malformed input. */
    static MetadataSnapshot read(byte[] bytes) {
        Metadata md;
        try {
            md = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
        } catch (Exception | StackOverflowError e) {
            MetadataSnapshot s = new MetadataSnapshot(new Metadata());
            String m = e.getMessage();
            s.errors.add("metadata could not be read: " + (m == null || m.isBlank() ? e.getClass().getSimpleName() : m));
            return s;
        }
        MetadataSnapshot s = new MetadataSnapshot(md);
        s.collect();
        return s;
    }

    private void collect() {
        for (Directory d : metadata.getDirectories()) {
            for (String e : d.getErrors()) {
                if (errors.size() < MAX_ERRORS) {
                    errors.add(d.getName() + ": " + e);
                }
            }
            if (d instanceof ExifDirectoryBase && !(d.getName().startsWith("Exif Thumbnail"))) {
                blocks.add("EXIF");
            } else if (d instanceof XmpDirectory x) {
                blocks.add("XMP");
                xmp.putAll(x.getXmpProperties());
            } else if (d instanceof IptcDirectory) {
                blocks.add("IPTC");
            } else if (d instanceof IccDirectory) {
                blocks.add("ICC");
            } else if (d instanceof PngDirectory && d.containsTag(PngDirectory.TAG_TEXTUAL_DATA)) {
                if (d.getObject(PngDirectory.TAG_TEXTUAL_DATA) instanceof List<?> list) {
                    for (Object o : list) {
                        if (o instanceof KeyValuePair kv && kv.getKey() != null && kv.getValue() != null) {
                            pngTexts.add(new TextField(kv.getKey(), kv.getValue().toString()));
                        }
                    }
                }
            }
        }
    }

    Metadata metadata() {
        return metadata;
    }

    /** PNG text chunks in file order. */
    List<TextField> pngTexts() {
        return pngTexts;
    }

    /** The value of the first PNG text chunk named {@code key} (exact, case-sensitive), or null. */
    String pngText(String key) {
        for (TextField t : pngTexts) {
            if (t.key().equals(key)) {
                return t.value();
            }
        }
        return null;
    }

    /** Flattened XMP properties ({@code prefix:name} and paths such as {@code xmpMM:History[1]/stEvt:when}). */
    Map<String, String> xmp() {
        return xmp;
    }

    /** XMP values whose property path ends with {@code :suffix} (case-insensitive), e.g. {@code CreatorTool}. */
    List<String> xmpValuesEndingWith(String suffix) {
        String s = (":" + suffix).toLowerCase(java.util.Locale.ROOT);
        List<String> out = new ArrayList<>();
        xmp.forEach((k, v) -> {
            if (k.toLowerCase(java.util.Locale.ROOT).endsWith(s) && v != null && !v.isBlank()) {
                out.add(v.strip());
            }
        });
        return out;
    }

    /** The parser's own complaints about damaged metadata (at most 20). */
    List<String> errors() {
        return errors;
    }

    /** Names of the metadata blocks found (EXIF, XMP, IPTC, ICC), without the PNG text count. */
    Set<String> blocks() {
        return blocks;
    }

    /** A string tag of the first directory of the given class that has it, trimmed; null when absent. */
    <T extends Directory> String string(Class<T> type, int tag) {
        for (T d : metadata.getDirectoriesOfType(type)) {
            String v = d.getString(tag);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    /** A tag's human description from the first directory of the class that has it; null when absent. */
    <T extends Directory> String description(Class<T> type, int tag) {
        for (T d : metadata.getDirectoriesOfType(type)) {
            if (d.containsTag(tag)) {
                String v = d.getDescription(tag);
                if (v != null && !v.isBlank()) {
                    return v.strip();
                }
            }
        }
        return null;
    }

    /** A numeric tag as a double; null when absent or not numeric. */
    <T extends Directory> Double number(Class<T> type, int tag) {
        for (T d : metadata.getDirectoriesOfType(type)) {
            if (d.containsTag(tag)) {
                try {
                    double v = d.getDouble(tag);
                    return Double.isFinite(v) ? v : null;
                } catch (com.drew.metadata.MetadataException | RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /**
     * The EXIF UserComment decoded from its 8-byte character-code header (EXIF 2.32 section 4.6.5: "ASCII",
     * "UNICODE" = UTF-16 of either byte order, "JIS", or undefined), or null when absent.
     */
    String userComment() {
        for (ExifSubIFDDirectory d : metadata.getDirectoriesOfType(ExifSubIFDDirectory.class)) {
            byte[] b = d.getByteArray(ExifDirectoryBase.TAG_USER_COMMENT);
            if (b != null) {
                String s = decodeUserComment(b);
                if (s != null && !s.isBlank()) {
                    return s;
                }
            }
        }
        return null;
    }

    static String decodeUserComment(byte[] b) {
        if (b.length <= USER_COMMENT_HEADER) {
            return null;
        }
        String head = new String(b, 0, USER_COMMENT_HEADER, StandardCharsets.US_ASCII);
        byte[] body = Arrays.copyOfRange(b, USER_COMMENT_HEADER, b.length);
        if (head.startsWith("UNICODE")) {
            int evenZeros = 0;
            int oddZeros = 0;
            for (int i = 0; i + 1 < body.length; i += 2) {
                evenZeros += body[i] == 0 ? 1 : 0;
                oddZeros += body[i + 1] == 0 ? 1 : 0;
            }
            String s = new String(body, 0, body.length & ~1,
                    evenZeros >= oddZeros ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE);
            return trimNuls(s);
        }
        // ASCII, undefined and JIS: treat as UTF-8 (a superset of ASCII that A1111 and others write in practice)
        return trimNuls(new String(body, StandardCharsets.UTF_8));
    }

    private static String trimNuls(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == 0 || Character.isWhitespace(s.charAt(end - 1)))) {
            end--;
        }
        return s.substring(0, end);
    }

    /** The EXIF IFD0 Software tag, or null. */
    String exifSoftware() {
        return string(ExifIFD0Directory.class, ExifDirectoryBase.TAG_SOFTWARE);
    }
}
