package jp.smb.incident.api;

import org.springframework.http.HttpStatus;

/** A request the API refuses, with the status and a message that says what is wrong. */
public class ApiException extends RuntimeException {

  private final HttpStatus status;

  public ApiException(HttpStatus status, String message) {
    super(message);
    this.status = status;
  }

  public HttpStatus status() {
    return status;
  }

  public static ApiException notFound(String incidentNumber) {
    return new ApiException(HttpStatus.NOT_FOUND, "インシデント " + incidentNumber + " は見つかりません");
  }
}
