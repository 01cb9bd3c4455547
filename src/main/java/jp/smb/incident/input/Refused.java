package jp.smb.incident.input;

/**
 * What a service refuses, said in the users' words: a value it cannot take, something that is not there, or
 * something already there. Services speak this; only the web edge ({@code api.ApiErrors}) turns it into an HTTP
 * status (400, 404, 409).
 */
public class Refused extends RuntimeException {

  /** Why, which the web edge answers with its status. */
  public enum Reason {
    INVALID, NOT_FOUND, CONFLICT
  }

  private final Reason reason;

  public Refused(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public static Refused invalid(String message) {
    return new Refused(Reason.INVALID, message);
  }

  public static Refused notFound(String message) {
    return new Refused(Reason.NOT_FOUND, message);
  }

  public static Refused conflict(String message) {
    return new Refused(Reason.CONFLICT, message);
  }

  public Reason reason() {
    return reason;
  }
}
