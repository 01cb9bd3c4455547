package jp.smb.incident.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import jp.smb.incident.input.Refused;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every refusal of the API as JSON with a message saying what is wrong; never a stack trace. */
@RestControllerAdvice
public class ApiErrors {

  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<Object> refused(ApiException e) {
    return body(e.status(), e.getMessage());
  }

  /** A service's refusal, answered with the status its reason means. */
  @ExceptionHandler(Refused.class)
  ResponseEntity<Object> refusedByService(Refused e) {
    return body(switch (e.reason()) {
      case INVALID -> HttpStatus.BAD_REQUEST;
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case CONFLICT -> HttpStatus.CONFLICT;
    }, e.getMessage());
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<Object> invalid(MethodArgumentNotValidException e) {
    String fields = e.getBindingResult().getFieldErrors().stream()
        .map(error -> error.getField() + ": " + error.getDefaultMessage()).sorted()
        .collect(Collectors.joining("; "));
    return body(HttpStatus.BAD_REQUEST, "入力に誤りがあります: " + fields);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Object> unreadable(HttpMessageNotReadableException e) {
    if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
      return body(HttpStatus.BAD_REQUEST, "知らない項目があります: " + unknown.getPropertyName()
          + "（使える項目: " + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
              .collect(Collectors.joining(", ")) + "）");
    }
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream()
          .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
          .collect(Collectors.joining("."));
      return body(HttpStatus.BAD_REQUEST, "JSON として読めないか、値の型が違います: 項目 " + field);
    }
    return body(HttpStatus.BAD_REQUEST, "JSON として読めないか、値の型が違います: " + rootMessage(e));
  }

  /** The engine refused a value or an id that came with the request; anything else is ours and stays a 500. */
  @ExceptionHandler(ProcessEngineException.class)
  ResponseEntity<Object> engine(ProcessEngineException e) {
    return CallerMistakes.of(e)
        .map(refusal -> body(HttpStatus.valueOf(refusal.status()), refusal.message()))
        .orElseGet(() -> unexpected(e));
  }

  @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
      MissingServletRequestPartException.class})
  ResponseEntity<Object> badParameter(Exception e) {
    return body(HttpStatus.BAD_REQUEST, "パラメーターに誤りがあります: " + e.getMessage());
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<Object> tooLarge(MaxUploadSizeExceededException e) {
    return body(HttpStatus.PAYLOAD_TOO_LARGE, "ファイルが大きすぎます（上限 incident.evidence.max-size）");
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<Object> notMultipart(MultipartException e) {
    return body(HttpStatus.BAD_REQUEST, "multipart/form-data として読めません。multipart/form-data で送り、"
        + "ファイル名に制御文字を含めないでください: " + e.getMessage());
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Object> mediaType(HttpMediaTypeNotSupportedException e) {
    return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "この形式は受け付けません: " + e.getContentType());
  }

  /** The API answers in JSON; a client that accepts nothing else is told so, not given a 500. */
  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<Object> notAcceptable(HttpMediaTypeNotAcceptableException e) {
    return body(HttpStatus.NOT_ACCEPTABLE, "この API は JSON（application/json）で答えます。Accept に application/json を含めてください");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Object> method(HttpRequestMethodNotSupportedException e) {
    return body(HttpStatus.METHOD_NOT_ALLOWED, "このメソッドは使えません: " + e.getMethod());
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<Object> noResource(NoResourceFoundException e) {
    return body(HttpStatus.NOT_FOUND, "そのアドレスはありません: /" + e.getResourcePath());
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<Object> forbidden(AuthorizationException e) {
    return body(HttpStatus.FORBIDDEN, "権限がありません: " + e.getMessage());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e) {
    LOG.error("Unexpected error in the incident API", e);
    return body(HttpStatus.INTERNAL_SERVER_ERROR, "処理できませんでした。管理者はログを確認してください");
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? "" : root.getMessage();
    // Jackson quotes the whole input after the first line; the first line says what is wrong.
    return message.lines().findFirst().orElse("");
  }

  /**
   * RFC 9457 problem details ({@code type}, {@code title}, {@code status}, {@code detail}, {@code instance}) with
   * today's {@code message} and {@code error} for existing clients; a browser that asks for HTML gets a page.
   */
  private static ResponseEntity<Object> body(HttpStatus status, String message) {
    HttpServletRequest request = currentRequest();
    if (request != null && prefersHtml(request)) {
      return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
          .body(ErrorPage.html(status, message));
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
    if (request != null) {
      problem.setInstance(URI.create(request.getRequestURI()));
    }
    problem.setProperty("message", message);
    problem.setProperty("error", status.getReasonPhrase());
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  private static HttpServletRequest currentRequest() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
        ? attributes.getRequest() : null;
  }

  /** HTML only when the client puts it before JSON, as a browser does; no Accept, or any other, gets JSON. */
  static boolean prefersHtml(HttpServletRequest request) {
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    if (accept == null || accept.isBlank()) {
      return false;
    }
    List<MediaType> types;
    try {
      types = new ArrayList<>(MediaType.parseMediaTypes(accept));
    } catch (InvalidMediaTypeException e) {
      return false;
    }
    // Highest quality first; among equals, the client's order.
    types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
    for (MediaType type : types) {
      if (type.isWildcardType()) {
        return false;
      }
      if (type.isCompatibleWith(MediaType.TEXT_HTML)) {
        return true;
      }
      if (type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
        return false;
      }
    }
    return false;
  }
}
