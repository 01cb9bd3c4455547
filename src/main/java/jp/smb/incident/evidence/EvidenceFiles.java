package jp.smb.incident.evidence;

import java.util.Optional;
import jp.smb.incident.input.RecordText;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * What an uploaded evidence file may be called and claim to be. The name is kept and handed back in the download's
 * Content-Disposition, so a path or a line break in it is refused rather than quietly rewritten: the collector
 * sees at once that the file was not taken.
 */
final class EvidenceFiles {

  static final int NAME_LIMIT = 255;

  private EvidenceFiles() {
  }

  static Optional<String> fileNameProblem(String name) {
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    if (name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")
        || RecordText.controlCharacter(name).isPresent() || name.length() > NAME_LIMIT) {
      return Optional.of("ファイル名にはフォルダーの区切り（/ や \\）、「..」、制御文字を含めず、" + NAME_LIMIT
          + " 文字以内にしてください（例: access-2026-11-24.log）");
    }
    return Optional.empty();
  }

  static Optional<String> contentTypeProblem(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return Optional.empty();
    }
    try {
      MediaType.parseMediaType(contentType);
      return contentType.length() > 200 ? Optional.of("ファイルの Content-Type が長すぎます（200 文字以内）")
          : Optional.empty();
    } catch (InvalidMediaTypeException e) {
      return Optional.of("ファイルの Content-Type が読めません: " + e.getMessage());
    }
  }
}
