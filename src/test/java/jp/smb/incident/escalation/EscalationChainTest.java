package jp.smb.incident.escalation;

import static jp.smb.incident.contract.ResponseRole.EXECUTIVE;
import static jp.smb.incident.contract.ResponseRole.INCIDENT_LEAD;
import static jp.smb.incident.contract.ResponseRole.SYSADMIN;
import static jp.smb.incident.contract.ResponseRole.TECH;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import jp.smb.incident.contract.ResponseRole;
import jp.smb.incident.settings.ContactChain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EscalationChainTest {

  /** A small company: each role held by someone else, the technical staff beside the administrator. */
  private static final Function<ResponseRole, Set<String>> COMPANY = role -> Map.of(
      SYSADMIN, Set.of("suzuki"), TECH, Set.of("tanaka"), INCIDENT_LEAD, Set.of("sato"),
      EXECUTIVE, Set.of("yamada")).getOrDefault(role, Set.of());

  /** A sole proprietor holds every role. */
  private static final Function<ResponseRole, Set<String>> SOLE_PROPRIETOR = role -> Set.of("owner");

  @ParameterizedTest(name = "round {0} of a late containment → {1}, outside {2}")
  @CsvSource({
      "1, INCIDENT_LEAD, false",
      "2, EXECUTIVE,     false",
      "3, EXECUTIVE,     true",
      "7, EXECUTIVE,     true"})
  void shouldWalkUpTheChainFromTheLateStepAndThenCallOutside(int round, ResponseRole role, boolean outside) {
    EscalationStep step = EscalationChain.step(round, List.of(SYSADMIN, TECH), INCIDENT_LEAD, COMPANY);

    assertThat(step).isEqualTo(new EscalationStep(round, role, outside));
  }

  @ParameterizedTest(name = "round {0} of a late triage → {1}, outside {2}")
  @CsvSource({
      "1, EXECUTIVE, false",
      "2, EXECUTIVE, true"})
  void shouldCallOutsideOnceTheTopOfTheChainWasTold(int round, ResponseRole role, boolean outside) {
    assertThat(EscalationChain.step(round, List.of(INCIDENT_LEAD), EXECUTIVE, COMPANY))
        .isEqualTo(new EscalationStep(round, role, outside));
  }

  @Test
  void shouldNotSendTheExecutivesOwnLateStepBackToTheExecutive() {
    // The team set-up is the executive's: the lead is told first, and above the lead is the one who is late.
    assertThat(EscalationChain.step(2, List.of(EXECUTIVE), INCIDENT_LEAD, COMPANY))
        .isEqualTo(new EscalationStep(2, INCIDENT_LEAD, true));
  }

  @Test
  void shouldSkipARoleWhoseHoldersWereAllToldAlready() {
    Function<ResponseRole, Set<String>> leadIsAdministrator = role -> role == EXECUTIVE ? Set.of("yamada")
        : Set.of("sato");

    assertThat(EscalationChain.step(1, List.of(SYSADMIN), INCIDENT_LEAD, leadIsAdministrator))
        .isEqualTo(new EscalationStep(1, EXECUTIVE, false));
  }

  @ParameterizedTest(name = "round {0}")
  @CsvSource({"1", "2", "5"})
  void shouldNameTheOutsideContactsToASoleProprietorFromTheFirstRound(int round) {
    EscalationStep step = EscalationChain.step(round, List.of(INCIDENT_LEAD), EXECUTIVE, SOLE_PROPRIETOR);

    assertThat(step).isEqualTo(new EscalationStep(round, EXECUTIVE, true));
  }

  @Test
  void shouldKeepTheDiagramsRoleWhenNobodyHoldsAnyRole() {
    assertThat(EscalationChain.step(1, List.of(INCIDENT_LEAD), EXECUTIVE, role -> Set.of()))
        .isEqualTo(new EscalationStep(1, EXECUTIVE, true));
  }

  @Test
  void shouldTellTheNextInTheChainWhomToCallWithTheChainsNumber() {
    ContactChain chain = new ContactChain(new ContactChain.Entry("山田", "090-0000-0001", null), null, null);

    String advice = new EscalationStep(1, EXECUTIVE, false)
        .advice("初動対応（遮断・隔離・停止）を行う", chain, "お助け隊 0120-000-005", null, Duration.ofHours(2));

    assertThat(advice).contains("1回目", "「初動対応（遮断・隔離・停止）を行う」がまだ終わっていません", "経営者・最高責任者",
        "山田 携帯 090-0000-0001", "2時間ごとに").doesNotContain("お助け隊");
  }

  @Test
  void shouldNameTheVendorTheInsurerAndThePublicDeskWhenNobodyIsLeft() {
    String advice = new EscalationStep(3, EXECUTIVE, true)
        .advice("状況を確認し記録する", null, "△△システム（お助け隊）0120-000-005", "未登録（管理者に連絡先リストへの登録を頼んでください）",
            Duration.ofMinutes(90));

    assertThat(advice).contains("3回目", "外部の支援先に電話", "ITベンダー／サイバーセキュリティお助け隊: △△システム（お助け隊）0120-000-005",
        "サイバー保険会社: 未登録（連絡先リストに登録してください）", "cs-support@ipa.go.jp", "90分ごとに");
  }
}
