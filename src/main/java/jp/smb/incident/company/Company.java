package jp.smb.incident.company;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import jp.smb.incident.input.PlainText;

/**
 * A client company of the installation: a Camunda tenant with its own settings. Its rules are checked with Bean
 * Validation wherever a company is set up (API, start-up), with the messages people read.
 *
 * @param id               lower-case words joined by single hyphens: readable in a URL and a tenant id
 * @param name             事業者名, shown in its incidents' records and reports
 * @param profile          {@code sole-proprietor} or {@code company}
 * @param defaultProcedure the procedure of its incidents when the reporter does not choose; null: by profile
 * @param contacts         its contact list (lawyer, insurer, police, partners, providers, support)
 */
public record Company(
    @NotNull(message = ID_RULE) @Size(max = 64, message = ID_RULE) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*",
        message = ID_RULE) String id,
    @NotBlank(message = NAME_RULE) @Size(max = 500, message = NAME_RULE)
    @PlainText(message = "name（事業者名）に制御文字（改行・タブ以外）は使えません") String name,
    @Pattern(regexp = "sole-proprietor|company", message = "profile は sole-proprietor か company にしてください")
    String profile,
    @Pattern(regexp = "ipa-incident-response|six-step-incident-response",
        message = "defaultProcedure は ipa-incident-response か six-step-incident-response にしてください")
    String defaultProcedure,
    Map<@Pattern(regexp = CONTACT_NAMES, message = "contacts に知らない項目があります: ${validatedValue}（使える項目: "
        + "lawyer, insurer, police, partners, providers, support）") String,
        @Size(max = 2000, message = "は 2000 文字以内にしてください") @PlainText(message = "に制御文字は使えません")
        String> contacts) {

  static final String ID_RULE = "id は英小文字・数字を 1 つのハイフンでつないだ 64 文字以内にしてください（例: acme、yamada-shoten）";
  static final String NAME_RULE = "name（事業者名）を 500 文字以内で指定してください";
  static final String CONTACT_NAMES = "lawyer|insurer|police|partners|providers|support";
}
