package jp.smb.incident.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;

/**
 * Whatever a responder enters — any mix of answered, unanswered and odd values — both decisions give a defined
 * result, and the PPC report is mandatory exactly in the cases the law names.
 */
class DecisionPropertiesTest {

  private static final List<String> ANSWERS = List.of("yes", "no", "unknown");
  private static final List<String> FLAGS = List.of("sensitiveData", "financialDamageRisk",
      "improperPurpose", "stronglyEncrypted", "myNumberInvolved", "myNumberSystemAffected", "crimeSuspected", "sectorLawApplies",
      "partnersAffected", "consumersAffected", "wideImpact", "cyberInsured");
  private static final List<String> TYPES = List.of("ransomware", "malware", "unauthorized-access", "insider",
      "misdelivery", "mispublication", "loss", "system-outage", "other");
  private static final Set<String> IMPROPER_BY_NATURE = Set.of("unauthorized-access", "insider", "ransomware",
      "malware");
  private static final Set<String> RECIPIENTS = Set.of("ppc", "data-subjects", "police", "ipa", "ministry",
      "partners", "insurer", "public-notice", "inquiry-desk", "commissioning-party");

  private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private static final DmnDecision REPORTING = parse("reporting-obligations");
  private static final DmnDecision SEVERITY = parse("incident-severity");

  private final ReportingRules rules = new ReportingRules();

