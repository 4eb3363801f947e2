package dev.unmask.analyzers.metadata;

import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import dev.unmask.api.Evidence;
import dev.unmask.api.Finding;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Consistency of the time stamps a file carries: EXIF DateTimeOriginal, DateTimeDigitized and DateTime (last
 * modification) with their OffsetTime tags (EXIF 2.31), XMP CreateDate/ModifyDate, and the GPS UTC stamp.
 * EXIF times without an offset are local clock times, so comparisons between a local time and a UTC time allow
 * for the widest time-zone difference.
 */
final class DateFindings {
    /** Score for a last modification long after capture: a re-save, common and legitimate, so weak. */
    static final double MODIFIED_LATER_SCORE = 0.2;
    /** Score for a modification time before the capture time: impossible for untouched camera clocks. */
    static final double ORDER_SCORE = 0.25;
    /** Largest difference between two local clocks in different time zones (UTC-12 to UTC+14). */
    static final Duration ZONE_SLACK = Duration.ofHours(14);
    /** Tolerance for stamps written by the same device at the same moment. */
    static final Duration SAME_MOMENT = Duration.ofSeconds(2);
    /** Earliest plausible capture year for a digital camera. */
    static final int MIN_YEAR = 1990;

    private static final Pattern STAMP = Pattern.compile(
            "\\s*(\\d{4})[:-](\\d{2})[:-](\\d{2})(?:[ T](\\d{2}):(\\d{2})(?::(\\d{2}))?(?:\\.\\d+)?)?\\s*(Z|[+-]\\d{2}:?\\d{2})?.*");

    /** A parsed time stamp; {@code offset} is null for local clock times. */
    record Stamp(String label, LocalDateTime local, ZoneOffset offset, String raw) {
        Duration minus(Stamp o) {
            if (offset != null && o.offset != null) {
                return Duration.between(o.local.toInstant(o.offset), local.toInstant(offset));
            }
            return Duration.between(o.local, local);
        }

        /** Whether the two clocks are known to share a zone (both offsets known, or both local EXIF/XMP). */
        boolean sameZone(Stamp o) {
            return (offset == null) == (o.offset == null);
        }
    }

    private DateFindings() {}

    /** The date findings; {@code now} bounds future dates, {@code camera} enables the 1990 check. */
    static List<Finding> check(MetadataSnapshot s, MetadataSettings settings, LocalDateTime now, boolean camera) {
        String offOrig = s.string(ExifSubIFDDirectory.class, ExifDirectoryBase.TAG_TIME_ZONE_ORIGINAL);
        String offMod = s.string(ExifIFD0Directory.class, ExifDirectoryBase.TAG_TIME_ZONE);
        if (offMod == null) {
            offMod = s.string(ExifSubIFDDirectory.class, ExifDirectoryBase.TAG_TIME_ZONE);
        }
        Stamp original = parse("EXIF DateTimeOriginal", s.string(ExifSubIFDDirectory.class, ExifDirectoryBase.TAG_DATETIME_ORIGINAL), offOrig);
        Stamp digitized = parse("EXIF DateTimeDigitized", s.string(ExifSubIFDDirectory.class, ExifDirectoryBase.TAG_DATETIME_DIGITIZED), offOrig);
        Stamp modified = parse("EXIF DateTime", s.string(ExifIFD0Directory.class, ExifDirectoryBase.TAG_DATETIME), offMod);
        Stamp xmpCreate = parse("XMP CreateDate", s.xmp().get("xmp:CreateDate"), null);
        Stamp xmpModify = parse("XMP ModifyDate", s.xmp().get("xmp:ModifyDate"), null);
        Stamp capture = original != null ? original : xmpCreate;
        Stamp modify = latest(modified, xmpModify);
        List<Finding> out = new ArrayList<>();
        if (capture != null && modify != null) {
            Duration d = modify.minus(capture);
            Duration slack = capture.sameZone(modify) ? SAME_MOMENT : ZONE_SLACK;
            double hours = d.toSeconds() / 3600.0;
            if (d.compareTo(slack.plusMinutes((long) (settings.modifyGapHours() * 60))) > 0) {
                out.add(Finding.of("metadata.dates.modified-later", Evidence.MANIPULATED, MODIFIED_LATER_SCORE)
                        .title(String.format(java.util.Locale.ROOT, "The file was modified %.1f days after capture", hours / 24))
                        .detail("The " + modify.label() + " (" + modify.raw() + ") is later than the "
                                + capture.label() + " (" + capture.raw() + ") by more than "
                                + settings.modifyGapHours() + " hours: the file was re-saved later. Common and"
                                + " legitimate (export, resize), so weak evidence of editing only.")
                        .value("capture", capture.raw()).value("modified", modify.raw())
                        .value("gap_hours", round(hours)).build());
            } else if (d.negated().compareTo(slack.plusMinutes(1)) > 0) {
                out.add(Finding.of("metadata.dates.order", Evidence.MANIPULATED, ORDER_SCORE)
                        .title("The modification time is earlier than the capture time")
                        .detail("The " + modify.label() + " (" + modify.raw() + ") precedes the " + capture.label()
                                + " (" + capture.raw() + "): one of the stamps was rewritten or a clock was wrong.")
                        .value("capture", capture.raw()).value("modified", modify.raw())
                        .value("gap_hours", round(hours)).build());
            }
        }
        if (original != null && digitized != null && original.minus(digitized).abs().compareTo(SAME_MOMENT) > 0) {
            out.add(Finding.info("metadata.dates.digitized-differs")
                    .title("DateTimeOriginal and DateTimeDigitized differ")
                    .detail("A digital camera writes the same time in both; they differ for scanned film or when a"
                            + " tool rewrote one of them.")
                    .value("original", original.raw()).value("digitized", digitized.raw()).build());
        }
        Stamp gps = gps(s);
        if (gps != null && capture != null) {
            Duration slack = capture.offset() != null ? Duration.ofHours(1) : ZONE_SLACK.plusHours(1);
            Duration d = capture.minus(gps);
            if (d.abs().compareTo(slack) > 0) {
                out.add(Finding.info("metadata.dates.gps-differs")
                        .title(String.format(java.util.Locale.ROOT, "The GPS time differs from the capture time by %.1f days",
                                Math.abs(d.toSeconds()) / 86400.0))
                        .detail("The GPS UTC stamp (" + gps.raw() + ") is further from the " + capture.label() + " ("
                                + capture.raw() + ") than any time zone explains: the location was probably added"
                                + " later (geotagging) or a clock was wrong.")
                        .value("gps", gps.raw()).value("capture", capture.raw())
                        .value("difference_hours", round(d.toSeconds() / 3600.0)).build());
            }
        }
        List<String> implausible = new ArrayList<>();
        for (Stamp st : new Stamp[] {original, digitized, modified, xmpCreate, xmpModify, gps}) {
            if (st == null) {
                continue;
            }
            boolean future = st.local().isAfter(now.plusDays(2));
            boolean early = camera && st != modified && st != xmpModify && st.local().getYear() < MIN_YEAR;
            if (future || early) {
                implausible.add(st.label() + " " + st.raw() + (future ? " (in the future)" : " (before " + MIN_YEAR + ")"));
            }
        }
        if (!implausible.isEmpty()) {
            out.add(Finding.info("metadata.dates.implausible")
                    .title("Some time stamps are implausible")
                    .detail("Dates in the future, or capture dates before " + MIN_YEAR + " for a digital camera, come"
                            + " from an unset camera clock or from edited metadata.")
                    .value("stamps", implausible).build());
        }
        return out;
    }

