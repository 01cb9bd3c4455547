package jp.smb.incident.supervision;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import jp.smb.incident.procedure.Procedure;
import jp.smb.incident.record.IncidentRecords;
import org.springframework.stereotype.Component;

/**
 * What a monitoring system watches: open incidents per 事故レベル ({@code incident.open}, tag {@code level}: 0–3 or
 * {@code none} before triage), reports past their legal deadline and not yet sent ({@code incident.reports.overdue}),
 * and the time to detect, contain and recover per procedure ({@code incident.time.to.*}).
 */
@Component
public class SupervisionMetrics implements MeterBinder {

  /** One query serves the five level gauges of a scrape. */
  private static final Duration SNAPSHOT_AGE = Duration.ofSeconds(5);

  private final IncidentRecords records;
  private final PendingReports pendingReports;
  private final Clock clock;
  private Map<Integer, Long> openByLevel = new HashMap<>();
  private Instant takenAt = Instant.MIN;

  public SupervisionMetrics(IncidentRecords records, PendingReports pendingReports, Clock clock) {
    this.records = records;
    this.pendingReports = pendingReports;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (Integer level : new Integer[] {0, 1, 2, 3, null}) {
      Gauge.builder("incident.open", this, metrics -> metrics.openAt(level))
          .tag("level", level == null ? "none" : level.toString())
          .description("open incidents by severity level").register(registry);
    }
    Gauge.builder("incident.reports.overdue", this,
            metrics -> metrics.pendingReports.overdue(metrics.clock.instant(), metrics.clock.getZone()).size())
        .description("reports past their legal deadline and not yet sent").register(registry);
    // The record's MTTx timers (IncidentMetrics) are shown from the start, not only after the first close.
    for (Procedure procedure : Procedure.values()) {
      for (String name : new String[] {"incident.time.to.detect", "incident.time.to.contain", "incident.time.to.recover"}) {
        Timer.builder(name).tag("procedure", procedure.processKey()).register(registry);
      }
    }
  }

  private synchronized double openAt(Integer level) {
    Instant now = clock.instant();
    if (takenAt.plus(SNAPSHOT_AGE).isBefore(now)) {
      openByLevel = records.openCountByLevel();
      takenAt = now;
    }
    return openByLevel.getOrDefault(level, 0L);
  }
}
