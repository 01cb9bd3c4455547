package jp.smb.incident.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jp.smb.incident.api.CallerMistakes;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

/**
 * Camunda's resources wrap some engine exceptions in a RestException answered with 500 (completing a task
 * someone already completed, a form value the engine refuses); the caller's mistakes among them get a 4xx.
 */
@Provider
@Priority(1)
public class CallerMistakeRestExceptionHandler implements ExceptionMapper<RestException> {

  private final RestExceptionHandler camunda = new RestExceptionHandler();

  @Override
  public Response toResponse(RestException exception) {
    if (exception.getStatus() != null && exception.getStatus().getStatusCode() < 500) {
      return camunda.toResponse(exception);
    }
    return CallerMistakes.of(exception).map(CallerMistakeExceptionHandler::response)
        .orElseGet(() -> camunda.toResponse(exception));
  }
}
