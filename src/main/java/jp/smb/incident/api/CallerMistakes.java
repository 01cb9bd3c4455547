package jp.smb.incident.api;

import java.util.Optional;
import jp.smb.incident.input.RejectedInputException;
import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.camunda.bpm.engine.exception.NullValueException;

/**
 * Engine exceptions that are the caller's mistake, not ours, whichever API they come through: the engine wraps
 * them (a task listener's exception in another), so the whole chain is read.
 */
public final class CallerMistakes {

  public record Refusal(int status, String message) {
  }

  static final String POLICY_MESSAGE = "Password does not match policy";
  private static final String OTHER_TENANT = "belongs to no authenticated tenant";
  private static final String JAVA_SERIALIZATION = "Java serialization format is prohibited";

  private CallerMistakes() {
  }

  public static Optional<Refusal> of(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      String message = cause.getMessage() == null ? "" : cause.getMessage();
      if (cause instanceof RejectedInputException) {
        return Optional.of(new Refusal(400, "入力を受け付けられません: " + message));
      }
      if (cause instanceof DmnEngineException) {
        return Optional.of(new Refusal(400,
            "判断表に渡した値の型が違います（数値の項目に数値、はい/いいえの項目に true/false を入れてください）: " + message));
      }
      if (message.contains(JAVA_SERIALIZATION)) {
        return Optional.of(new Refusal(400, "Java のシリアライズ形式の値は受け付けません。JSON か文字列・数値・真偽値で送ってください"));
      }
      if (message.startsWith(POLICY_MESSAGE)) {
        return Optional.of(new Refusal(400, "パスワードがパスワードポリシーに合いません（10 文字以上で、英大文字・英小文字・数字・記号を含め、"
            + "ユーザー ID を含めないでください）。 / " + POLICY_MESSAGE));
      }
      // Another company's task or instance: answered as not found, as /api does, so its existence tells nothing.
      if (message.contains(OTHER_TENANT)) {
        return Optional.of(new Refusal(404, "見つかりません（別の会社のものか、既に完了・削除されています）。"));
      }
      if (cause instanceof NullValueException && message.startsWith("Cannot find")) {
        return Optional.of(new Refusal(404, "見つかりません（既に完了・削除された可能性があります）。 / " + message));
      }
    }
    return Optional.empty();
  }
}
