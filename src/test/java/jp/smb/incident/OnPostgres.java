package jp.smb.incident;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * A Spring test on the run's one PostgreSQL ({@link EmbeddedPostgres}) instead of H2. Classes with the same
 * configuration otherwise share one application context: the database is the same customisation for all of them,
 * where a {@code @DynamicPropertySource} method of each class would make each context its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ContextCustomizerFactories(OnPostgres.Factory.class)
public @interface OnPostgres {

  /** Adds the customisation to classes marked {@link OnPostgres}. */
  class Factory implements ContextCustomizerFactory {
    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
      return TestContextAnnotationUtils.hasAnnotation(testClass, OnPostgres.class) ? new Customizer() : null;
    }
  }

  /** The datasource settings of the shared server; equal to every other, so contexts are cached across classes. */
  final class Customizer implements ContextCustomizer {
    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
      context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embedded-postgres",
          Map.of("spring.datasource.url", EmbeddedPostgres.sharedUrl(), "spring.datasource.username", "postgres",
              "spring.datasource.password", "postgres", "spring.datasource.driver-class-name", "org.postgresql.Driver",
              "spring.datasource.hikari.connection-timeout", EmbeddedPostgres.CONNECTION_TIMEOUT)));
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Customizer;
    }

    @Override
    public int hashCode() {
      return Customizer.class.hashCode();
    }
  }
}
