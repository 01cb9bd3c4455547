package jp.smb.incident.intake;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import jp.smb.incident.input.PlainText;
import jp.smb.incident.procedure.IncidentType;

/**
 * A report of a suspected incident from a person or a machine alert.
 *
 * @param source     who or what reported it: {@code person}, {@code customer} (an outside party, e.g. a
 *                   customer's e-mail), or an alerting system {@code siem}, {@code edr}, {@code utm}, {@code email}
 * @param procedure  {@code ipa-incident-response} or {@code six-step-incident-response}; empty means the
 *                   company's or the organisation's default
 * @param company    the company the incident belongs to; needed only from someone who is a member of several
 */
public record IntakeRequest(
    @NotBlank @Size(max = 200) @PlainText String title,
    @NotNull @Pattern(regexp = IncidentType.PATTERN, message = IncidentType.CHOICES)
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
        message = "ipa-incident-response または six-step-incident-response にしてください") String procedure,
    @Size(max = 64) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "会社の id（例: acme）にしてください") String company) {
}
