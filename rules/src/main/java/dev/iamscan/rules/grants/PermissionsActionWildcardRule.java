package dev.iamscan.rules.grants;

import dev.iamscan.rules.Category;
import dev.iamscan.rules.FindingSink;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.rules.Severity;
import java.util.List;

/**
 * {@code iam:Put*}, {@code iam:*Policy*}: a partial wildcard that reaches permissions-management
 * actions of a sensitive service; the high-severity half of what IAM040 reported before.
 */
public final class PermissionsActionWildcardRule implements Rule {
  static final RuleMetadata METADATA = RuleMetadata.builder("IAM042", "permissions-action-wildcard")
      .category(Category.OVERBROAD_GRANT).severity(Severity.HIGH).precision(RuleMetadata.Precision.HIGH)
      .summary("Partial action wildcard reaches permissions-management actions of a sensitive service")
      .description("""
          A partial wildcard such as `iam:Put*`, `iam:*Policy*` or `kms:Put*` reads like a narrow \
          grant but expands to every matching action, including ones added later, and here that \
          includes actions that rewrite permissions (`iam:PutRolePolicy`, `iam:AttachUserPolicy`, \
          `kms:PutKeyPolicy`, ...). iamscan expands the pattern against AWS's Service Authorization \
          Reference (case-insensitively) for the services that control identities, keys or secrets \
          (iam, sts, kms, organizations, secretsmanager, sso, identitystore, account, cloudtrail, \
          access-analyzer, ram). The finding stays when the statement names its resources or carries \
          a condition: the pattern still grants every action it matches. A wildcard that reaches \
          write actions only is IAM040's. A permissions-management wildcard on the caller's own user \
          (`iam:Put*` on `arn:aws:iam::*:user/${aws:username}`) stays reported: a user who may write \
          their own policies may grant themselves anything.
          """)
      .remediation("list the actions you need by name.")
      .noncompliant("hcl", """
          data "aws_iam_policy_document" "deploy" {
            statement {
              actions   = ["iam:Put*"]
              resources = ["*"]
            }
          }
          """)
      .compliant("hcl", """
          data "aws_iam_policy_document" "deploy" {
            statement {
              actions   = ["iam:PutRolePolicy"]
              resources = ["arn:aws:iam::123456789012:role/app-*"]
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

  @Override
  public void check(ScanContext context, FindingSink sink) {
    SensitiveActionWildcardRule.check(context, METADATA, true, sink);
  }
}
