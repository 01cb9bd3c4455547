package jp.smb.incident.settings;

import java.util.List;
import java.util.Map;
import jp.smb.incident.procedure.Procedure;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the organisation is staffed.
 *
 * @param profile         {@code sole-proprietor}: one person holds every role (docs/domain.md §Roles);
 *                        {@code company}: members per role (docs/domain.md §Roles)
 * @param owner           the sole proprietor's user id; empty means the administrator
 * @param members         company profile: role group id → user ids; missing users are created
 * @param initialPassword password for users created from {@code members}; empty means a generated one
 *                        shown once (only the demo profile sets it)
 * @param defaultProcedure the procedure an incident follows when the reporter does not choose; empty means
 *                        the one that fits the profile
 * @param name            事業者名, shown in each incident's record and report; empty for none
 */
public record OrganisationProperties(
    @DefaultValue("sole-proprietor") Profile profile,
    String owner,
    Map<String, List<String>> members,
    String initialPassword,
    Procedure defaultProcedure,
    String name) {

  public enum Profile {
    SOLE_PROPRIETOR,
    COMPANY
  }

  public OrganisationProperties {
    members = members == null ? Map.of() : Map.copyOf(members);
    name = name == null || name.isBlank() ? null : name.strip();
    if (defaultProcedure == null) {
      // One person runs the six steps ; a company with roles follows IPA's stages (docs/domain.md §Procedures).
      defaultProcedure = profile == Profile.SOLE_PROPRIETOR
          ? Procedure.SIX_STEP_INCIDENT_RESPONSE
          : Procedure.IPA_INCIDENT_RESPONSE;
    }
  }

  public boolean soleProprietor() {
    return profile == Profile.SOLE_PROPRIETOR;
  }
}
