package dev.unmask.analyzers.metadata;

import dev.unmask.api.Analyzer;
import dev.unmask.api.AnalyzerInfo;
import dev.unmask.api.AnalyzerOptions;
import dev.unmask.api.AnalyzerResult;
import dev.unmask.api.Finding;
import dev.unmask.api.Media;
import dev.unmask.api.MediaException;
import dev.unmask.api.MediaType;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a file's metadata (EXIF, XMP, IPTC, ICC, PNG text) with metadata-extractor and reports what it declares
 * and how consistent it is: generator records (AUTOMATIC1111, ComfyUI, InvokeAI, NovelAI, Fooocus, stealth
 * LSB parameters), IPTC Digital Source Type, known generator and editor names, camera EXIF, date consistency, the
 * EXIF thumbnail against the image, embedded C2PA manifests (presence only) and the parser's errors.
 *
 * <p>Metadata is a declaration, not a measurement: it is trivially stripped or forged. Explicit generator records
 * are therefore strong evidence when present, and their absence means nothing. References: EXIF 2.32 (CIPA
 * DC-008), XMP (ISO 16684-1), IPTC Photo Metadata Standard 2023.1 (Digital Source Type), C2PA specification 2.x,
 * Kee and Farid, "Digital image authentication from thumbnails" (SPIE 2010).
 */
public final class MetadataAnalyzer implements Analyzer {
    private static final Set<MediaType> TYPES =
            Set.of(MediaType.JPEG, MediaType.PNG, MediaType.WEBP, MediaType.GIF, MediaType.BMP, MediaType.TIFF);

    private volatile MetadataSettings settings = MetadataSettings.DEFAULT;

    /** Creates the analyzer with default settings (replaced in {@link #init}). */
    public MetadataAnalyzer() {
        // defaults until init
    }

    @Override
    public AnalyzerInfo info() {
        return new AnalyzerInfo("metadata", "Metadata", "1.0",
                "Reads EXIF, XMP, IPTC, ICC and PNG text: generator records (A1111, ComfyUI, InvokeAI, NovelAI,"
                        + " Fooocus, stealth LSB), IPTC Digital Source Type, camera and editing software, date"
                        + " consistency, EXIF thumbnail vs image (Kee & Farid 2010) and C2PA manifest presence.");
    }

    @Override
    public void init(AnalyzerOptions options) {
        settings = MetadataSettings.read(options);
    }

    @Override
    public boolean supports(MediaType type) {
        return TYPES.contains(type);
    }

    /** Metadata is read from the bytes; it still runs when the pixels cannot be decoded (truncated, refused size). */
    @Override
    public boolean needsPixels() {
        return false;
    }

    @Override
    public AnalyzerResult analyze(Media media) throws Exception {
        if (!supports(media.type())) {
            return AnalyzerResult.notApplicable("metadata is read from JPEG, PNG, WebP, GIF, BMP and TIFF only");
        }
        MetadataSettings s = settings;
        byte[] bytes = media.bytes();
        MetadataSnapshot snap = MetadataSnapshot.read(bytes);
        List<Finding> findings = new ArrayList<>();

        StealthPngInfo.Result stealth = s.stealth() ? stealth(media, bytes, s) : null;
        GeneratorFindings gen = new GeneratorFindings(snap, s).run(stealth);
        findings.addAll(gen.findings());
        Finding sourceType = ProvenanceFindings.sourceType(snap);
        if (sourceType != null) {
            findings.add(sourceType);
        }
        C2paScanner.Result c2pa = C2paScanner.scan(media.type(), bytes);
        Finding c2paFinding = ProvenanceFindings.c2pa(c2pa, container(media.type()), snap);
        if (c2paFinding != null) {
            findings.add(c2paFinding);
        }
        Map<String, Object> camera = CameraFindings.cameraValues(snap);
        Finding cam = CameraFindings.camera(camera, !gen.generators().isEmpty()
                || (sourceType != null && sourceType.evidence() == dev.unmask.api.Evidence.SYNTHETIC));
        if (cam != null) {
            findings.add(cam);
        }
        Map<String, String> software = GeneratorFindings.softwareFields(snap);
        Finding editing = CameraFindings.editing(software, snap);
        if (editing != null) {
            findings.add(editing);
        }
        findings.addAll(DateFindings.check(snap, s, LocalDateTime.now(ZoneOffset.UTC), cam != null));
        ThumbnailCheck.Outcome thumb = thumbnail(media, snap, s);
        if (thumb.finding() != null) {
            findings.add(thumb.finding());
        }
        if (!snap.errors().isEmpty()) {
            findings.add(Finding.info("metadata.read-errors")
                    .title("The metadata is damaged or could not be fully read")
                    .detail("metadata-extractor reported " + snap.errors().size() + " problem(s). Damaged metadata"
                            + " is worth a look (truncation, hand-edited or non-conforming writers) but supports no"
                            + " verdict by itself.")
                    .value("errors", List.copyOf(snap.errors()))
                    .build());
        }
        return AnalyzerResult.ok(summary(snap, gen, camera, editing, c2pa, thumb), findings);
    }

