package dev.iamscan.rules;

import java.util.Arrays;
import java.util.Optional;

/** The fixed finding categories; names never change meaning. */
public enum Category {
  USER_ATTACHED_POLICY("user-attached-policy"),
  ROOT_ACCESS_KEY("root-access-key"),
  HARDCODED_CREDENTIALS("hardcoded-credentials"),
  LONG_LIVED_CREDENTIALS("long-lived-credentials"),
  PUBLIC_BUCKET("public-bucket"),
  PUBLIC_RESOURCE_POLICY("public-resource-policy"),
  MISSING_INSTANCE_ROLE("missing-instance-role"),
  OVERBROAD_GRANT("overbroad-grant"),
  OPEN_TRUST_POLICY("open-trust-policy"),
  PASSWORD_POLICY("password-policy"),
  MFA("mfa"),
  AUDIT_LOGGING("audit-logging"),
  ACCESS_ANALYZER("access-analyzer"),
  INVALID_TEMPLATE("invalid-template"),
  /** AWS Organizations set up so that service control policies cannot apply. */
  ORGANIZATIONS("organizations");

  private final String id;

  Category(String id) {
    this.id = id;
  }

  /** The name used in SARIF and on the command line. */
  public String id() {
    return id;
  }

  public static Optional<Category> fromId(String id) {
    return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
  }
}
