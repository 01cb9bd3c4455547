package jp.smb.incident.settings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The parts of {@link IncidentProperties} that capabilities take on their own. */
@Configuration
public class SettingsConfiguration {

  @Bean
  OrganisationProperties organisationProperties(IncidentProperties settings) {
    return settings.organisation();
  }

  @Bean
  OrganisationContacts organisationContacts(IncidentProperties settings) {
    return settings.contacts();
  }

  @Bean
  ContactChain contactChain(IncidentProperties settings) {
    return settings.contactChain();
  }
}
