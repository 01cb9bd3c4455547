package jp.smb.incident.drillmode;

import java.time.Duration;
import java.time.OffsetDateTime;
import jp.smb.incident.settings.IncidentProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The compressed time of drills: one day of the incident passes in {@code incident.drill.time-scale} (ten minutes
 * by default), so that a 3-day 速報 deadline falls within the hour of the exercise. Every timer and deadline of a
 * drill goes through here; a real incident's are returned as they are.
 */
@Component
public class DrillTime {

  private static final Duration DAY = Duration.ofDays(1);

  private final Duration dayInDrill;

  @Autowired
  public DrillTime(IncidentProperties settings) {
    this(settings.drill().timeScale());
  }

  /** @param dayInDrill how long one day of the incident takes in a drill */
  public DrillTime(Duration dayInDrill) {
    if (dayInDrill == null || dayInDrill.isNegative() || dayInDrill.isZero() || dayInDrill.compareTo(DAY) > 0) {
      throw new IllegalArgumentException("incident.drill.time-scale は 1 日以下の正の期間にしてください（例 PT10M）: "
          + dayInDrill);
    }
    this.dayInDrill = dayInDrill;
  }

  /** No compression: for code that runs without the application's settings. */
  public static DrillTime none() {
    return new DrillTime(DAY);
  }

  /** How long a span of the incident's time takes in this incident: shorter for a drill, in whole seconds. */
  public Duration span(String incidentNumber, Duration span) {
    if (span == null || !Drills.isDrillNumber(incidentNumber) || dayInDrill.equals(DAY)) {
      return span;
    }
    double seconds = span.toMillis() / 1000.0 * dayInDrill.toMillis() / DAY.toMillis();
    return Duration.ofSeconds(Math.max(1, Math.round(seconds)));
  }

  /** What a span of a drill stands for in the incident's time: the span {@link #span} would have shortened. */
  public Duration incidentSpan(String incidentNumber, Duration drillSpan) {
    if (drillSpan == null || !Drills.isDrillNumber(incidentNumber) || dayInDrill.equals(DAY)) {
      return drillSpan;
    }
    return Duration.ofSeconds(Math.round(drillSpan.toMillis() / 1000.0 * DAY.toMillis() / dayInDrill.toMillis()));
  }

  /** A point of the incident's time after {@code from}, brought as much closer as the drill's time runs faster. */
  public OffsetDateTime point(String incidentNumber, OffsetDateTime from, OffsetDateTime point) {
    if (from == null || point == null || !point.isAfter(from)) {
      return point;
    }
    return from.plus(span(incidentNumber, Duration.between(from, point)));
  }
}
