package jp.smb.incident.organisation;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the organisation is staffed.
 *
 * @param profile         {@code sole-proprietor}: one person holds every role (seed 001 §1-2);
 *                        {@code company}: members per role (seed 000 付録5 9.1)
 * @param owner           the sole proprietor's user id; empty means the administrator
 * @param members         company profile: role group id → user ids; missing users are created
 * @param initialPassword password for users created from {@code members}; empty means a generated one
 *                        shown once (only the demo profile sets it)
 */
@ConfigurationProperties("incident.organisation")
public record OrganisationProperties(
    @DefaultValue("sole-proprietor") Profile profile,
    String owner,
    Map<String, List<String>> members,
    String initialPassword) {

  public enum Profile {
    SOLE_PROPRIETOR,
    COMPANY
  }

  public OrganisationProperties {
    members = members == null ? Map.of() : Map.copyOf(members);
  }
}
