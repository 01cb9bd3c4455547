package jp.smb.incident.notification;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import jp.smb.incident.api.ApiCaller;
import jp.smb.incident.api.ApiException;
import jp.smb.incident.company.CompanyScope;
import jp.smb.incident.contract.ResponseRole;
import jp.smb.incident.record.IncidentRecords;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/notifications?state=failed}: the alerts that could not be delivered, for a person to act on. */
@RestController
@RequestMapping("/api/notifications")
public class NotificationController {

  private static final Set<String> STATES = Set.of("pending", "sending", "sent", "failed");

  private final Outbox outbox;
  private final ApiCaller caller;
  private final IncidentRecords records;
  private final CompanyScope scope;

  public NotificationController(Outbox outbox, ApiCaller caller, IncidentRecords records, CompanyScope scope) {
    this.outbox = outbox;
    this.caller = caller;
    this.records = records;
    this.scope = scope;
  }

  @GetMapping
  public List<AlertSummary> list(@RequestParam(defaultValue = "failed") String state,
      @RequestParam(defaultValue = "100") int limit) {
    caller.require("通知の一覧", ResponseRole.INCIDENT_LEAD);
    String wanted = state.toLowerCase(Locale.ROOT);
    if (!STATES.contains(wanted)) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "state は pending, sending, sent, failed のいずれかにしてください");
    }
    if (limit < 1 || limit > 1000) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "limit は 1 から 1000 までにしてください");
    }
    // Another client company's alerts are not listed (an alert names its incident and step).
    List<OutboxEntry> entries = outbox.list(wanted.toUpperCase(Locale.ROOT), limit);
    Map<String, String> companies = records.companiesOf(entries.stream().map(OutboxEntry::incidentNumber)
        .filter(Objects::nonNull).distinct().toList());
    return entries.stream().filter(entry -> scope.sees(companies.get(entry.incidentNumber())))
        .map(AlertSummary::of).toList();
  }

  /** One alert as the API lists it: times and a missing value as text, the state in lower case. */
  public record AlertSummary(long id, String createdAt, String incidentNumber, String channel, String recipient,
      boolean urgent, String subject, String state, int attempts, String lastError, String sentAt) {

    static AlertSummary of(OutboxEntry e) {
      return new AlertSummary(e.id(), String.valueOf(e.createdAt()), String.valueOf(e.incidentNumber()), e.channel(),
          e.recipient(), e.urgent(), e.subject(), e.state().toLowerCase(Locale.ROOT), e.attempts(),
          String.valueOf(e.lastError()), String.valueOf(e.sentAt()));
    }
  }
}
