package jp.smb.incident.api;

import java.util.Locale;
import org.hibernate.validator.messageinterpolation.ResourceBundleMessageInterpolator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * Validation messages in Japanese whatever the server's locale ("空白は許可されていません", not "must not be blank"):
 * the people who read the API's refusals are Japanese.
 */
@Configuration(proxyBeanMethods = false)
public class JapaneseValidation {

  @Bean
  static LocalValidatorFactoryBean defaultValidator() {
    LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
    validator.setMessageInterpolator(new ResourceBundleMessageInterpolator() {
      // Spring passes the request's locale (LocaleContextMessageInterpolator); ours is Japanese whatever it is.
      @Override
      public String interpolate(String message, Context context) {
        return super.interpolate(message, context, Locale.JAPANESE);
      }

      @Override
      public String interpolate(String message, Context context, Locale locale) {
        return super.interpolate(message, context, Locale.JAPANESE);
      }
    });
    return validator;
  }
}
