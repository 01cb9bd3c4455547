package jp.smb.incident.procedure;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The kinds of incident, defined here once: the start forms' options, the decisions' literals and the API's values
 * are held to this list by a test (IncidentTypesTest). Each kind names the playbook both procedures run for it,
 * after IPA's guidance per type (docs/domain.md §Procedures).
 */
public enum IncidentType {

  RANSOMWARE("ransomware", "ランサムウェア感染", "ランサムウェア", Playbook.MALWARE),
  MALWARE("malware", "ウイルス（マルウェア）感染", "ウイルス感染", Playbook.MALWARE),
  UNAUTHORIZED_ACCESS("unauthorized-access", "不正アクセス", "不正アクセス", Playbook.DATA_LEAK),
  INSIDER("insider", "内部犯行（従業員等による持ち出し）", "内部犯行", Playbook.DATA_LEAK),
  MISDELIVERY("misdelivery", "電子メール等の誤送信", "誤送信", Playbook.DATA_LEAK),
  MISPUBLICATION("mispublication", "Webでの誤公開", "誤公開", Playbook.DATA_LEAK),
  LOSS("loss", "紛失・置忘れ", "紛失・置忘れ", Playbook.DATA_LEAK),
  SYSTEM_OUTAGE("system-outage", "システム停止", "システム停止", Playbook.SYSTEM_OUTAGE),
  OTHER("other", "その他・不明", "その他", Playbook.NONE);

  /** The playbook diagrams, by process key; {@link #NONE} runs no playbook. */
  public enum Playbook {
    MALWARE("malware-playbook"), DATA_LEAK("data-leak-playbook"), SYSTEM_OUTAGE("system-outage-playbook"), NONE("");

    private final String processKey;

    Playbook(String processKey) {
      this.processKey = processKey;
    }

    public String processKey() {
      return processKey;
    }
  }

  private final String id;
  private final String label;
  private final String shortLabel;
  private final Playbook playbook;

  IncidentType(String id, String label, String shortLabel, Playbook playbook) {
    this.id = id;
    this.label = label;
    this.shortLabel = shortLabel;
    this.playbook = playbook;
  }

  /** The value in variables, forms, decisions and the API. */
  public String id() {
    return id;
  }

  /** As the report form offers it. */
  public String label() {
    return label;
  }

  /** As the record and the final report name it. */
  public String shortLabel() {
    return shortLabel;
  }

  public Playbook playbook() {
    return playbook;
  }

  /** Type id → label, in the forms' order: how drafts, reports and the board name a type (never by its id). */
  public static Map<String, String> labels() {
    Map<String, String> labels = new LinkedHashMap<>();
    for (IncidentType type : values()) {
      labels.put(type.id, type.label);
    }
    return Collections.unmodifiableMap(labels);
  }

  public static Optional<IncidentType> of(String id) {
    return Arrays.stream(values()).filter(type -> type.id.equals(id)).findFirst();
  }

  /** The ids as an alternation, for a {@code @Pattern} on the API's input. */
  public static final String PATTERN =
      "ransomware|malware|unauthorized-access|insider|misdelivery|mispublication|loss|system-outage|other";

  /** The API's message for any other value. */
  public static final String CHOICES =
      "ransomware, malware, unauthorized-access, insider, misdelivery, mispublication, loss, system-outage, other のいずれかにしてください";
}
