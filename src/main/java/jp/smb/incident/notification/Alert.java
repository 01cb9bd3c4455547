package jp.smb.incident.notification;

/** One message to one recipient, as it goes into the outbox: no event description, no personal data. */
public record Alert(String incidentNumber, String taskId, String channel, String recipient, boolean urgent,
    String subject, String body) {

  public static final String EMAIL = "email";
  public static final String WEBHOOK = "webhook";
}
