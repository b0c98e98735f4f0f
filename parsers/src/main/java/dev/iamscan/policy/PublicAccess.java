package dev.iamscan.policy;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a resource-policy or trust-policy statement lets anyone in. A statement with principal
 * {@code *} is not public when a condition pins the caller or the request to something fixed: an
 * organization, an account, a principal ARN, a source ARN, a VPC or endpoint, an IP range. Negated
 * operators, {@code IfExists} variants and {@code *} values do not limit.
 */
public final class PublicAccess {
  private static final Set<String> LIMITING_KEYS = Set.of(
      "aws:principalorgid", "aws:principalorgpaths", "aws:principalaccount", "aws:principalarn",
      "aws:sourceaccount", "aws:sourcearn", "aws:sourceowner", "aws:sourcevpc", "aws:sourcevpce",
      "aws:sourceip", "aws:userid", "aws:resourceorgid", "aws:sourceorgid", "aws:sourceorgpaths",
      "aws:calledvia", "kms:calleraccount", "kms:viaservice", "lambda:functionarn",
      "sns:endpoint", "s3:dataaccesspointaccount", "aws:principalservicename",
      "token.actions.githubusercontent.com:sub", "sts:externalid", "elasticfilesystem:accesspointarn",
      "ec2:sourceinstancearn", "aws:vpcsourceip");

  private PublicAccess() {}

  /** The principal that makes an Allow statement public, if it is one and no condition limits it. */
  public static Optional<PolicyPrincipal> everyone(PolicyStatement s) {
    if (!s.allows() || s.notPrincipal()) return Optional.empty();
    Optional<PolicyPrincipal> p = s.principals().stream().filter(PolicyPrincipal::isEveryone).findFirst();
    if (p.isEmpty() || limitedByCondition(s)) return Optional.empty();
    return p;
  }

  /**
   * Whether a condition of the statement pins the caller to something fixed. An unresolved condition
   * counts as limiting: the scanner does not report what it cannot see.
   */
  public static boolean limitedByCondition(PolicyStatement s) {
    if (s.conditionsUnknown()) return true;
    for (ConditionClause c : s.conditions()) {
      if (limits(c)) return true;
    }
    return false;
  }

  static boolean limits(ConditionClause c) {
    if (c.negated() || c.ifExists()) return false;
    String key = c.key().toLowerCase(Locale.ROOT);
    if (!LIMITING_KEYS.contains(key)) return false;
    if (c.hasUnknown()) return true;
    if (c.values().isEmpty()) return false;
    String op = c.baseOperator().toLowerCase(Locale.ROOT);
    if (op.equals("bool") || op.equals("null")) return false;
    // A value of "*" (or only wildcards) pins nothing; an IP condition of 0.0.0.0/0 neither.
    return c.values().stream().map(LocatedString::value).noneMatch(v ->
        v.chars().allMatch(ch -> ch == '*' || ch == '?') || v.equals("0.0.0.0/0") || v.equals("::/0"));
  }
}
