package dev.iamscan.rules.grants;

import dev.iamscan.iam.IdentityPolicy;
import dev.iamscan.policy.LocatedString;
import dev.iamscan.policy.PolicyStatement;
import dev.iamscan.rules.Category;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.FindingSink;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.rules.Severity;
import dev.iamscan.rules.support.PolicyMessages;
import java.util.List;

/**
 * {@code secretsmanager:Update*}, {@code sts:Assume*}: a partial wildcard that reaches write actions of a
 * sensitive service. One that reaches permissions-management actions is IAM042's
 * ({@link PermissionsActionWildcardRule}), so that each rule has one severity.
 */
public final class SensitiveActionWildcardRule implements Rule {
  static final RuleMetadata METADATA = RuleMetadata.builder("IAM040", "sensitive-action-wildcard")
      .category(Category.OVERBROAD_GRANT).severity(Severity.MEDIUM).precision(RuleMetadata.Precision.HIGH)
      .summary("Partial action wildcard reaches write actions of a sensitive service")
      .description("""
          A partial wildcard such as `secretsmanager:Update*` or `sts:Assume*` reads like a narrow \
          grant but expands to every matching action, including ones added later. iamscan expands \
          the pattern against AWS's Service Authorization Reference (case-insensitively) and reports \
          it when it reaches write or permissions-management actions of a service that controls \
          identities, keys or secrets (iam, sts, kms, organizations, secretsmanager, sso, \
          identitystore, account, cloudtrail, access-analyzer, ram). Wildcards that expand only to \
          read or list actions, such as `iam:Get*` or `kms:Describe*`, are not reported.

          A wildcard whose expansion includes permissions-management actions (`iam:Put*`: \
          `iam:PutRolePolicy`, ...) is reported by IAM042 instead, at high severity. The finding \
          stays when the statement names its resources or carries a condition: the pattern still \
          grants every action it matches, today's and tomorrow's.

          Self-service credential policies as AWS documents them are not reported: a wildcard that \
          reaches only actions on one's own password, access keys, login profile, MFA devices, SSH \
          keys, service-specific credentials or signing certificates (`iam:*AccessKey*`, \
          `iam:*MFADevice*`), in a statement whose every resource is the caller's own user \
          (`arn:aws:iam::*:user/${aws:username}`) or own MFA device (`mfa/${aws:username}`), \
          reaches the caller and no one else.
          """)
      .remediation("list the actions you need by name.")
      .noncompliant("hcl", """
          data "aws_iam_policy_document" "rotate" {
            statement {
              actions   = ["secretsmanager:Update*"]
              resources = ["*"]
            }
          }
          """)
      .compliant("hcl", """
          data "aws_iam_policy_document" "rotate" {
            statement {
              actions   = ["secretsmanager:UpdateSecret"]
              resources = ["arn:aws:secretsmanager:eu-west-1:123456789012:secret:app-*"]
            }
          }
          """)
      .references("https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html",
          "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_understand-policy-summary-access-level-summaries.html")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  /** The write or permissions-management actions of a sensitive service a partial wildcard reaches, or none. */
  static List<IamActions.Action> reach(String pattern) {
    if (!OverbroadActions.partialWildcard(pattern)) return List.of();
    String service = pattern.trim().substring(0, pattern.trim().indexOf(':'));
    if (!OverbroadActions.sensitive(service)) return List.of();
    return IamActions.get().expand(pattern).stream().filter(a -> a.access().changes()).toList();
  }

  @Override
  public void check(ScanContext context, FindingSink sink) {
    check(context, METADATA, false, sink);
  }

  /**
   * Reports, as {@code rule}, the partial wildcards of sensitive services that reach changing
   * actions: those reaching a permissions-management action when {@code permissionsRule}, the others
   * when not.
   */
  static void check(ScanContext context, RuleMetadata rule, boolean permissionsRule, FindingSink sink) {
    for (IdentityPolicy policy : OverbroadActions.identityPolicies(context)) {
      for (PolicyStatement s : policy.document().statements()) {
        if (!s.allows() || s.notAction()) continue;
        for (LocatedString a : s.actions().known()) {
          List<IamActions.Action> reached = reach(a.value());
          if (reached.isEmpty() || SelfServiceCredentials.selfService(s, reached)) continue;
          boolean permissions = reached.stream()
              .anyMatch(x -> x.access() == IamActions.Access.PERMISSIONS_MANAGEMENT);
          if (permissions != permissionsRule) continue;
          boolean scoped = !OverbroadActions.onEveryResource(s) && !s.notResource();
          List<IamActions.Action> shown = permissions
              ? reached.stream().filter(x -> x.access() == IamActions.Access.PERMISSIONS_MANAGEMENT).toList()
              : reached;
          String message = "%s %s allows \"%s\", which expands to %d %s actions such as %s%s%s".formatted(
              PolicyMessages.policyName(policy), s.label(), a.value(), shown.size(),
              permissions ? "permissions-management" : "write", OverbroadActions.sample(shown, 3),
              scoped ? "" : ", on every resource",
              OverbroadActions.conditionNote(s))
              + PolicyMessages.attachedSuffix(policy);
          sink.report(new Finding(rule, rule.severity(), message, s.locate(a, s.actions().range()), policy.owner().address(),
              a.value(), PolicyMessages.related(policy)));
        }
      }
    }
  }
}
