package jp.smb.incident.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;

/**
 * Two mistakes of the caller that the engine reports with exceptions Camunda's REST API answers with 500: a
 * password the policy refuses (400 here, with what to do) and an id that does not exist, e.g. completing a task
 * already completed (404 here). Everything else is left to Camunda's own handler.
 */
@Provider
@Priority(1)
public class CallerMistakeExceptionHandler implements ExceptionMapper<ProcessEngineException> {

  static final String POLICY_MESSAGE = "Password does not match policy";

  private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

  @Override
  public Response toResponse(ProcessEngineException exception) {
    if (exception.getMessage() != null && exception.getMessage().startsWith(POLICY_MESSAGE)) {
      return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
          .entity(Map.of("type", "InvalidRequestException", "message",
              "パスワードがパスワードポリシーに合いません（10 文字以上で、英大文字・英小文字・数字・記号を含め、"
                  + "ユーザー ID を含めないでください）。 / " + POLICY_MESSAGE))
          .build();
    }
    if (exception instanceof NullValueException && exception.getMessage() != null
        && exception.getMessage().startsWith("Cannot find")) {
      return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE)
          .entity(Map.of("type", "InvalidRequestException", "message",
              "見つかりません（既に完了・削除された可能性があります）。 / " + exception.getMessage()))
          .build();
    }
    return camunda.toResponse(exception);
  }
}
