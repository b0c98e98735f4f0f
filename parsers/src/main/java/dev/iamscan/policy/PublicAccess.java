package dev.iamscan.policy;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a resource-policy or trust-policy statement lets anyone in. A statement with principal
 * {@code *} is not public when a condition pins the caller or the request to something fixed: an
 * organization, an account, a principal ARN, a source ARN, a VPC or endpoint, an IP range. Negated
 * operators, {@code IfExists} variants and {@code *} values do not limit.
 *
 * <p>The keys follow what S3 and IAM Access Analyzer accept as making a policy non-public. Keys that
 * describe the resource or the route rather than the caller ({@code aws:ResourceOrgID},
 * {@code aws:CalledVia}, {@code kms:ViaService}, {@code sns:Endpoint}) and keys whose value is a
 * shared secret rather than an identity ({@code sts:ExternalId}) do not make a statement private.
 */
public final class PublicAccess {
  private static final Set<String> LIMITING_KEYS = Set.of(
      // the caller's organization, account or identity
      "aws:principalorgid", "aws:principalorgpaths", "aws:principalaccount", "aws:principalarn",
      "aws:userid", "kms:calleraccount", "aws:principalservicename",
      // the resource or network the request comes from
      "aws:sourceaccount", "aws:sourcearn", "aws:sourceowner", "aws:sourceorgid", "aws:sourceorgpaths",
      "aws:sourcevpc", "aws:sourcevpce", "aws:sourceip", "aws:vpcsourceip", "ec2:sourceinstancearn",
      "lambda:functionarn",
      // S3 delegation to access points of one account
      "s3:dataaccesspointaccount", "s3:dataaccesspointarn",
      "elasticfilesystem:accesspointarn",
      // web identity: the subject is pinned (open-trust rules judge the value)
      "token.actions.githubusercontent.com:sub");

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
    String op = c.baseOperator().toLowerCase(Locale.ROOT);
    // Bool and Null test presence, not a value; a missing operator family cannot pin anything.
    if (op.equals("bool") || op.equals("null")) return false;
    if (c.hasUnknown()) return true;
    if (c.values().isEmpty()) return false;
    // One value that matches everything opens the whole condition: "*", "0.0.0.0/0", "::/0".
    return c.values().stream().map(LocatedString::value).noneMatch(PublicAccess::matchesEverything);
  }

  private static boolean matchesEverything(String v) {
    String s = v.trim();
    if (s.isEmpty()) return false;
    if (s.chars().allMatch(ch -> ch == '*' || ch == '?')) return true;
    // Any network with prefix length 0 is every address.
    return s.endsWith("/0") && (s.contains(".") || s.contains(":"));
  }
}
