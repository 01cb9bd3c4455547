package jp.smb.incident.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import jp.smb.incident.reporting.ReportRound.Upgrade;
import org.junit.jupiter.api.Test;

/** One thread per recipient: rounds start, upgrade in place, and never double or silently downgrade a report. */
class ReportRoundTest {

  private static final ReportItem PPC_VOLUNTARY = item("ppc", "ppc", false, null);
  private static final ReportItem PPC_PRELIMINARY = item("ppc-preliminary", "ppc", true, Duration.ofDays(3));
  private static final ReportItem PPC_FINAL = item("ppc-final", "ppc", true, Duration.ofDays(30));
  private static final ReportItem SUBJECTS_VOLUNTARY = item("data-subjects", "data-subjects", false, null);
  private static final ReportItem SUBJECTS_MANDATORY = item("data-subjects", "data-subjects", true, null);
  private static final ReportItem PARTNERS = item("partners", "partners", false, null);

  private static ReportItem item(String id, String recipient, boolean mandatory, Duration deadline) {
    return new ReportItem(id, recipient, id, mandatory, deadline, mandatory ? "個人情報保護法26条" : null);
  }

  @Test
  void shouldStartOnlyMandatoryReportsOnTheLegalClock() {
    ReportRound round = ReportRound.decide(List.of(), List.of(),
        List.of(PPC_PRELIMINARY, PPC_FINAL, SUBJECTS_MANDATORY, PARTNERS), true);

    assertThat(round.toStart()).containsExactly("ppc-preliminary", "ppc-final", "data-subjects");
    assertThat(round.started()).doesNotContain("partners");
    assertThat(round.upgrades()).isEmpty();
  }

  @Test
  void shouldStartVoluntaryReportsInTheProceduresRoundButNotTwiceWhatTheClockStarted() {
    ReportRound clock = ReportRound.decide(List.of(), List.of(), List.of(PPC_PRELIMINARY, PPC_FINAL, PARTNERS), true);

    ReportRound procedure = ReportRound.decide(clock.known().values(), clock.started(),
        List.of(PPC_PRELIMINARY, PPC_FINAL, PARTNERS), false);

    assertThat(procedure.toStart()).containsExactly("partners");
  }

  @Test
  void shouldUpgradeAVoluntaryReportUnderWayInPlaceWhenTheFactsMakeItMandatory() {
    ReportRound before = ReportRound.decide(List.of(), List.of(), List.of(PPC_VOLUNTARY, SUBJECTS_VOLUNTARY), false);

    ReportRound after = ReportRound.decide(before.known().values(), before.started(),
        List.of(PPC_PRELIMINARY, PPC_FINAL, SUBJECTS_MANDATORY), true);

    assertThat(after.upgrades()).containsExactly(new Upgrade("ppc", PPC_PRELIMINARY),
        new Upgrade("data-subjects", SUBJECTS_MANDATORY));
    assertThat(after.toStart()).containsExactly("ppc-final");
    assertThat(after.known().get("data-subjects").mandatory()).isTrue();
    assertThat(after.opened()).extracting(ReportItem::id)
        .containsExactly("ppc-final", "ppc-preliminary", "data-subjects");
  }

  @Test
  void shouldNeverStartAVoluntaryTwinBesideAMandatoryReport() {
    ReportRound mandatory = ReportRound.decide(List.of(), List.of(), List.of(PPC_PRELIMINARY, PPC_FINAL), true);

    ReportRound voluntaryAgain = ReportRound.decide(mandatory.known().values(), mandatory.started(),
        List.of(PPC_VOLUNTARY), false);

    assertThat(voluntaryAgain.toStart()).isEmpty();
    assertThat(voluntaryAgain.upgrades()).isEmpty();
  }

  @Test
  void shouldKeepAMandatoryReportMandatoryWhenLaterFactsWouldMakeItVoluntary() {
    ReportRound mandatory = ReportRound.decide(List.of(), List.of(), List.of(SUBJECTS_MANDATORY), true);

    ReportRound later = ReportRound.decide(mandatory.known().values(), mandatory.started(),
        List.of(SUBJECTS_VOLUNTARY), false);

    assertThat(later.known().get("data-subjects").mandatory()).isTrue();
    assertThat(later.toStart()).isEmpty();
  }

  @Test
  void shouldStartTheMandatoryReportInsteadWhenTheVoluntaryOneIsNoLongerRunning() {
    ReportRound before = ReportRound.decide(List.of(), List.of(), List.of(PPC_VOLUNTARY), false);
    ReportRound after = ReportRound.decide(before.known().values(), before.started(),
        List.of(PPC_PRELIMINARY, PPC_FINAL), true);

    ReportRound kept = after.startingInstead(after.upgrades());

    assertThat(kept.toStart()).containsExactly("ppc-final", "ppc-preliminary");
    assertThat(kept.upgrades()).isEmpty();
  }

  @Test
  void shouldAskOnceWhetherToWithdrawAMandatoryReportTheFactsNoLongerRequire() {
    ReportRound mandatory = ReportRound.decide(List.of(), List.of(), List.of(PPC_PRELIMINARY, PPC_FINAL, PARTNERS), true);

    ReportRound noLeak = ReportRound.decide(mandatory.known().values(), mandatory.started(), mandatory.reviewed(),
        List.of(PARTNERS), true);
    ReportRound again = ReportRound.decide(noLeak.known().values(), noLeak.started(), noLeak.reviewed(),
        List.of(PARTNERS), false);

    assertThat(noLeak.toReview()).containsExactly("ppc-preliminary", "ppc-final");
    assertThat(noLeak.known().get("ppc-preliminary").mandatory()).as("kept as it was").isTrue();
    assertThat(again.toReview()).as("asked once").isEmpty();

    ReportRound requiredAgain = ReportRound.decide(again.known().values(), again.started(), again.reviewed(),
        List.of(PPC_PRELIMINARY, PPC_FINAL), true);
    ReportRound droppedAgain = ReportRound.decide(requiredAgain.known().values(), requiredAgain.started(),
        requiredAgain.reviewed(), List.of(), true);
    assertThat(requiredAgain.toReview()).isEmpty();
    assertThat(droppedAgain.toReview()).containsExactly("ppc-preliminary", "ppc-final");
  }
}
