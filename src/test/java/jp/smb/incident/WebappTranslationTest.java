package jp.smb.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cockpit, Admin and Tasklist in Japanese: our ja.json against the English that ships with the webapps of this
 * Camunda version, so a new English text after an upgrade lowers the share and shows here.
 */
class WebappTranslationTest {

  private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";
  /** Placeholders and markup that the webapp fills in or renders: a translation may only use these. */
  private static final Pattern KEPT = Pattern.compile("\\{\\{[^}]*}}|<[^>]*>");
  private static final Pattern WORD = Pattern.compile("[a-z]{3,}");

  private static JsonNode labels(String app, String language) throws IOException {
    try (InputStream in = WebappTranslationTest.class.getClassLoader()
        .getResourceAsStream(String.format(LOCALES, app, language))) {
      assertThat(in).as("%s/%s.json on the class path", app, language).isNotNull();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", "");
      return new ObjectMapper().readTree(text).path("labels");
    }
  }

  /** Text a person reads: an English word once placeholders, markup and addresses are taken out. */
  private static boolean readable(String english) {
    String text = KEPT.matcher(english).replaceAll("").replaceAll("https?://\\S+", "");
    return WORD.matcher(text).find();
  }

  private static List<String> kept(String text) {
    List<String> parts = new ArrayList<>();
    Matcher matcher = KEPT.matcher(text);
    while (matcher.find()) {
      parts.add(matcher.group());
    }
    parts.sort(null);
    return parts;
  }

  @ParameterizedTest
  @ValueSource(strings = {"cockpit", "admin", "tasklist"})
  void shouldShowAtLeast95PercentOfTheWebappsTextsInJapanese(String app) throws IOException {
    JsonNode english = labels(app, "en");
    JsonNode japanese = labels(app, "ja");
    int readable = 0;
    int translated = 0;
    List<String> brokenPlaceholders = new ArrayList<>();
    for (var field : (Iterable<java.util.Map.Entry<String, JsonNode>>) english::fields) {
      if (!field.getValue().isTextual() || !readable(field.getValue().asText())) {
        continue;
      }
      readable++;
      String ja = japanese.path(field.getKey()).asText(null);
      if (ja != null && !ja.equals(field.getValue().asText())) {
        translated++;
        List<String> inEnglish = kept(field.getValue().asText());
        List<String> inJapanese = kept(ja);
        // A placeholder or link may be left out (お疲れさまでした。 needs no {{dayContext}}), never invented or misspelt.
        if (!inEnglish.containsAll(inJapanese)) {
          brokenPlaceholders.add(field.getKey());
        }
      }
    }

    assertThat((double) translated / readable).as("%s: %d of %d texts in Japanese", app, translated, readable)
        .isGreaterThanOrEqualTo(0.95);
    assertThat(brokenPlaceholders).as("translations that lost a placeholder or tag").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"cockpit", "admin", "tasklist"})
  void shouldTranslateTheEndOfLifeBannerFaithfully(String app) throws IOException {
    String english = labels(app, "en").path("BANNER_CE_EOL_TEXT").asText();
    String banner = labels(app, "ja").path("BANNER_CE_EOL_TEXT").asText();

    assertThat(banner).isNotEqualTo(english).contains("Camunda 8", "2025", "Camunda 7").containsPattern("[ぁ-んァ-ヶ一-龯]");
    // The link to the migration guide stays as Camunda wrote it.
    assertThat(kept(banner)).isEqualTo(kept(english));
  }
}
