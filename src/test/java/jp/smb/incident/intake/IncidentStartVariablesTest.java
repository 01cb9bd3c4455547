package jp.smb.incident.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import jp.smb.incident.settings.ContactChain;
import jp.smb.incident.settings.OrganisationContacts;
import jp.smb.incident.settings.OrganisationProperties;
import jp.smb.incident.settings.OrganisationProperties.Profile;
import jp.smb.incident.procedure.Procedure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the organisation's configuration puts into every new incident, without the engine. */
class IncidentStartVariablesTest {

  private static final OrganisationContacts NO_CONTACTS = new OrganisationContacts(null, null, null, null, null, null);
  private static final ContactChain NO_CHAIN = new ContactChain(null, null, null);
  private static final ContactChain CHAIN = new ContactChain(
      new ContactChain.Entry("代表取締役 山田", "090-0000-0001", "president@example.jp"),
      new ContactChain.Entry("情報システム課 佐藤", "090-0000-0002", null), null);

  private static OrganisationProperties organisation(Profile profile, Procedure defaultProcedure) {
    return new OrganisationProperties(profile, null, Map.of("tech", List.of("sato")), null, defaultProcedure, null);
  }

  @ParameterizedTest(name = "{0} → sole proprietor {1}")
  @CsvSource({"SOLE_PROPRIETOR, true", "COMPANY, false"})
  void shouldTellTheProcessWhetherOnePersonHoldsEveryRole(Profile profile, boolean soleProprietor) {
    Map<String, Object> variables =
        new IncidentStartVariables(organisation(profile, null), NO_CONTACTS, NO_CHAIN).forNewIncident();

    assertThat(variables).containsEntry("soleProprietor", soleProprietor);
  }

  @ParameterizedTest(name = "{0}, configured {1} → {2}")
  @CsvSource({
      "SOLE_PROPRIETOR, ,                           six-step-incident-response",
      "COMPANY,         ,                           ipa-incident-response",
      "SOLE_PROPRIETOR, IPA_INCIDENT_RESPONSE,      ipa-incident-response",
      "COMPANY,         SIX_STEP_INCIDENT_RESPONSE, six-step-incident-response"})
  void shouldChooseTheDefaultProcedureFromTheProfileUnlessConfigured(Profile profile, Procedure configured,
      String processKey) {
    assertThat(organisation(profile, configured).defaultProcedure().processKey()).isEqualTo(processKey);
  }

  @Test
  void shouldCopyTheContactListAndMarkWhatIsNotRegistered() {
    OrganisationContacts contacts = new OrganisationContacts(" 山田法律事務所 03-0000-0001 ", "損保 0120-000-002", "",
        null, "クラウド support@example.jp", "お助け隊 0120-000-005");

    Map<String, Object> variables =
        new IncidentStartVariables(organisation(Profile.COMPANY, null), contacts, CHAIN).forNewIncident();

    assertThat(variables)
        .containsEntry("contactLawyer", "山田法律事務所 03-0000-0001")
        .containsEntry("contactInsurer", "損保 0120-000-002")
        .containsEntry("contactPolice", IncidentStartVariables.NOT_REGISTERED)
        .containsEntry("contactPartners", IncidentStartVariables.NOT_REGISTERED)
        .containsEntry("contactProviders", "クラウド support@example.jp")
        .containsEntry("contactSupport", "お助け隊 0120-000-005")
        .containsEntry("contactChain", "代表取締役: 代表取締役 山田 携帯 090-0000-0001 president@example.jp\n"
            + "インシデント対応責任者: 情報システム課 佐藤 携帯 090-0000-0002\n"
            + "システム管理者: 未登録（管理者に連絡網への登録を頼んでください）");
  }
}
