package jp.smb.incident.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.smb.incident.api.ApiCaller;
import jp.smb.incident.api.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The embedded database's copies, for the administrator: which there are and how the last one went
 * ({@code GET /api/backups}), and one more now, e.g. before an upgrade ({@code POST /api/backups}).
 */
@RestController
public class BackupController {

  private final H2Backup backup;
  private final ApiCaller caller;

  public BackupController(H2Backup backup, ApiCaller caller) {
    this.backup = backup;
    this.caller = caller;
  }

  @GetMapping(path = "/api/backups")
  public Map<String, Object> copies() {
    caller.requireAdministrator("バックアップの一覧");
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("directory", backup.directory().toString());
    answer.put("copies", backup.copies().stream().map(BackupController::describe).toList());
    answer.put("status", backup.status());
    return answer;
  }

  @PostMapping(path = "/api/backups")
  public ResponseEntity<Map<String, Object>> copyNow() {
    caller.requireAdministrator("バックアップ");
    if (!backup.embeddedH2()) {
      throw new ApiException(HttpStatus.CONFLICT, "このアプリケーションは PostgreSQL を使っています。"
          + "バックアップは pg_dump で取ってください（運用する人のガイド「データの場所とバックアップ」）");
    }
    Path copy = backup.copy().orElseThrow(() -> new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
        "バックアップに失敗しました: " + backup.status().failure() + "（保存先 " + backup.directory()
            + " の空き容量と書き込み権限を確かめてください）"));
    return ResponseEntity.status(HttpStatus.CREATED).body(describe(copy));
  }

  private static Map<String, Object> describe(Path copy) {
    try {
      return Map.of("file", copy.toAbsolutePath().toString(), "name", copy.getFileName().toString(),
          "bytes", Files.size(copy));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
