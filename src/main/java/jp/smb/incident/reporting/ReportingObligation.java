package jp.smb.incident.reporting;

import java.time.Duration;

/**
 * One recipient of the reporting decision, merged over every rule that named it.
 *
 * @param firstDeadline time from awareness to the first report (速報), or null
 * @param finalDeadline time from awareness to the final report (確報), or null
 */
public record ReportingObligation(Recipient recipient, boolean mandatory, Duration firstDeadline,
    Duration finalDeadline, String basis) {
}
