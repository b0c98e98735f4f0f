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

/** {@code iam:PassRole} on every role: the holder can hand any role, admin included, to a service it controls. */
public final class PassRoleAllResourcesRule implements Rule {
  static final RuleMetadata METADATA = RuleMetadata.builder("IAM007", "passrole-all-resources")
      .category(Category.OVERBROAD_GRANT).severity(Severity.HIGH).precision(RuleMetadata.Precision.VERY_HIGH)
      .summary("Policy statement allows iam:PassRole on every role")
      .description("""
          `iam:PassRole` lets an identity give a role to an AWS service: an EC2 instance, a Lambda \
          function, a CloudFormation stack, a Glue job. With `Resource: "*"` it can pass **any** \
          role of the account, including administrator roles, to a service it controls and then act \
          with that role's permissions: a classic privilege escalation. The action is matched \
          through wildcards and without regard to case (`iam:Pass*`, `IAM:PassRole`); `iam:*` is \
          reported by IAM003 and `*` by IAM001 instead, so that a statement is not reported twice \
          for one action pattern.

          A condition such as `iam:PassedToService` narrows the grant; such statements are reported \
          one severity lower.
          """)
      .remediation("""
          name the roles that may be passed, and restrict the service with the `iam:PassedToService` \
          condition key.
          """)
      .noncompliant("hcl", """
          data "aws_iam_policy_document" "ci" {
            statement {
              actions   = ["iam:PassRole"]
              resources = ["*"]
            }
          }
          """)
      .compliant("hcl", """
          data "aws_iam_policy_document" "ci" {
            statement {
              actions   = ["iam:PassRole"]
              resources = [aws_iam_role.app_lambda.arn]
              condition {
                test     = "StringEquals"
                variable = "iam:PassedToService"
                values   = ["lambda.amazonaws.com"]
              }
            }
          }
          """)
      .references("https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html",
          "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#ck_PassedToService")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(ScanContext context, FindingSink sink) {
    for (IdentityPolicy policy : OverbroadActions.identityPolicies(context)) {
      for (PolicyStatement s : policy.document().statements()) {
        if (!s.allows() || s.notAction() || !OverbroadActions.onEveryResource(s)) continue;
        for (LocatedString a : s.actions().known()) {
          if (!ActionPattern.matchesAction(a.value().trim(), "iam:PassRole")) continue;
          // "*" on "*" is full administrator access, reported once by IAM001.
          if (ActionPattern.isEverything(a.value())) continue;
          // "iam:*" is reported by IAM003, which names the service wildcard: one finding per pattern.
          if (OverbroadActions.serviceWide(a.value()).isPresent()) continue;
          String via = a.value().equalsIgnoreCase("iam:PassRole") ? "" : " through \"" + a.value() + "\"";
          String message = "%s %s allows iam:PassRole%s on every role (\"*\")%s".formatted(
              PolicyMessages.policyName(policy), s.label(), via,
              s.hasConditions() ? "; a condition limits the grant" : "")
              + PolicyMessages.attachedSuffix(policy);
          sink.report(new Finding(METADATA, METADATA.severity(), message,
              s.locate(a, s.actions().range()), policy.owner().address(), a.value() + " on *", PolicyMessages.related(policy)));
          break;
        }
      }
    }
  }
}
