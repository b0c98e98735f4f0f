package dev.iamscan.rules.grants;

import dev.iamscan.iam.IdentityPolicy;
import dev.iamscan.iam.StandalonePolicyDocuments;
import dev.iamscan.policy.ConditionClause;
import dev.iamscan.policy.PolicyStatement;
import dev.iamscan.rules.ScanContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What the overbroad-grant rules share: how action patterns are classified. */
final class OverbroadActions {
  private OverbroadActions() {}

  /**
   * Services whose permissions decide who can do what, or guard keys and secrets: a wildcard on
   * them is an account takeover or a data exposure rather than an over-grant within one service.
   */
  static final Set<String> SENSITIVE_SERVICES = Set.of(
      "iam", "sts", "kms", "organizations", "secretsmanager", "sso", "sso-directory", "identitystore",
      "account", "cloudtrail", "access-analyzer", "ram");

  static boolean sensitive(String service) {
    return SENSITIVE_SERVICES.contains(service.toLowerCase(Locale.ROOT));
  }

  /** {@code iam} for {@code iam:*} or {@code IAM:**}; empty for anything else. */
  static Optional<String> serviceWide(String pattern) {
    String p = pattern.trim();
    int c = p.indexOf(':');
    if (c <= 0) return Optional.empty();
    String svc = p.substring(0, c);
    String act = p.substring(c + 1);
    if (svc.contains("*") || svc.contains("?") || act.isEmpty()) return Optional.empty();
    if (!act.chars().allMatch(ch -> ch == '*')) return Optional.empty();
    return Optional.of(svc.toLowerCase(Locale.ROOT));
  }

  /** A wildcard within one named service's actions, such as {@code iam:Put*} or {@code s3:*Object}. */
  static boolean partialWildcard(String pattern) {
    String p = pattern.trim();
    int c = p.indexOf(':');
    if (c <= 0) return false;
    String svc = p.substring(0, c);
    String act = p.substring(c + 1);
    if (svc.contains("*") || svc.contains("?")) return false;
    return (act.contains("*") || act.contains("?")) && serviceWide(p).isEmpty();
  }


  /**
   * Whether a statement reaches every resource: its known resources include {@code *} and no
   * condition confines it to resources carrying a tag (which scopes it as an ARN would).
   */
  static boolean onEveryResource(PolicyStatement s) {
    return namesEveryResource(s) && s.conditions().stream().noneMatch(ConditionClause::limitsToTaggedResources);
  }

  /** Whether a statement's known resources include {@code *}, whatever its conditions. */
  static boolean namesEveryResource(PolicyStatement s) {
    return !s.notResource() && s.resources().find("*").isPresent();
  }

  /** Up to {@code max} action names, with how many more there are. */
  static String sample(List<IamActions.Action> actions, int max) {
    String head = actions.stream().limit(max).map(IamActions.Action::qualified).collect(Collectors.joining(", "));
    return actions.size() > max ? head + " and " + (actions.size() - max) + " more" : head;
  }

  /**
   * The identity policies of the scan, and Terraform policy documents that nothing in the scan
   * uses: they are identity policies handed to another module and grant what they say.
   */
  static List<IdentityPolicy> identityPolicies(ScanContext context) {
    List<IdentityPolicy> out = new ArrayList<>(context.iam().identityPolicies());
    out.addAll(StandalonePolicyDocuments.of(context.iam()));
    return out;
  }
}
