package jp.smb.incident.company;

import java.util.Map;

/**
 * A client company of the installation: a Camunda tenant with its own settings.
 *
 * @param name             事業者名, shown in its incidents' records and reports
 * @param profile          {@code sole-proprietor} or {@code company}
 * @param defaultProcedure the procedure of its incidents when the reporter does not choose; null: by profile
 * @param contacts         its contact list (lawyer, insurer, police, partners, providers, support)
 */
public record Company(String id, String name, String profile, String defaultProcedure, Map<String, String> contacts) {
}
