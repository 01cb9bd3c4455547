package jp.smb.incident.documents;

import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Pages people read and file, from the Thymeleaf HTML templates in {@code src/main/resources/templates/}: the
 * wording lives there, editable without touching the code, and every value is escaped by the template engine.
 */
public final class HtmlDocuments {

  private static final TemplateEngine TEMPLATES = Templates.engine("templates/", ".html", TemplateMode.HTML);

  private HtmlDocuments() {
  }

  /** Renders {@code templates/<template>.html} with the given values. */
  public static String render(String template, Map<String, Object> values) {
    return TEMPLATES.process(template, new Context(Locale.JAPANESE, values));
  }
}
