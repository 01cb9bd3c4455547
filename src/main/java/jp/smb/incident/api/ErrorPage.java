package jp.smb.incident.api;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.util.HtmlUtils;

/** The page a browser gets for a refused request: what went wrong in Japanese, and a way back. */
final class ErrorPage {

  private static final Map<Integer, String> TITLES = Map.of(
      400, "入力に誤りがあります",
      401, "ログインが必要です",
      403, "権限がありません",
      404, "見つかりません",
      405, "この操作はできません",
      406, "この形式では答えられません",
      409, "ほかの内容と重なっています",
      413, "ファイルが大きすぎます",
      415, "この形式は受け付けません",
      500, "処理できませんでした");

  private ErrorPage() {
  }

  static String title(HttpStatus status) {
    return TITLES.getOrDefault(status.value(), status.is4xxClientError() ? "要求を受け付けられません" : "処理できませんでした");
  }

  static String html(HttpStatus status, String message) {
    String title = HtmlUtils.htmlEscape(title(status));
    return """
        <!DOCTYPE html>
        <html lang="ja"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%d %s</title>
        <style>body { font-family: "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", sans-serif; margin: 2em; color: #222; }
        h1 { font-size: 1.4em; } a:focus { outline: 3px solid #1f5fa8; }</style></head>
        <body><main><h1>%s（%d）</h1><p>%s</p>
        <p><a href="/camunda/app/tasklist/">Tasklist に戻る</a></p></main></body></html>
        """.formatted(status.value(), title, title, status.value(), HtmlUtils.htmlEscape(message));
  }
}