  private static DmnDecision parse(String id) {
    try (InputStream dmn = Files.newInputStream(Path.of("processes", id + ".dmn"))) {
      return DMN.parseDecision(id, dmn);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Property(tries = 2000)
  void shouldGiveEveryRecipientAtMostOnceWithAWellFormedResult(@ForAll("facts") Map<String, Object> facts) {
    DmnDecisionResult rows = DMN.evaluateDecision(REPORTING, facts);

    for (Map<String, Object> row : rows.getResultList()) {
      assertThat(RECIPIENTS).contains((String) row.get("recipient"));
      assertThat(row.get("mandatory")).isInstanceOf(Boolean.class);
      assertThat((String) row.get("basis")).isNotBlank();
    }
    List<ReportingObligation> merged = rules.merge(rows.getResultList());
    assertThat(merged).extracting(ReportingObligation::recipient).doesNotHaveDuplicates();
    for (ReportingObligation obligation : merged) {
      if (obligation.firstDeadline() != null && obligation.finalDeadline() != null) {
        assertThat(obligation.firstDeadline()).isLessThan(obligation.finalDeadline());
      }
    }
    assertThat(rules.items(merged)).extracting(ReportItem::id).doesNotHaveDuplicates();
  }

  @Property(tries = 2000)
  void shouldMakeThePpcReportMandatoryExactlyInTheCasesTheLawNames(@ForAll("facts") Map<String, Object> facts) {
    Optional<ReportingObligation> ppc = rules.merge(DMN.evaluateDecision(REPORTING, facts).getResultList()).stream()
        .filter(obligation -> obligation.recipient() == Recipient.PPC).findFirst();

    boolean mandatory = ppc.map(ReportingObligation::mandatory).orElse(false);
    assertThat(mandatory).as("PPC mandatory for %s", facts).isEqualTo(ppcReportRequired(facts));
    if (mandatory) {
      assertThat(ppc.get().firstDeadline()).isNotNull();
      assertThat(ppc.get().finalDeadline()).isNotNull();
    }
    if (!mayHaveLeaked(facts) && !on(facts, "myNumberInvolved")) {
      assertThat(ppc).as("no leak, no PPC").isEmpty();
    }
  }

  @Property(tries = 1000)
  void shouldTellTheCommissioningPartyOfEveryLeakOfItsDataAndInTimeWhereThePpcMustBeTold(
      @ForAll("facts") Map<String, Object> facts) {
    Optional<ReportingObligation> notice = rules.merge(DMN.evaluateDecision(REPORTING, facts).getResultList()).stream()
        .filter(obligation -> obligation.recipient() == Recipient.COMMISSIONING_PARTY).findFirst();

    boolean commissioned = facts.get("commissioningParty") instanceof String party && !party.isEmpty();
    assertThat(notice.isPresent()).as("委託元 for %s", facts).isEqualTo(commissioned && mayHaveLeaked(facts));
    notice.ifPresent(obligation -> {
      assertThat(obligation.mandatory()).as("委託元 mandatory for %s", facts).isEqualTo(ppcReportRequired(facts));
      assertThat(obligation.firstDeadline() != null).isEqualTo(obligation.mandatory());
    });
  }

  @Property(tries = 500)
  void shouldAlwaysGiveOneSeverityLevelAndItsResponsibleGroup(@ForAll("severityFacts") Map<String, Object> facts) {
    List<Map<String, Object>> rows = DMN.evaluateDecision(SEVERITY, facts).getResultList();

    assertThat(rows).hasSize(1);
    int level = ((Number) rows.get(0).get("severityLevel")).intValue();
    assertThat(level).isBetween(0, 3);
    assertThat(rows.get(0).get("responsibleGroup"))
        .isEqualTo(switch (level) {
          case 3 -> "executive";
          case 0 -> "sysadmin";
          default -> "incident-lead";
        });
    boolean precursor = on(facts, "precursorOnly");
    boolean external = "yes".equals(facts.get("externalPartiesAffected")) || "yes".equals(facts.get("personalDataLeaked"));
    assertThat(level == 3).isEqualTo(external && !precursor);
    // Level 0 only when chosen: unanswered or 不明 impact keeps an incident at level 1 or more.
    assertThat(level == 0).isEqualTo(precursor);
  }

  /** APPI art. 26 with rule 7's four cases and the encryption exemption, and My Number Act art. 29-4. */
  private static boolean ppcReportRequired(Map<String, Object> facts) {
    boolean encrypted = on(facts, "stronglyEncrypted");
    boolean improper = on(facts, "improperPurpose") || (facts.get("incidentType") instanceof String type && IMPROPER_BY_NATURE.contains(type));
    long persons = facts.get("affectedPersons") instanceof Number n ? n.longValue() : 0;
    boolean appi = mayHaveLeaked(facts) && !encrypted
        && (improper || on(facts, "sensitiveData") || on(facts, "financialDamageRisk") || persons > 1000);
    boolean myNumber = on(facts, "myNumberInvolved") && !encrypted
        && (improper || persons > 100 || "mispublication".equals(facts.get("incidentType"))
            || on(facts, "myNumberSystemAffected"));
    return appi || myNumber;
  }

  /** 漏えい等のおそれ: answered はい or 不明, or not answered yet: reportable until ruled out. */
  private static boolean mayHaveLeaked(Map<String, Object> facts) {
    return !"no".equals(facts.get("personalDataLeaked"));
  }

  private static boolean on(Map<String, Object> facts, String name) {
    return Boolean.TRUE.equals(facts.get(name));
  }

  /** Each flag true, false or never answered, the leak question はい/いいえ/不明 or unanswered; any type, a made-up one or none; any head count or none. */
  @Provide
  Arbitrary<Map<String, Object>> facts() {
    Arbitrary<List<Optional<Boolean>>> flags = Arbitraries.of(true, false).optional(0.7).list()
        .ofSize(FLAGS.size());
    Arbitrary<Optional<String>> type = Arbitraries.oneOf(Arbitraries.of(TYPES),
        Arbitraries.strings().ofMaxLength(20)).optional(0.9);
    Arbitrary<Optional<Integer>> persons = Arbitraries.oneOf(Arbitraries.integers().between(0, 2000),
        Arbitraries.of(100, 101, 1000, 1001), Arbitraries.integers().between(0, Integer.MAX_VALUE)).optional(0.8);
    Arbitrary<Optional<String>> leaked = Arbitraries.of(ANSWERS).optional(0.7);
    Arbitrary<Optional<String>> commissioned = Arbitraries.of("株式会社委託元", "").optional(0.3);
    return Combinators.combine(flags, type, persons, leaked, commissioned).as((flagValues, incidentType, affected,
        leak, commissioning) -> {
      Map<String, Object> facts = new HashMap<>();
      leak.ifPresent(value -> facts.put("personalDataLeaked", value));
      commissioning.ifPresent(value -> facts.put("commissioningParty", value));
      for (int i = 0; i < FLAGS.size(); i++) {
        String name = FLAGS.get(i);
        flagValues.get(i).ifPresent(value -> facts.put(name, value));
      }
      incidentType.ifPresent(value -> facts.put("incidentType", value));
      affected.ifPresent(value -> facts.put("affectedPersons", value));
      return facts;
    });
  }

  @Provide
  Arbitrary<Map<String, Object>> severityFacts() {
    List<String> names = List.of("externalPartiesAffected", "personalDataLeaked", "businessAffected",
        "employeeWorkAffected");
    Arbitrary<List<Optional<String>>> answers = Arbitraries.of(ANSWERS).optional(0.7).list().ofSize(names.size());
    Arbitrary<Optional<Boolean>> precursor = Arbitraries.of(true, false).optional(0.5);
    return Combinators.combine(answers, precursor).as((values, precursorOnly) -> {
      Map<String, Object> facts = new HashMap<>();
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i);
        values.get(i).ifPresent(value -> facts.put(name, value));
      }
      precursorOnly.ifPresent(value -> facts.put("precursorOnly", value));
      return facts;
    });
  }
}
