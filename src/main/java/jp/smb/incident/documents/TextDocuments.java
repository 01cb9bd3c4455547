package jp.smb.incident.documents;

import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Markdown documents from the Thymeleaf TEXT templates in {@code src/main/resources/templates/} ({@code .md}): the
 * wording and layout live there, beside the HTML page of the same document.
 */
public final class TextDocuments {

  private static final TemplateEngine TEMPLATES = Templates.engine("templates/", ".md", TemplateMode.TEXT);

  private TextDocuments() {
  }

  /** Renders {@code templates/<template>.md} with the given values. */
  public static String markdown(String template, Map<String, Object> values) {
    return TEMPLATES.process(template, new Context(Locale.JAPANESE, values));
  }
}
