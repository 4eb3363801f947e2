package dev.unmask.analyzers.metadata;

import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import dev.unmask.api.Evidence;
import dev.unmask.api.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Camera identity and capture settings from EXIF (JEITA CP-3451 / EXIF 2.32) with XMP {@code tiff:}/{@code exif:}
 * fallbacks, and the editing software named in the software fields.
 */
final class CameraFindings {
    /**
     * Score for a consistent camera record (make, model, capture time and at least two exposure settings): weak,
     * because EXIF is trivially copied or forged and proves nothing about the pixels.
     */
    static final double CAMERA_SCORE = 0.25;
    /** How many exposure settings a consistent camera record must carry. */
    static final int MIN_EXPOSURE_SETTINGS = 2;
    /** Score when editing software wrote the file: the file was re-saved, not necessarily deceptively edited. */
    static final double EDITOR_SCORE = 0.35;
    /** Score when, in addition, the XMP edit history records several save or conversion steps. */
    static final double EDITOR_HISTORY_SCORE = 0.42;
    /** How many XMP history events make the history score apply. */
    static final int MIN_HISTORY_EVENTS = 2;

    private CameraFindings() {}

    /** Camera values for the summary and findings: make, model, lens and settings, in display order. */
    static Map<String, Object> cameraValues(MetadataSnapshot s) {
        Map<String, Object> v = new LinkedHashMap<>();
        putText(v, "make", first(s.string(ExifIFD0Directory.class, ExifDirectoryBase.TAG_MAKE), xmp(s, "tiff:Make")));
        putText(v, "model", first(s.string(ExifIFD0Directory.class, ExifDirectoryBase.TAG_MODEL), xmp(s, "tiff:Model")));
        putText(v, "lens", first(s.string(ExifSubIFDDirectory.class, ExifDirectoryBase.TAG_LENS_MODEL),
                xmp(s, "exifEX:LensModel"), xmp(s, "aux:Lens")));
        putText(v, "captured", first(s.string(ExifSubIFDDirectory.class, ExifDirectoryBase.TAG_DATETIME_ORIGINAL),
                xmp(s, "exif:DateTimeOriginal"), xmp(s, "photoshop:DateCreated")));
        putNumber(v, "exposure_time_s", s.number(ExifSubIFDDirectory.class, ExifDirectoryBase.TAG_EXPOSURE_TIME),
                rational(xmp(s, "exif:ExposureTime")));
        putNumber(v, "f_number", s.number(ExifSubIFDDirectory.class, ExifDirectoryBase.TAG_FNUMBER),
                rational(xmp(s, "exif:FNumber")));
        putNumber(v, "iso", s.number(ExifSubIFDDirectory.class, ExifDirectoryBase.TAG_ISO_EQUIVALENT),
                rational(xmp(s, "exif:ISOSpeedRatings[1]")));
        putNumber(v, "focal_length_mm", s.number(ExifSubIFDDirectory.class, ExifDirectoryBase.TAG_FOCAL_LENGTH),
                rational(xmp(s, "exif:FocalLength")));
        return v;
    }

    /** The camera finding, or null without make or model. */
    static Finding camera(Map<String, Object> v, boolean generatorFound) {
        if (!v.containsKey("make") && !v.containsKey("model")) {
            return null;
        }
        int settings = 0;
        for (String k : new String[] {"exposure_time_s", "f_number", "iso", "focal_length_mm"}) {
            settings += v.containsKey(k) ? 1 : 0;
        }
        boolean consistent = v.containsKey("make") && v.containsKey("model") && v.containsKey("captured")
                && settings >= MIN_EXPOSURE_SETTINGS;
        String who = (v.getOrDefault("make", "") + " " + v.getOrDefault("model", "")).strip();
        Finding.Builder b;
        if (consistent && !generatorFound) {
            b = Finding.of("metadata.camera", Evidence.AUTHENTIC, CAMERA_SCORE)
                    .title("Camera EXIF is present and consistent: " + who)
                    .detail("Make, model, capture time and " + settings + " exposure settings are recorded, as a camera"
                            + " writes them. Weak support for a camera capture only: EXIF is easily copied from another"
                            + " photo or forged, and says nothing about later edits to the pixels.");
        } else {
            b = Finding.info("metadata.camera")
                    .title("Camera EXIF names " + who)
                    .detail(generatorFound
                            ? "Camera fields sit next to a generator record: they were copied or forged, or the"
                                    + " image was generated from a photo (img2img); they support no capture."
                            : "The camera record is incomplete (make/model without capture time or exposure"
                                    + " settings), so it supports no verdict.");
        }
        v.forEach(b::value);
        return b.value("exposure_settings", settings).build();
    }

    /** The editing-software finding, or null when no known editor is named. */
    static Finding editing(Map<String, String> softwareFields, MetadataSnapshot snap) {
        List<String> names = new ArrayList<>();
        List<String> where = new ArrayList<>();
        for (Map.Entry<String, String> f : softwareFields.entrySet()) {
            KnownNames.EDITORS.find(f.getValue()).ifPresent(n -> {
                if (!names.contains(n)) {
                    names.add(n);
                }
                if (where.size() < 8) {
                    where.add(f.getKey() + ": " + Texts.truncate(f.getValue(), 120));
                }
            });
        }
        if (names.isEmpty()) {
            return null;
        }
        int history = 0;
        for (String k : snap.xmp().keySet()) {
            if (k.startsWith("xmpMM:History[") && k.endsWith("stEvt:action")) {
                history++;
            }
        }
        double score = history >= MIN_HISTORY_EVENTS ? EDITOR_HISTORY_SCORE : EDITOR_SCORE;
        return Finding.of("metadata.editing-software", Evidence.MANIPULATED, score)
                .title("Image editing software wrote this file: " + Texts.join(names))
                .detail("The software fields name image editing software. The file was at least opened and re-saved"
                        + " by it (resizing, conversion or retouching): that is not proof of deceptive manipulation,"
                        + " only that the pixels may have been changed after capture."
                        + (history > 0 ? " The XMP edit history lists " + history + " steps." : ""))
                .value("software", List.copyOf(names))
                .value("fields", List.copyOf(where))
                .value("history_events", history)
                .build();
    }

    private static String xmp(MetadataSnapshot s, String key) {
        String v = s.xmp().get(key);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static String first(String... vs) {
        for (String v : vs) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static void putText(Map<String, Object> v, String key, String s) {
        if (s != null) {
            v.put(key, s);
        }
    }

    private static void putNumber(Map<String, Object> v, String key, Double a, Double b) {
        Double x = a != null ? a : b;
        if (x != null && x > 0) {
            v.put(key, key.equals("iso") ? (Object) Math.round(x) : (Object) (Math.round(x * 1e6) / 1e6));
        }
    }

    /** Parses "8/1", "1/6" or "2.8"; null when not a positive finite number. */
    static Double rational(String s) {
        if (s == null) {
            return null;
        }
        int slash = s.indexOf('/');
        if (slash < 0) {
            return Texts.parseDouble(s);
        }
        Double n = Texts.parseDouble(s.substring(0, slash));
        Double d = Texts.parseDouble(s.substring(slash + 1));
        return n == null || d == null || d == 0 ? null : n / d;
    }
}
