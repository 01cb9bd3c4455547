package jp.smb.incident.contract;

import static jp.smb.incident.contract.ProcessVariable.flag;
import static jp.smb.incident.contract.ProcessVariable.text;

/**
 * Owned by intake: what a report of an incident carries (the start form, {@code POST /api/incidents}, a message
 * start), and what intake adds before the first step. Read by the record, the reports' drafts and the alerts.
 */
public final class IntakeVariables {

  /** The incident's number, also its business key: {@code INC-2026-0001} (a drill's: {@code TRN-…}). */
  public static final ProcessVariable<String> INCIDENT_NUMBER = text("incidentNumber");
  public static final ProcessVariable<String> INCIDENT_TITLE = text("incidentTitle");
  /** The type's id (incident-types), which chooses the playbook. */
  public static final ProcessVariable<String> INCIDENT_TYPE = text("incidentType");
  public static final ProcessVariable<String> EVENT_DESCRIPTION = text("eventDescription");
  public static final ProcessVariable<String> AFFECTED_SYSTEMS = text("affectedSystems");
  public static final ProcessVariable<String> REPORT_SOURCE = text("reportSource");
  public static final ProcessVariable<String> COMMISSIONING_PARTY = text("commissioningParty");
  public static final ProcessVariable<String> REPORTER_ID = text("reporterId");
  public static final ProcessVariable<String> EXTERNAL_REPORTER_NAME = text("externalReporterName");
  public static final ProcessVariable<String> EXTERNAL_REPORTER_CONTACT = text("externalReporterContact");
  /** ISO date-time text (a Date through the REST API); set at intake when the report did not say. */
  public static final ProcessVariable<Object> DETECTED_AT = ProcessVariable.of("detectedAt", Object.class);
  /** When it happened, if known: the form's date-time text (a Date through the REST API). */
  public static final ProcessVariable<Object> OCCURRED_AT = ProcessVariable.of("occurredAt", Object.class);
  /** One person holds every role (the organisation's or the company's profile): the six-step plan skips reviews. */
  public static final ProcessVariable<Boolean> SOLE_PROPRIETOR = flag("soleProprietor");
  /** The client company the incident belongs to, also the process instance's tenant. */
  public static final ProcessVariable<String> COMPANY = text("companyId");

  private IntakeVariables() {
  }
}
