package jp.smb.incident.reporting;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.smb.incident.contract.ReportStage;

/**
 * What one reporting decision changes in an incident's report threads, one thread per recipient: reports to start,
 * and voluntary reports already under way that the facts have made mandatory (upgraded in place, never doubled by a
 * mandatory twin). Nothing is ever downgraded here: a report the facts no longer require stays as it is.
 *
 * @param known    every report item decided so far, by id ({@code reportItems})
 * @param started  the ids of every report started or upgraded so far ({@code startedReportItems})
 * @param toStart  the reports this round starts
 * @param upgrades the voluntary reports under way this round makes mandatory
 * @param toReview mandatory reports under way that the facts no longer require: the incident lead decides whether
 *                 to withdraw them, with a reason; nothing is withdrawn on its own
 * @param reviewed the mandatory reports the incident lead has been asked about since they were last required
 */
public record ReportRound(Map<String, ReportItem> known, Set<String> started, List<String> toStart,
    List<Upgrade> upgrades, List<String> toReview, Set<String> reviewed) {

  /** A running report ({@code runningItem}) that goes on as the mandatory {@code to}. */
  public record Upgrade(String runningItem, ReportItem to) {
  }

  /**
   * @param statutoryOnly the legal clock's round: only mandatory reports start; voluntary ones keep their place in
   *                      the procedure's order
   */
  public static ReportRound decide(Collection<ReportItem> knownItems, Collection<String> startedIds,
      List<ReportItem> decided, boolean statutoryOnly) {
    return decide(knownItems, startedIds, Set.of(), decided, statutoryOnly);
  }

  public static ReportRound decide(Collection<ReportItem> knownItems, Collection<String> startedIds,
      Collection<String> reviewedIds, List<ReportItem> decided, boolean statutoryOnly) {
    Map<String, ReportItem> known = new LinkedHashMap<>();
    knownItems.forEach(item -> known.put(item.id(), item));
    Set<String> started = new LinkedHashSet<>(startedIds);
    List<String> toStart = new ArrayList<>();
    List<Upgrade> upgrades = new ArrayList<>();

    for (ReportItem item : decided) {
      if (statutoryOnly && !item.mandatory()) {
        continue;
      }
      ReportItem before = known.get(item.id());
      if (started.contains(item.id())) {
        if (before != null && before.mandatory() && !item.mandatory()) {
          continue; // no silent downgrade: the incident lead withdraws a report, not the table
        }
        if (item.mandatory() && before != null && !before.mandatory()) {
          upgrades.add(new Upgrade(item.id(), item));
        }
        known.put(item.id(), item);
        continue;
      }
      List<ReportItem> threads = started.stream().map(known::get)
          .filter(other -> other != null && other.recipient().equals(item.recipient()) && !isFinal(other))
          .toList();
      if (threads.isEmpty() || isFinal(item)) {
        toStart.add(item.id());
      } else if (item.mandatory() && threads.stream().noneMatch(ReportItem::mandatory)) {
        upgrades.add(new Upgrade(threads.get(threads.size() - 1).id(), item));
      } else {
        continue; // the recipient has its thread already
      }
      started.add(item.id());
      known.put(item.id(), item);
    }
    Set<String> required = new LinkedHashSet<>();
    decided.stream().filter(ReportItem::mandatory).forEach(item -> required.add(item.recipient()));
    Set<String> reviewed = new LinkedHashSet<>(reviewedIds);
    List<String> toReview = new ArrayList<>();
    for (String id : started) {
      ReportItem item = known.get(id);
      if (item == null || !item.mandatory() || required.contains(item.recipient())) {
        reviewed.remove(id); // required again: ask again if the facts change once more
      } else if (reviewed.add(id)) {
        toReview.add(id);
      }
    }
    return new ReportRound(known, started, toStart, upgrades, toReview, reviewed);
  }

  /** An upgrade whose report is no longer running (e.g. the voluntary report was sent) starts as a new report. */
  public ReportRound startingInstead(Collection<Upgrade> notRunning) {
    List<String> starts = new ArrayList<>(toStart);
    notRunning.forEach(upgrade -> starts.add(upgrade.to().id()));
    List<Upgrade> rest = upgrades.stream().filter(upgrade -> !notRunning.contains(upgrade)).toList();
    return new ReportRound(known, started, starts, rest, toReview, reviewed);
  }

  /** The items this round starts or upgrades, for the record of obligations. */
  public List<ReportItem> opened() {
    List<ReportItem> opened = new ArrayList<>();
    toStart.forEach(id -> opened.add(known.get(id)));
    upgrades.forEach(upgrade -> opened.add(upgrade.to()));
    return opened;
  }

  private static boolean isFinal(ReportItem item) {
    return ReportStage.of(item.id()).orElse(null) == ReportStage.FINAL;
  }
}
