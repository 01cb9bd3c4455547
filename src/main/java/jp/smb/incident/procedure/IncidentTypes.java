package jp.smb.incident.procedure;

import org.springframework.stereotype.Component;

/**
 * Type → playbook routing for the diagrams' gateways ({@code ${incidentTypes.playbook(incidentType)}}), the same in
 * both procedures. Reads only.
 */
@Component
public class IncidentTypes {

  /** The playbook's process key for this kind of incident; empty for a kind without a playbook or an unknown one. */
  public String playbook(String incidentType) {
    return IncidentType.of(incidentType).map(type -> type.playbook().processKey()).orElse("");
  }
}
