package jp.smb.incident.contract;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The response roles of both seeds, one Camunda group each (docs/domain.md §Roles).
 */
public enum ResponseRole {
  STAFF("staff", "従業員・発見者", false),
  SYSADMIN("sysadmin", "システム管理者", false),
  INCIDENT_LEAD("incident-lead", "インシデント対応責任者", true),
  TECH("tech", "技術担当者", false),
  COMMS("comms", "対外連絡担当者", false),
  EXECUTIVE("executive", "経営者・最高責任者", true);

  /** Camunda's group type for groups that model a job function. */
  public static final String GROUP_TYPE = "WORKFLOW";

  private final String groupId;
  private final String japaneseName;
  private final boolean supervisor;

  ResponseRole(String groupId, String japaneseName, boolean supervisor) {
    this.groupId = groupId;
    this.japaneseName = japaneseName;
    this.supervisor = supervisor;
  }

  public String groupId() {
    return groupId;
  }

  public String japaneseName() {
    return japaneseName;
  }

  /** Supervisors follow every incident in Cockpit (incident-lead and executive). */
  public boolean supervisor() {
    return supervisor;
  }

  /** Every role's group id, in the seeds' order: what a refusal lists as the roles there are. */
  public static List<String> groupIds() {
    return Arrays.stream(values()).map(ResponseRole::groupId).toList();
  }

  public static Optional<ResponseRole> ofGroupId(String groupId) {
    return Arrays.stream(values()).filter(role -> role.groupId.equals(groupId)).findFirst();
  }

  /** Separates a client company's id from the role in its role groups; company ids never contain it. */
  public static final String COMPANY_SEPARATOR = "--";

  /** This role in a client company: {@code acme--incident-lead}. */
  public String inCompany(String companyId) {
    return companyId + COMPANY_SEPARATOR + groupId;
  }

  /** Whether these groups hold one of the roles, as the installation's role or a company's ({@code acme--tech}). */
  public static boolean anyHeldBy(Collection<String> groups, Collection<ResponseRole> roles) {
    return groups.stream().map(ResponseRole::ofAnyGroupId).flatMap(Optional::stream).anyMatch(roles::contains);
  }

  /** The role of a group, the company's own ({@code acme--incident-lead}) or the installation's. */
  public static Optional<ResponseRole> ofAnyGroupId(String groupId) {
    int separator = groupId == null ? -1 : groupId.indexOf(COMPANY_SEPARATOR);
    return ofGroupId(separator < 0 ? groupId : groupId.substring(separator + COMPANY_SEPARATOR.length()));
  }
}
