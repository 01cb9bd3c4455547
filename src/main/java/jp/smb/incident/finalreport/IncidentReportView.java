package jp.smb.incident.finalreport;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import jp.smb.incident.documents.HtmlDocuments;
import jp.smb.incident.documents.PdfDocuments;
import jp.smb.incident.documents.TextDocuments;
import jp.smb.incident.evidence.CustodyEntry;
import jp.smb.incident.evidence.Evidence;
import jp.smb.incident.procedure.IncidentType;
import jp.smb.incident.procedure.Procedure;
import jp.smb.incident.record.IncidentRecord;
import jp.smb.incident.record.RecordEntries.ReportSent;
import jp.smb.incident.record.RecordEntries.TimelineEntry;

/**
 * The final report of an incident, in Japanese: 5W1H, the ten items of docs/domain.md §Record, decisions, timeline, reports
 * sent, evidence with hashes and custody, root cause and prevention, and the response times. The page comes from a
 * template (templates/report/), whose engine escapes every value: an incident's text never runs as script.
 */
public class IncidentReportView {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 H:mm");
  private static final String UNKNOWN = "（未記録）";

  private final IncidentRecord record;
  private final List<TimelineEntry> timeline;
  private final List<ReportSent> reports;
  private final List<Evidence> evidence;
  private final Function<Long, List<CustodyEntry>> custody;
  private final ZoneId zone;

  public IncidentReportView(IncidentRecord record, List<TimelineEntry> timeline, List<ReportSent> reports,
      List<Evidence> evidence, Function<Long, List<CustodyEntry>> custody, ZoneId zone) {
    this.record = record;
    this.timeline = timeline;
    this.reports = reports;
    this.evidence = evidence;
    this.custody = custody;
    this.zone = zone;
  }

  /** 5W1H, in the order people ask. */
  public Map<String, String> fiveWOneH() {
    Map<String, String> summary = new LinkedHashMap<>();
    summary.put("いつ", "発生 " + time(record.occurredAt()) + "／発覚 " + time(record.detectedAt()));
    summary.put("どこで", orUnknown(record.affectedSystems()));
    summary.put("誰が", orUnknown(record.perpetrator()));
    summary.put("何を", orUnknown(record.eventDescription()));
    summary.put("なぜ", orUnknown(record.rootCause() != null ? record.rootCause() : record.suspectedCause()));
    summary.put("どのように", orUnknown(record.method()));
    return summary;
  }

  /** インシデント対応時に整理しておくべき事項 (docs/domain.md §Record); 対応経過 is the timeline below. */
  public Map<String, String> tenItems() {
    Map<String, String> items = new LinkedHashMap<>();
    items.put("分類", IncidentType.of(record.incidentType()).map(IncidentType::shortLabel).orElse(record.incidentType())
        + (record.severityLevel() == null ? "" : "／事故レベル " + record.severityLevel()));
    items.put("事業者", orUnknown(record.businessOperator())
        + (record.commissioningParty() == null ? "" : "（委託元: " + record.commissioningParty() + "）"));
    items.put("責任者・担当者", record.responsiblePersons() != null ? record.responsiblePersons() : actors());
    items.put("発覚日時", time(record.detectedAt()));
    items.put("発生日時", time(record.occurredAt()));
    items.put("発生事象", orUnknown(record.eventDescription()));
    items.put("対応経過", "下記「対応経過」のとおり（" + timeline.size() + "件）");
    items.put("想定される原因", orUnknown(record.suspectedCause()));
    items.put("被害を受けたシステムの状況", orUnknown(record.affectedSystemStatus()));
    items.put("システム構成・運用状況", orUnknown(record.systemConfiguration()));
    return items;
  }

  /** Who did the work, from the timeline, when no response team was named (one person, or the six steps). */
  private String actors() {
    List<String> actors = timeline.stream().map(TimelineEntry::actor).filter(a -> a != null && !a.isBlank())
        .distinct().toList();
    return actors.isEmpty() ? UNKNOWN : "対応した人: " + String.join("、", actors);
  }

  public Map<String, String> responseTimes() {
    Map<String, String> times = new LinkedHashMap<>();
    times.put("発見までの時間（発生→発覚）", duration(record.timeToDetect()));
    times.put("封じ込めまでの時間（発覚→初動対応の完了）", duration(record.timeToContain()));
    times.put("復旧までの時間（発覚→復旧）", duration(record.timeToRecover()));
    return times;
  }

  /** The PDF of {@link #html()}, headed with the business operator and the incident number on every page. */
  public byte[] pdf() {
    return PdfDocuments.fromHtml(html(), record.businessOperator(), record.incidentNumber());
  }

