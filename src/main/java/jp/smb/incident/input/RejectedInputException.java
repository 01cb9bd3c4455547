package jp.smb.incident.input;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A value a person or a caller entered that the record cannot keep as it is. Thrown inside the engine's
 * command, so the whole step is rolled back and answered with 400 and this message.
 */
public class RejectedInputException extends ProcessEngineException {

  public RejectedInputException(String message) {
    super(message);
  }
}
