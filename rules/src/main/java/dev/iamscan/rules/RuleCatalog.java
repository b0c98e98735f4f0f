package dev.iamscan.rules;

import java.util.List;
import java.util.Optional;

/** Every rule iamscan has, as a plain list: no reflection, no classpath scanning. */
public final class RuleCatalog {
  private static final List<Rule> ALL = List.of(
      new dev.iamscan.rules.iam.FullAdminStatementRule(),
      new dev.iamscan.rules.iam.UserAttachedPolicyRule(),
      new dev.iamscan.rules.iam.RootAccessKeyRule(),
      new dev.iamscan.rules.iam.HardcodedCredentialsRule(),
      new dev.iamscan.rules.iam.LongLivedAccessKeyRule());

  private RuleCatalog() {}

  public static List<Rule> all() {
    return ALL;
  }

  public static Optional<Rule> byId(String id) {
    return ALL.stream().filter(r -> r.metadata().id().equals(id)).findFirst();
  }
}