    private static StealthPngInfo.Result stealth(Media media, byte[] bytes, MetadataSettings s) {
        if (!MediaType.PNG.equals(media.type())) {
            return null;
        }
        try {
            // decoding through the shared image proves that the central guard accepts the size
            return StealthPngInfo.find(bytes, media.image(), s.stealthMaxBytes());
        } catch (MediaException | IOException | RuntimeException e) {
            return null;
        }
    }

    private static ThumbnailCheck.Outcome thumbnail(Media media, MetadataSnapshot snap, MetadataSettings s) {
        try {
            return ThumbnailCheck.check(media, snap, s);
        } catch (MediaException | RuntimeException e) {
            return new ThumbnailCheck.Outcome(null, "thumbnail not compared (" + e.getMessage() + ")");
        }
    }

    private static String container(MediaType t) {
        if (MediaType.JPEG.equals(t)) {
            return "JPEG APP11 segment(s)";
        }
        if (MediaType.PNG.equals(t)) {
            return "PNG caBX chunk(s)";
        }
        return "WebP C2PA chunk(s)";
    }

    private static String summary(MetadataSnapshot snap, GeneratorFindings gen, Map<String, Object> camera,
                                  Finding editing, C2paScanner.Result c2pa, ThumbnailCheck.Outcome thumb) {
        List<String> read = new ArrayList<>(snap.blocks());
        int texts = snap.pngTexts().size();
        if (texts > 0) {
            read.add(texts + " PNG text chunk" + (texts == 1 ? "" : "s"));
        }
        StringBuilder sb = new StringBuilder();
        sb.append(read.isEmpty() ? "No EXIF, XMP, IPTC, ICC or PNG text metadata" : String.join(", ", read)).append(" read");
        sb.append("; generator: ").append(gen.generators().isEmpty() ? "none declared" : Texts.join(gen.generators()));
        if (camera.containsKey("make") || camera.containsKey("model")) {
            sb.append("; camera: ").append((camera.getOrDefault("make", "") + " " + camera.getOrDefault("model", "")).strip());
        }
        if (editing != null) {
            sb.append("; editing software: ").append(Texts.join(castList(editing.values().get("software"))));
        }
        if (c2pa.present()) {
            sb.append("; C2PA manifest store present (").append(c2pa.manifests().size()).append(" manifests, not validated)");
        }
        if (thumb.summary() != null) {
            sb.append("; ").append(thumb.summary());
        }
        if (!snap.errors().isEmpty()) {
            sb.append("; ").append(snap.errors().size()).append(" read error(s)");
        }
        return sb.append('.').toString();
    }

    private static List<String> castList(Object o) {
        List<String> out = new ArrayList<>();
        if (o instanceof List<?> l) {
            l.forEach(x -> out.add(String.valueOf(x)));
        }
        return out;
    }
}
