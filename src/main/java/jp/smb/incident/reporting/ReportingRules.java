package jp.smb.incident.reporting;

import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import jp.smb.incident.contract.ReportStage;

/** Turns the rows of the reporting decision into one obligation per recipient and the reports to send. */
public class ReportingRules {

  /**
   * Several rules may name one recipient (APPI and My Number both go to the PPC): it is mandatory if any rule
   * says so, the earliest deadlines apply and every basis is kept.
   */
  public List<ReportingObligation> merge(List<Map<String, Object>> rows) {
    Map<Recipient, ReportingObligation> byRecipient = new EnumMap<>(Recipient.class);
    for (Map<String, Object> row : rows) {
      ReportingObligation next = new ReportingObligation(
          Recipient.fromId((String) row.get("recipient")),
          Boolean.TRUE.equals(row.get("mandatory")),
          duration(row.get("firstDeadline")),
          duration(row.get("finalDeadline")),
          (String) row.get("basis"));
      byRecipient.merge(next.recipient(), next, ReportingRules::combine);
    }
    byRecipient.computeIfPresent(Recipient.COMMISSIONING_PARTY,
        (recipient, notice) -> commissioningPartyNotice(notice, byRecipient.get(Recipient.PPC)));
    return new ArrayList<>(byRecipient.values());
  }

  /**
   * Where the PPC report is mandatory, a processor's prompt notice to its commissioning party is the legal route
   * (法26条1項ただし書): mandatory too, due with the 速報, so that the commissioning party can report in time.
   */
  private static ReportingObligation commissioningPartyNotice(ReportingObligation notice, ReportingObligation ppc) {
    if (ppc == null || !ppc.mandatory()) {
      return notice;
    }
    return new ReportingObligation(notice.recipient(), true, ppc.firstDeadline(), null, notice.basis());
  }

  public List<ReportItem> items(List<ReportingObligation> obligations) {
    return obligations.stream().flatMap(ReportingRules::itemsOf).toList();
  }

  private static Stream<ReportItem> itemsOf(ReportingObligation o) {
    Recipient r = o.recipient();
    if (o.firstDeadline() != null && o.finalDeadline() != null) {
      return Stream.of(
          new ReportItem(ReportStage.PRELIMINARY.itemOf(r.id()), r.id(), r.displayName() + "に速報する", o.mandatory(),
              o.firstDeadline(), o.basis()),
          new ReportItem(ReportStage.FINAL.itemOf(r.id()), r.id(), r.displayName() + "に確報する", o.mandatory(),
              o.finalDeadline(), o.basis()));
    }
    Duration deadline = o.firstDeadline() != null ? o.firstDeadline() : o.finalDeadline();
    return Stream.of(new ReportItem(r.id(), r.id(), r.taskName(), o.mandatory(), deadline, o.basis()));
  }

  private static ReportingObligation combine(ReportingObligation a, ReportingObligation b) {
    String basis = Objects.equals(a.basis(), b.basis()) ? a.basis() : a.basis() + "／" + b.basis();
    return new ReportingObligation(a.recipient(), a.mandatory() || b.mandatory(),
        earliest(a.firstDeadline(), b.firstDeadline()), earliest(a.finalDeadline(), b.finalDeadline()), basis);
  }

  private static Duration earliest(Duration a, Duration b) {
    return Stream.of(a, b).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
  }

  /**
   * Accepts days and weeks ({@code P3D}, {@code P2W}) as well as hours ({@code PT72H}): the decision table speaks in
   * days. Months and years are refused, not read as zero days: they have no fixed number of days, and the law's
   * periods are in days.
   */
  static Duration duration(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    String text = value.toString().trim();
    if (!text.contains("T")) {
      Period period = Period.parse(text);
      if (period.getYears() != 0 || period.getMonths() != 0) {
        throw new IllegalArgumentException("報告の期限は日数（例 P30D）か時間（例 PT72H）で書いてください。"
            + "月や年は日数が決まらないため使えません: " + text);
      }
      return Duration.ofDays(period.getDays());
    }
    return Duration.parse(text);
  }
}
