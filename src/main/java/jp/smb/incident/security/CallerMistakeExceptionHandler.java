package jp.smb.incident.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import jp.smb.incident.api.CallerMistakes;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;

/**
 * Mistakes of the caller that Camunda's REST API would answer with 500 (see {@link CallerMistakes}): a refused
 * value, a password against the policy, an id that does not exist. Everything else is left to Camunda's handler.
 */
@Provider
@Priority(1)
public class CallerMistakeExceptionHandler implements ExceptionMapper<ProcessEngineException> {

  private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

  @Override
  public Response toResponse(ProcessEngineException exception) {
    return CallerMistakes.of(exception).map(CallerMistakeExceptionHandler::response)
        .orElseGet(() -> camunda.toResponse(exception));
  }

  static Response response(CallerMistakes.Refusal refusal) {
    return Response.status(refusal.status()).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", "InvalidRequestException", "message", refusal.message()))
        .build();
  }
}
