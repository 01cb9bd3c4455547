package jp.smb.incident.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reporting table on the standalone DMN engine, merged per recipient as the processes use it. Each row of a
 * case reads {@code recipient:mandatory:first deadline:final deadline}, {@code -} for no deadline.
 */
class ReportingObligationsDecisionTest {

  private static DmnEngine dmnEngine;
  private static DmnDecision decision;
  private final ReportingRules rules = new ReportingRules();

  @BeforeAll
  static void parseDecision() throws IOException {
    dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream dmn = Files.newInputStream(Path.of("processes/reporting-obligations.dmn"))) {
      decision = dmnEngine.parseDecision("reporting-obligations", dmn);
    }
  }

  private List<ReportingObligation> evaluate(Map<String, Object> facts) {
    return rules.merge(dmnEngine.evaluateDecisionTable(decision, facts).getResultList());
  }

  /** The facts given; personal data answered as not involved unless a case says otherwise. */
  private static Map<String, Object> facts(Object... keyValues) {
    Map<String, Object> facts = unanswered(keyValues);
    facts.putIfAbsent("personalDataLeaked", "no");
    return facts;
  }

  /** The facts given, the personal-data question left without an answer. */
  private static Map<String, Object> unanswered(Object... keyValues) {
    Map<String, Object> facts = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      facts.put((String) keyValues[i], keyValues[i + 1]);
    }
    return facts;
  }

  private static String describe(ReportingObligation obligation) {
    return String.join(":", obligation.recipient().id(), String.valueOf(obligation.mandatory()),
        obligation.firstDeadline() == null ? "-" : obligation.firstDeadline().toString(),
        obligation.finalDeadline() == null ? "-" : obligation.finalDeadline().toString());
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("ransomware encrypting a server with 1,500 customers' data",
            facts("incidentType", "ransomware", "personalDataLeaked", "yes", "affectedPersons", 1500,
                "partnersAffected", true, "consumersAffected", true, "cyberInsured", true),
            List.of("ppc:true:PT72H:PT1440H", "data-subjects:true:-:-", "police:false:-:-", "ipa:false:-:-",
                "partners:false:-:-", "insurer:false:-:-", "inquiry-desk:false:-:-")),
        Arguments.of("an e-mail misdelivered with 10 people's ordinary contact data",
            facts("incidentType", "misdelivery", "personalDataLeaked", "yes", "affectedPersons", 10),
            List.of("ppc:false:-:-", "data-subjects:false:-:-")),
        Arguments.of("unauthorised access to 3 people's card numbers",
            facts("incidentType", "unauthorized-access", "personalDataLeaked", "yes", "affectedPersons", 3,
                "financialDamageRisk", true),
            List.of("ppc:true:PT72H:PT1440H", "data-subjects:true:-:-", "police:false:-:-", "ipa:false:-:-")),
        Arguments.of("a lost laptop with strongly encrypted data",
            facts("incidentType", "loss", "personalDataLeaked", "yes", "affectedPersons", 2000,
                "stronglyEncrypted", true),
            List.of("ppc:false:-:-")),
        Arguments.of("an employee taking the customer list",
            facts("incidentType", "insider", "personalDataLeaked", "yes", "affectedPersons", 300,
                "partnersAffected", true),
            List.of("ppc:true:PT72H:PT1440H", "data-subjects:true:-:-", "police:false:-:-", "partners:false:-:-")),
        Arguments.of("150 employees' My Number data",
            facts("incidentType", "misdelivery", "personalDataLeaked", "yes", "myNumberInvolved", true,
                "affectedPersons", 150),
            List.of("ppc:true:PT72H:PT720H", "data-subjects:true:-:-")),
        Arguments.of("an outage with no data involved",
            facts("incidentType", "system-outage", "partnersAffected", true, "wideImpact", true),
            List.of("partners:false:-:-", "public-notice:false:-:-")),
        Arguments.of("nothing known but that no personal data is involved", facts(), List.of()),
        // 未回答と「不明」はおそれ (docs/domain.md §Reporting): reportable until shown otherwise.
        Arguments.of("nothing known yet, not even about personal data", unanswered(),
            List.of("ppc:false:-:-", "data-subjects:false:-:-")),
        Arguments.of("ransomware on the PC with customer data, the question left blank", unanswered("incidentType",
            "ransomware"), List.of("ppc:true:PT72H:PT1440H", "data-subjects:true:-:-", "police:false:-:-",
            "ipa:false:-:-")),
        Arguments.of("ransomware, personal data 不明", facts("incidentType", "ransomware", "personalDataLeaked",
            "unknown"), List.of("ppc:true:PT72H:PT1440H", "data-subjects:true:-:-", "police:false:-:-",
            "ipa:false:-:-")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void shouldNameEveryRecipientWithItsDeadlines(String name, Map<String, Object> facts, List<String> expected) {
    assertThat(evaluate(facts)).extracting(ReportingObligationsDecisionTest::describe)
        .containsExactlyElementsOf(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      // fact that makes a leak reportable, extra facts, final deadline in hours
      "sensitiveData,       '',                                   720",
      "financialDamageRisk, '',                                   720",
      "improperPurpose,     '',                                   1440",
      "personsOverThousand, '',                                   720",
      "sensitiveData,       'improperPurpose',                    1440",
      "sensitiveData,       'financialDamageRisk improperPurpose', 1440"})
  void shouldMakeEachOfTheFourAppiCasesMandatoryWithItsDeadline(String fact, String extra, long finalHours) {
    Map<String, Object> facts = facts("incidentType", "other", "personalDataLeaked", "yes", "affectedPersons", 5);
    if (fact.equals("personsOverThousand")) {
      facts.put("affectedPersons", 1001);
    } else {
      facts.put(fact, true);
    }
    Arrays.stream(extra.split(" ")).filter(s -> !s.isBlank()).forEach(s -> facts.put(s, true));

    List<ReportingObligation> obligations = evaluate(facts);

    ReportingObligation ppc = obligations.get(0);
    assertThat(describe(ppc)).isEqualTo("ppc:true:PT72H:PT" + finalHours + "H");
    assertThat(ppc.basis()).contains("個人情報保護法26条");
    assertThat(describe(obligations.get(1))).isEqualTo("data-subjects:true:-:-");
  }

  @Test
  void shouldKeepOneThousandPeopleBelowTheThreshold() {
    assertThat(evaluate(facts("personalDataLeaked", "yes", "affectedPersons", 1000)))
        .extracting(ReportingObligationsDecisionTest::describe).containsExactly("ppc:false:-:-", "data-subjects:false:-:-");
  }

  @Test
  void shouldExemptStronglyEncryptedDataEvenInAMandatoryCase() {
    assertThat(evaluate(facts("personalDataLeaked", "yes", "sensitiveData", true, "stronglyEncrypted", true)))
        .extracting(ReportingObligationsDecisionTest::describe).containsExactly("ppc:false:-:-");
  }

  @ParameterizedTest(name = "My Number, {0} people, type {1}, improper {2}, processing system {3} → {4}")
  @CsvSource({
      "100, misdelivery,    false, false, ''",
      "101, misdelivery,    false, false, ppc:true:PT72H:PT720H",
      "5,   mispublication, false, false, ppc:true:PT72H:PT720H",
      "5,   other,          true,  false, ppc:true:PT72H:PT1440H",
      "5,   misdelivery,    false, true,  ppc:true:PT72H:PT720H"})
  void shouldApplyTheMyNumberCases(int persons, String type, boolean improper, boolean system, String ppc) {
    List<String> recipients = evaluate(facts("myNumberInvolved", true, "affectedPersons", persons,
        "incidentType", type, "improperPurpose", improper, "myNumberSystemAffected", system)).stream()
        .map(ReportingObligationsDecisionTest::describe).collect(Collectors.toList());

    if (ppc.isEmpty()) {
      assertThat(recipients).isEmpty();
    } else {
      assertThat(recipients).containsExactly(ppc, "data-subjects:true:-:-");
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "crimeSuspected,    police",
      "sectorLawApplies,  ministry",
      "partnersAffected,  partners",
      "cyberInsured,      insurer",
      "wideImpact,        public-notice",
      "theftSuspected,    police"})
  void shouldNameTheRecipientOfEachOtherFact(String fact, String recipient) {
    assertThat(evaluate(facts(fact, true))).extracting(o -> o.recipient().id()).containsExactly(recipient);
    assertThat(evaluate(facts(fact, true)).get(0).mandatory()).isEqualTo(recipient.equals("ministry"));
  }

  @Test
  void shouldOpenAnInquiryDeskAndReportToCustomersWhenCustomersOrConsumersAreConcerned() {
    // 顧客や消費者に関係する (docs/domain.md §Reporting): a desk for their questions, and the customers told in the one report thread.
    assertThat(evaluate(facts("consumersAffected", true))).extracting(o -> o.recipient().id())
        .containsExactly("partners", "inquiry-desk");
    assertThat(evaluate(facts("consumersAffected", true, "partnersAffected", true)))
        .extracting(o -> o.recipient().id()).containsExactly("partners", "inquiry-desk");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      // A processor's leak in one of the four cases: the notice is the legal route and due with the 速報.
      "'personalDataLeaked=yes,sensitiveData=true',         commissioning-party:true:PT72H:-",
      "'personalDataLeaked=unknown,financialDamageRisk=true', commissioning-party:true:PT72H:-",
      // Outside them, still told (contract and good faith), without a legal deadline.
      "'personalDataLeaked=yes',                            commissioning-party:false:-:-"})
  void shouldTellTheCommissioningPartyOfALeakOfTheDataItEntrusted(String answers, String expected) {
    Map<String, Object> facts = facts("commissioningParty", "株式会社委託元", "incidentType", "misdelivery",
        "affectedPersons", 10);
    for (String answer : answers.split(",")) {
      String[] pair = answer.split("=");
      facts.put(pair[0], pair[1].equals("true") ? Boolean.TRUE : pair[1]);
    }

    assertThat(evaluate(facts)).extracting(ReportingObligationsDecisionTest::describe).contains(expected);
    facts.remove("commissioningParty");
    assertThat(evaluate(facts)).extracting(o -> o.recipient().id()).doesNotContain("commissioning-party");
  }

  @ParameterizedTest(name = "{0} → IPA {1}, police {2}")
  @CsvSource({
      "ransomware,          true,  true",
      "malware,             true,  false",
      "unauthorized-access, true,  true",
      "insider,             false, true",
      "misdelivery,         false, false",
      "system-outage,       false, false"})
  void shouldReportVirusesAndIntrusionsToIpaAndCrimesToThePolice(String type, boolean ipa, boolean police) {
    List<String> recipients = evaluate(facts("incidentType", type)).stream().map(o -> o.recipient().id()).toList();

    assertThat(recipients.contains("ipa")).isEqualTo(ipa);
    assertThat(recipients.contains("police")).isEqualTo(police);
  }

  @Test
  void shouldMergeTheAppiAndMyNumberReportsToThePpcIntoOneWithTheEarliestDeadlines() {
    List<ReportingObligation> obligations = evaluate(facts("personalDataLeaked", "yes", "myNumberInvolved", true,
        "affectedPersons", 200, "sensitiveData", true));

    assertThat(obligations).extracting(ReportingObligationsDecisionTest::describe)
        .containsExactly("ppc:true:PT72H:PT720H", "data-subjects:true:-:-");
    assertThat(obligations.get(0).basis()).contains("個人情報保護法26条").contains("番号法29条の4");
  }
}
