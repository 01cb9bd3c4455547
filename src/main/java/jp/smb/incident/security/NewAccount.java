package jp.smb.incident.security;

/** A user created at start-up whose first password the operator must be told once. */
public record NewAccount(String userId, String password, String purpose) {

  @Override
  public String toString() {
    // Never let a password reach a log line by accident.
    return "NewAccount[userId=" + userId + ", purpose=" + purpose + "]";
  }
}