    private static Stamp latest(Stamp a, Stamp b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return b.minus(a).isNegative() ? a : b;
    }

    /**
     * The GPS UTC stamp from GPSDateStamp ("YYYY:MM:DD") and GPSTimeStamp (three rationals), parsed here rather
     * than with the library's getGpsDate, whose SimpleDateFormat set-up costs hundreds of milliseconds when cold.
     */
    private static Stamp gps(MetadataSnapshot s) {
        for (GpsDirectory g : s.metadata().getDirectoriesOfType(GpsDirectory.class)) {
            String date = g.getString(GpsDirectory.TAG_DATE_STAMP);
            com.drew.lang.Rational[] time = g.getRationalArray(GpsDirectory.TAG_TIME_STAMP);
            if (date == null || time == null || time.length != 3) {
                continue;
            }
            Stamp d = parse("GPS time", date.strip() + " 00:00:00", "Z");
            double secs = time[0].doubleValue() * 3600 + time[1].doubleValue() * 60 + time[2].doubleValue();
            if (d == null || !Double.isFinite(secs) || secs < 0 || secs >= 86_400 + 1) {
                continue;
            }
            LocalDateTime t = d.local().plusSeconds((long) secs);
            return new Stamp("GPS time", t, ZoneOffset.UTC, t + "Z");
        }
        return null;
    }

    /** Parses an EXIF or ISO 8601 stamp; null when absent, blank ("    :  :  ") or invalid. */
    static Stamp parse(String label, String raw, String exifOffset) {
        if (raw == null) {
            return null;
        }
        Matcher m = STAMP.matcher(raw);
        if (!m.matches()) {
            return null;
        }
        try {
            LocalDateTime t = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), m.group(4) == null ? 0 : Integer.parseInt(m.group(4)),
                    m.group(5) == null ? 0 : Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
            String off = m.group(7) != null ? m.group(7) : exifOffset;
            ZoneOffset z = null;
            if (off != null && !off.isBlank()) {
                String o = off.strip();
                z = o.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(o.length() == 5 ? o.substring(0, 3) + ":" + o.substring(3) : o);
            }
            return new Stamp(label, t, z, raw.strip());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static double round(double x) {
        return Math.round(x * 100) / 100.0;
    }
}
