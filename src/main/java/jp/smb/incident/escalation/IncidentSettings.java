package jp.smb.incident.escalation;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Times the diagrams read through expressions, e.g. {@code ${incidentSettings.initialResponseTimeout}}. */
@Component("incidentSettings")
public class IncidentSettings {

  private final Duration initialResponseTimeout;

  public IncidentSettings(@Value("${incident.escalation.initial-response-timeout:PT1H}") Duration initialResponseTimeout) {
    if (initialResponseTimeout.isNegative() || initialResponseTimeout.isZero()) {
      throw new IllegalArgumentException(
          "incident.escalation.initial-response-timeout must be positive, was " + initialResponseTimeout);
    }
    this.initialResponseTimeout = initialResponseTimeout;
  }

  /** ISO-8601 duration for the timer on 初動対応 (default one hour). */
  public String getInitialResponseTimeout() {
    return initialResponseTimeout.toString();
  }
}