  /** The page, from {@code templates/report/incident-report.html}. */
  public String html() {
    return HtmlDocuments.render("report/incident-report", Map.of("report", model()));
  }

  /** The same report as Markdown, from {@code templates/report/incident-report.md}. */
  public String markdown() {
    return TextDocuments.markdown("report/incident-report", Map.of("report", model()));
  }

  /** What both templates show. */
  private Map<String, Object> model() {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("number", record.incidentNumber());
    report.put("title", record.title());
    report.put("state", record.state().label());
    Map<String, String> heading = new LinkedHashMap<>();
    heading.put("件名", record.title());
    heading.put("手順", Procedure.displayNameOf(record.procedureKey()));
    heading.put("状態", record.state().label());
    report.put("heading", heading);
    report.put("fiveWOneH", fiveWOneH());
    report.put("tenItems", tenItems());
    report.put("decisions", timeline.stream().filter(t -> t.kind().equals("DECISION")).map(this::entry).toList());
    report.put("timeline", timeline.stream().map(this::entry).toList());
    // A Markdown table cell ends at a bar or a line break.
    report.put("timelineCells", timeline.stream().map(t -> Map.of("time", time(t.occurredAt()), "title",
        cell(t.title()), "actor", cell(t.actor()), "detail", cell(t.detail()))).toList());
    report.put("reports", reports.stream().map(r -> Map.of("title", text(r.title()),
        "mandatory", r.mandatory() ? "義務" : "任意", "due", time(r.dueAt()),
        "sent", orUnknown(r.sentAt()) + " " + orUnknown(r.channel()), "sentAt", orUnknown(r.sentAt()),
        "sentBy", text(r.sentBy()), "sentByOrUnknown", orUnknown(r.sentBy()), "reference", text(r.reference())))
        .toList());
    report.put("evidence", evidence.stream().map(item -> Map.of("description", text(item.description()),
        "source", text(item.source()), "collected", text(item.collectedBy()) + " " + time(item.collectedAt()),
        "collectedBy", text(item.collectedBy()), "collectedTime", time(item.collectedAt()),
        "file", item.fileName() == null ? "（現物）" : item.fileName() + "（" + item.sizeBytes() + " バイト）",
        "sha256", text(item.sha256()), "hash", item.sha256() == null ? "" : " SHA-256 " + item.sha256(),
        "custody", custodyOf(item))).toList());
    Map<String, String> causes = new LinkedHashMap<>();
    causes.put("根本原因", orUnknown(record.rootCause()));
    causes.put("再発防止策", orUnknown(record.preventionMeasures()));
    report.put("causes", causes);
    report.put("responseTimes", responseTimes());
    report.put("createdAt", time(OffsetDateTime.now(zone)));
    return report;
  }

  private Map<String, String> entry(TimelineEntry entry) {
    return Map.of("time", time(entry.occurredAt()), "title", text(entry.title()), "actor", text(entry.actor()),
        "detail", text(entry.detail()));
  }

  private String custodyOf(Evidence item) {
    StringBuilder chain = new StringBuilder();
    custody.apply(item.id()).forEach(c -> chain.append(time(c.occurredAt())).append(' ').append(c.action())
        .append(' ').append(c.actor()).append(c.detail() == null ? "" : " " + c.detail()).append('\n'));
    return chain.toString();
  }

  public Map<String, Object> json() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("record", record);
    json.put("fiveWOneH", fiveWOneH());
    json.put("tenItems", tenItems());
    json.put("timeline", timeline);
    json.put("reportsSent", reports);
    json.put("evidence", evidence.stream().map(x -> Map.of("item", x, "custody", custody.apply(x.id()))).toList());
    json.put("responseTimes", responseTimes());
    return json;
  }



  private static String text(String value) {
    return value == null ? "" : value;
  }

  private static String cell(String value) {
    return value == null ? "" : value.replace("|", "｜").replace("\n", " ");
  }


  private String time(OffsetDateTime time) {
    return time == null ? UNKNOWN : time.atZoneSameInstant(zone).format(TIME);
  }

  private static String duration(Duration duration) {
    if (duration == null) {
      return UNKNOWN;
    }
    return duration.toDays() > 0 ? "%d日%d時間%d分".formatted(duration.toDays(), duration.toHoursPart(),
        duration.toMinutesPart()) : "%d時間%d分".formatted(duration.toHours(), duration.toMinutesPart());
  }

  private static String orUnknown(String value) {
    return value == null || value.isBlank() ? UNKNOWN : value;
  }
}
