package dev.iamscan.rules.grants;

import dev.iamscan.iam.IdentityPolicy;
import dev.iamscan.policy.ActionPattern;
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
import java.util.Optional;

/** An identity-policy statement that allows every action on every resource: full administrator. */
public final class FullAdminStatementRule implements Rule {
  static final RuleMetadata METADATA = RuleMetadata.builder("IAM001", "full-admin-statement")
      .category(Category.OVERBROAD_GRANT).severity(Severity.CRITICAL).precision(RuleMetadata.Precision.VERY_HIGH)
      .summary("Policy statement allows every action on every resource")
      .description("""
          An `Allow` statement with `Action: "*"` (or `"*:*"`) and `Resource: "*"` makes every \
          identity it is attached to a full administrator of the account: it can read every secret, \
          delete every resource, and grant itself or others any further access. A leaked credential \
          or a compromised workload with this policy compromises the whole account.

          A condition on the statement narrows when the grant applies, but not what it grants; such \
          statements are still reported, and the message says a condition narrows it. A condition \
          that names the resources (a service key such as `ecs:cluster` compared with one ARN, or a \
          resource tag) does limit what: such a statement is reported by IAM002 instead.
          """)
      .remediation("""
          list the actions the workload needs and the resources it needs them on. Use IAM Access \
          Analyzer's policy generation from CloudTrail activity to find them. Keep administrator \
          access for a few break-glass roles that require MFA.
          """)
      .noncompliant("hcl", """
          resource "aws_iam_role_policy" "ops" {
            role   = aws_iam_role.ops.id
            policy = jsonencode({
              Version   = "2012-10-17"
              Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
            })
          }
          """)
      .compliant("hcl", """
          resource "aws_iam_role_policy" "ops" {
            role   = aws_iam_role.ops.id
            policy = jsonencode({
              Version   = "2012-10-17"
              Statement = [{
                Effect   = "Allow"
                Action   = ["s3:GetObject", "s3:PutObject"]
                Resource = "arn:aws:s3:::reports-bucket/*"
              }]
            })
          }
          """)
      .references("https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
          "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(ScanContext context, FindingSink sink) {
    for (IdentityPolicy policy : OverbroadActions.identityPolicies(context)) {
      for (PolicyStatement s : policy.document().statements()) {
        if (!s.allows() || s.notAction() || s.notResource()) continue;
        Optional<LocatedString> action = s.actions().known().stream()
            .filter(a -> ActionPattern.isEverything(a.value())).findFirst();
        Optional<LocatedString> resource = s.resources().find("*");
        // A condition naming the one resource (ecs:cluster equal to a cluster's ARN) scopes the grant.
        if (action.isEmpty() || resource.isEmpty() || !OverbroadActions.onEveryResource(s)) continue;
        String message = "%s %s allows every action (\"%s\") on every resource (\"*\")%s"
            .formatted(PolicyMessages.policyName(policy), s.label(), action.get().value(),
                OverbroadActions.conditionNote(s))
            + PolicyMessages.attachedSuffix(policy);
        sink.report(new Finding(METADATA, METADATA.severity(),
            message, s.locate(action.get(), s.actions().range()), policy.owner().address(), action.get().value() + " on *",
            PolicyMessages.related(policy)));
      }
    }
  }
}
