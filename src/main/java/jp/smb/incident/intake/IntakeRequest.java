package jp.smb.incident.intake;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import jp.smb.incident.api.PlainText;

/**
 * A report of a suspected incident from a person or a machine alert.
 *
 * @param source     who or what reported it: {@code person}, {@code customer} (an outside party, e.g. a
 *                   customer's e-mail), or an alerting system {@code siem}, {@code edr}, {@code utm}, {@code email}
 * @param procedure  {@code ipa-incident-response} or {@code six-step-incident-response}; empty means the
 *                   organisation's default
 */
public record IntakeRequest(
    @NotBlank @Size(max = 200) @PlainText String title,
    @NotNull @Pattern(regexp = "ransomware|malware|unauthorized-access|insider|misdelivery|mispublication|loss|system-outage|other",
        message = "ransomware, malware, unauthorized-access, insider, misdelivery, mispublication, loss, system-outage, other のいずれかにしてください")
    String incidentType,
    @NotBlank @Size(max = 10000) @PlainText String eventDescription,
    OffsetDateTime detectedAt,
    @Pattern(regexp = "person|customer|siem|edr|utm|email",
        message = "person, customer, siem, edr, utm, email のいずれかにしてください") String source,
    @Size(max = 200) @PlainText String reporterName,
    @Size(max = 200) @PlainText String reporterContact,
    @Size(max = 5000) @PlainText String affectedSystems,
    @Size(max = 500) @PlainText String commissioningParty,
    @Pattern(regexp = "ipa-incident-response|six-step-incident-response",
        message = "ipa-incident-response または six-step-incident-response にしてください") String procedure) {
}
