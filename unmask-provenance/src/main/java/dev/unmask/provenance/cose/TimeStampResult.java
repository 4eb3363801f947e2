package dev.unmask.provenance.cose;

import dev.unmask.provenance.c2pa.ValidationStatus;
import java.time.Instant;
import java.util.List;

/**
 * Outcome of RFC 3161 time-stamp validation.
 *
 * @param statuses {@code timeStamp.*} statuses produced (empty when no time-stamp header is present)
 * @param genTime attested time of a time-stamp whose signature and message imprint are valid, or null
 * @param trusted whether that time-stamp's authority chains to a TSA trust anchor (only then may the time be used
 *     for the signer's validity check, C2PA specification 2.2 section 15.8)
 */
public record TimeStampResult(List<ValidationStatus> statuses, Instant genTime, boolean trusted) {
    /** Copies the statuses. */
    public TimeStampResult {
        statuses = List.copyOf(statuses);
    }

    /** No time-stamp present. */
    public static TimeStampResult absent() {
        return new TimeStampResult(List.of(), null, false);
    }
}
