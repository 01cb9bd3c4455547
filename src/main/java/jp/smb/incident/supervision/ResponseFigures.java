package jp.smb.incident.supervision;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import jp.smb.incident.company.CompanyScope;
import jp.smb.incident.procedure.IncidentType;
import jp.smb.incident.record.IncidentRecord;
import jp.smb.incident.record.IncidentRecords;
import org.springframework.stereotype.Component;

/**
 * How the response has gone, for the board's charts: per month of detection, the mean hours to detect
 * (発生→発覚), contain (発覚→初動対応の完了) and recover (発覚→復旧), and the incidents by type and 事故レベル.
 */
@Component
public class ResponseFigures {

  public record Month(String month, int incidents, Double hoursToDetect, Double hoursToContain, Double hoursToRecover) {
  }

  public record Figures(List<Month> months, Map<String, Integer> byType, Map<String, Integer> byLevel) {
  }

  private final IncidentRecords records;
  private final Map<String, String> typeLabels;
  private final Clock clock;
  private final CompanyScope scope;

  public ResponseFigures(IncidentRecords records, Clock clock, CompanyScope scope) {
    this.scope = scope;
    this.records = records;
    this.typeLabels = IncidentType.labels();
    this.clock = clock;
  }

  /** The last {@code count} months, this one included, in the organisation's time zone; drills only if asked. */
  public Figures lastMonths(int count, boolean drills) {
    YearMonth thisMonth = YearMonth.now(clock);
    YearMonth first = thisMonth.minusMonths(count - 1L);
    OffsetDateTime from = first.atDay(1).atStartOfDay(clock.getZone()).toOffsetDateTime();
    OffsetDateTime to = thisMonth.plusMonths(1).atDay(1).atStartOfDay(clock.getZone()).toOffsetDateTime();
    List<IncidentRecord> detected = records.detectedBetween(from, to, scope.visibleCompanies(), drills);

    Map<YearMonth, List<IncidentRecord>> byMonth = new LinkedHashMap<>();
    for (YearMonth month = first; !month.isAfter(thisMonth); month = month.plusMonths(1)) {
      byMonth.put(month, new ArrayList<>());
    }
    Map<String, Integer> byType = new LinkedHashMap<>();
    typeLabels.values().forEach(label -> byType.put(label, 0));
    Map<String, Integer> byLevel = new LinkedHashMap<>();
    for (String level : List.of("0", "1", "2", "3", "未判定")) {
      byLevel.put(level, 0);
    }
    for (IncidentRecord incident : detected) {
      LocalDate day = incident.detectedAt().atZoneSameInstant(clock.getZone()).toLocalDate();
      byMonth.get(YearMonth.from(day)).add(incident);
      byType.merge(typeLabels.getOrDefault(incident.incidentType(), incident.incidentType()), 1, Integer::sum);
      byLevel.merge(incident.severityLevel() == null ? "未判定" : incident.severityLevel().toString(), 1, Integer::sum);
    }
    List<Month> months = new ArrayList<>();
    byMonth.forEach((month, incidents) -> months.add(new Month(month.toString(), incidents.size(),
        meanHours(incidents, IncidentRecord::timeToDetect),
        meanHours(incidents, IncidentRecord::timeToContain),
        meanHours(incidents, IncidentRecord::timeToRecover))));
    return new Figures(months, byType, byLevel);
  }

  /** Mean over the incidents that reached the milestone; null when none did, so a chart leaves a gap, not a zero. */
  private static Double meanHours(List<IncidentRecord> incidents, Function<IncidentRecord, Duration> measure) {
    double totalMinutes = 0;
    int counted = 0;
    for (IncidentRecord incident : incidents) {
      Duration duration = measure.apply(incident);
      if (duration != null) {
        totalMinutes += duration.toMinutes();
        counted++;
      }
    }
    return counted == 0 ? null : Math.round(totalMinutes / counted / 60.0 * 10) / 10.0;
  }
}
