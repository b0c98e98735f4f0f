package dev.iamscan.rules.trust;

import dev.iamscan.iam.TrustPolicy;
import dev.iamscan.policy.ActionPattern;
import dev.iamscan.policy.LocatedString;
import dev.iamscan.policy.PolicyStatement;
import java.util.List;
import java.util.Optional;

/** What the trust-policy rules share: which statements let someone assume the role, and naming. */
public final class TrustStatements {
  public static final String ASSUME_ROLE = "sts:AssumeRole";
  public static final String WEB_IDENTITY = "sts:AssumeRoleWithWebIdentity";
  public static final String SAML = "sts:AssumeRoleWithSAML";
  public static final List<String> ASSUME_ACTIONS = List.of(ASSUME_ROLE, WEB_IDENTITY, SAML);

  private TrustStatements() {}

  /**
   * The first written action that allows one of {@code actions}, or the statement's Action element
   * for a NotAction that leaves one of them in. Empty when the known actions allow none of them (an
   * unresolved action is not taken to be one: never a guess).
   */
  public static Optional<LocatedString> allowing(PolicyStatement s, List<String> actions) {
    if (!s.allows() || !s.actions().present()) return Optional.empty();
    if (s.notAction()) {
      if (s.actions().hasUnknown()) return Optional.empty();
      for (String a : actions) {
        boolean excluded = s.actions().known().stream().anyMatch(p -> ActionPattern.matchesAction(p.value(), a));
        if (!excluded) return Optional.of(new LocatedString("NotAction " + s.actions().known().stream()
            .map(LocatedString::value).toList(), s.actions().range()));
      }
      return Optional.empty();
    }
    for (LocatedString p : s.actions().known()) {
      for (String a : actions) {
        if (ActionPattern.matchesAction(p.value(), a)) return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  public static String roleName(TrustPolicy t) {
    return t.role().displayName();
  }
}
