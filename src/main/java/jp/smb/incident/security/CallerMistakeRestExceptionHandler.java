package jp.smb.incident.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

/**
 * Camunda's resources wrap an unknown id (e.g. completing a task someone already completed) in a 500; it is a
 * 404. Everything else is left to Camunda's own handler.
 */
@Provider
@Priority(1)
public class CallerMistakeRestExceptionHandler implements ExceptionMapper<RestException> {

  private final RestExceptionHandler camunda = new RestExceptionHandler();

  @Override
  public Response toResponse(RestException exception) {
    if (exception.getCause() instanceof NullValueException cause && cause.getMessage() != null
        && cause.getMessage().startsWith("Cannot find")) {
      return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE)
          .entity(Map.of("type", "InvalidRequestException", "message",
              "見つかりません（既に完了・削除された可能性があります）。 / " + exception.getMessage()))
          .build();
    }
    return camunda.toResponse(exception);
  }
}
