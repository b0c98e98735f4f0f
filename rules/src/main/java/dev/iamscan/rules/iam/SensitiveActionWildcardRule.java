package dev.iamscan.rules.iam;

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
import java.util.List;

/** {@code iam:Put*}, {@code kms:*Key*}: a partial wildcard that reaches write or permissions actions of a sensitive service. */
public final class SensitiveActionWildcardRule implements Rule {
  static final RuleMetadata METADATA = new RuleMetadata("IAM040", "sensitive-action-wildcard",
      Category.OVERBROAD_GRANT, Severity.HIGH,
      "Partial action wildcard reaches write or permissions-management actions of a sensitive service",
      """
      A partial wildcard such as `iam:Put*`, `iam:*Policy*` or `kms:Create*` reads like a narrow \
      grant but expands to every matching action, including ones added later. iamscan expands the \
      pattern against AWS's Service Authorization Reference (case-insensitively) and reports it \
      when it reaches write or permissions-management actions of a service that controls \
      identities, keys or secrets (iam, sts, kms, organizations, secretsmanager, sso, identitystore, \
      account, cloudtrail, access-analyzer, ram). Wildcards that expand only to read or list actions, \
      such as `iam:Get*` or `kms:Describe*`, are not reported.

      Severity is **high** when the expansion includes permissions-management actions \
      (`iam:PutRolePolicy`, `iam:AttachUserPolicy`, `kms:PutKeyPolicy`, ...), **medium** when it \
      reaches write actions only; one step lower when the statement names its resources instead \
      of `*`, and one step lower again under a condition.

      **How to fix:** list the actions you need by name.

      Noncompliant:
      ```hcl
      data "aws_iam_policy_document" "deploy" {
        statement {
          actions   = ["iam:Put*"]
          resources = ["*"]
        }
      }
      ```

      Compliant:
      ```hcl
      data "aws_iam_policy_document" "deploy" {
        statement {
          actions   = ["iam:PutRolePolicy"]
          resources = ["arn:aws:iam::123456789012:role/app-*"]
        }
      }
      ```
      """,
      List.of("https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html",
          "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_understand-policy-summary-access-level-summaries.html"),
      RuleMetadata.Precision.HIGH);

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
    for (IdentityPolicy policy : OverbroadActions.identityPolicies(context)) {
      for (PolicyStatement s : policy.document().statements()) {
        if (!s.allows() || s.notAction()) continue;
        for (LocatedString a : s.actions().known()) {
          List<IamActions.Action> reached = reach(a.value());
          if (reached.isEmpty()) continue;
          boolean permissions = reached.stream()
              .anyMatch(x -> x.access() == IamActions.Access.PERMISSIONS_MANAGEMENT);
          Severity severity = permissions ? Severity.HIGH : Severity.MEDIUM;
          boolean scoped = !OverbroadActions.onEveryResource(s) && !s.notResource();
          if (scoped) severity = severity.lower();
          severity = OverbroadActions.conditioned(severity, s);
          List<IamActions.Action> shown = permissions
              ? reached.stream().filter(x -> x.access() == IamActions.Access.PERMISSIONS_MANAGEMENT).toList()
              : reached;
          String message = "%s %s allows \"%s\", which expands to %d %s actions such as %s%s%s".formatted(
              PolicyMessages.policyName(policy), s.label(), a.value(), shown.size(),
              permissions ? "permissions-management" : "write", OverbroadActions.sample(shown, 3),
              scoped ? "" : ", on every resource",
              s.hasConditions() ? "; a condition limits when, not what" : "")
              + PolicyMessages.attachedSuffix(policy);
          sink.report(new Finding(METADATA, severity, message, s.locate(a, s.actions().range()), policy.owner().address(),
              a.value(), PolicyMessages.related(policy)));
        }
      }
    }
  }
}
