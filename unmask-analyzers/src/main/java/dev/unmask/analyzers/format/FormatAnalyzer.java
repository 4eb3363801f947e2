package dev.unmask.analyzers.format;

import dev.unmask.api.Analyzer;
import dev.unmask.api.AnalyzerInfo;
import dev.unmask.api.AnalyzerResult;
import dev.unmask.api.Finding;
import dev.unmask.api.Media;
import dev.unmask.api.MediaException;
import dev.unmask.api.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Container-level facts: whether the file name's extension matches the format found in its bytes, and whether
 * data follows the format's end marker (JPEG EOI, PNG IEND), a place where other content can hide. Both are
 * informational: a renamed file is not a manipulated image, but an examiner wants to know.
 */
public final class FormatAnalyzer implements Analyzer {
    private static final AnalyzerInfo INFO = new AnalyzerInfo("format", "File format", "1.0",
            "Compares the file name's extension with the format detected from its magic bytes and looks for data after the end-of-image marker.");

    /** Extensions accepted for each format id. */
    private static final Map<String, Set<String>> EXTENSIONS = Map.of(
            "jpeg", Set.of("jpg", "jpeg", "jpe", "jfif"),
            "png", Set.of("png"),
            "webp", Set.of("webp"),
            "gif", Set.of("gif"),
            "bmp", Set.of("bmp", "dib"),
            "tiff", Set.of("tif", "tiff", "dng"));

    private int minTrailingBytes;

    @Override
    public AnalyzerInfo info() {
        return INFO;
    }

    @Override
    public void init(dev.unmask.api.AnalyzerOptions options) {
        minTrailingBytes = options.getInt("min-trailing-bytes", 16, 1, Integer.MAX_VALUE);
    }

    @Override
    public boolean needsPixels() {
        return false;
    }

    @Override
    public boolean supports(MediaType type) {
        return EXTENSIONS.containsKey(type.id());
    }

    @Override
    public AnalyzerResult analyze(Media media) throws MediaException {
        List<Finding> findings = new ArrayList<>();
        String name = media.path().getFileName() == null ? "" : media.path().getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        Set<String> expected = EXTENSIONS.get(media.type().id());
        StringBuilder summary = new StringBuilder("format " + media.type().id() + " detected from the file's bytes");
        if (!ext.isEmpty() && !expected.contains(ext)) {
            findings.add(Finding.info("format.extension-mismatch")
                    .title("The extension ." + ext + " does not match the content, which is " + media.type().id().toUpperCase(Locale.ROOT))
                    .detail("Unmask identifies formats from magic bytes. A mismatch often means a renamed or re-exported file; "
                            + "it is not by itself evidence of manipulation.")
                    .value("extension", ext).value("detected", media.type().id()).build());
            summary.append("; extension .").append(ext).append(" does not match");
        } else {
            summary.append(ext.isEmpty() ? "; no extension" : "; extension matches");
        }
        long trailing = trailingBytes(media.type(), media.bytes());
        if (trailing >= minTrailingBytes) {
            findings.add(Finding.info("format.trailing-data")
                    .title(trailing + " bytes follow the end-of-image marker")
                    .detail("Data after the end of the image is ignored by viewers. Some cameras and apps append data "
                            + "(e.g. Samsung, Google motion photos); it can also hide another file.")
                    .value("trailing_bytes", trailing).build());
            summary.append("; ").append(trailing).append(" trailing bytes");
        }
        return AnalyzerResult.ok(summary.toString(), findings);
    }

    /** Bytes after JPEG's last EOI or after PNG's IEND chunk; 0 for other formats. */
    static long trailingBytes(MediaType type, byte[] b) {
        if (MediaType.PNG.equals(type)) {
            int pos = 8;
            while (pos + 12 <= b.length) {
                long len = ((long) (b[pos] & 0xff) << 24) | ((b[pos + 1] & 0xff) << 16) | ((b[pos + 2] & 0xff) << 8) | (b[pos + 3] & 0xff);
                boolean iend = b[pos + 4] == 'I' && b[pos + 5] == 'E' && b[pos + 6] == 'N' && b[pos + 7] == 'D';
                long end = pos + 12L + len;
                if (end > b.length) {
                    return 0;
                }
                if (iend) {
                    return b.length - end;
                }
                pos = (int) end;
            }
            return 0;
        }
        if (MediaType.JPEG.equals(type)) {
            for (int i = b.length - 2; i >= 2; i--) {
                if ((b[i] & 0xff) == 0xFF && (b[i + 1] & 0xff) == 0xD9) {
                    return b.length - (i + 2);
                }
            }
        }
        return 0;
    }
}
