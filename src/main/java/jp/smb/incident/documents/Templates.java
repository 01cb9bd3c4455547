package jp.smb.incident.documents;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The Thymeleaf engines for the templates under {@code src/main/resources/templates/}: the report and the drafts. */
public final class Templates {

  private Templates() {
  }

  /** An engine for the templates in one folder of the class path, e.g. {@code templates/drafts/} and {@code .txt}. */
  public static TemplateEngine engine(String folder, String suffix, TemplateMode mode) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix(folder);
    resolver.setSuffix(suffix);
    resolver.setTemplateMode(mode);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }
}
