package dev.iamscan.rules.grants;

import dev.iamscan.rules.Category;
import dev.iamscan.rules.FindingSink;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.rules.Severity;
import java.util.List;

/**
 * Permissions-management actions on {@code Resource: "*"} although the actions accept named
 * resources: the high-severity half of what IAM006 reported before, with its own id so that a rule
 * has one severity.
 */
public final class PermissionsManagementOnAllResourcesRule implements Rule {
  static final RuleMetadata METADATA = RuleMetadata.builder("IAM041", "permissions-management-on-all-resources")
      .category(Category.OVERBROAD_GRANT).severity(Severity.HIGH).precision(RuleMetadata.Precision.HIGH)
      .summary("Permissions-management actions allowed on every resource")
      .description("""
          A statement that allows permissions-management actions (`iam:PutRolePolicy`, \
          `iam:AttachUserPolicy`, `kms:PutKeyPolicy`, `s3:PutBucketPolicy`, ...) with `Resource: \
          "*"` lets its holder rewrite the permissions of every such resource of the account: attach \
          a policy to any role, open any key or bucket. iamscan checks each action, also those a \
          partial wildcard expands to, against AWS's Service Authorization Reference and reports \
          only actions that accept resource-level permissions; a condition that admits only \
          resources carrying a tag scopes the grant as an ARN would and is not reported.

          A statement is reported once, at its first offending action, naming the offending actions \
          (permissions management first, then any write actions of the same statement, which IAM006 \
          then leaves to this finding). A condition on the statement limits when, not what: the \
          finding stays, unless it names the resources (a resource tag, or a service key such as \
          `kms:ResourceAliases` compared with a specific value). Service-wide wildcards (`iam:*`) are reported by IAM003, partial wildcards \
          of sensitive services by IAM042, `iam:PassRole` by IAM007. Reads of secrets and data the \
          statement allows on every resource (IAM043's and IAM044's actions) are named in this \
          finding too: naming the resources fixes them all.
          """)
      .remediation("name the resources (ARNs, with wildcards inside the ARN where needed).")
      .noncompliant("yaml", """
          - Effect: Allow
            Action: iam:PutRolePolicy
            Resource: "*"
          """)
      .compliant("yaml", """
          - Effect: Allow
            Action: iam:PutRolePolicy
            Resource: !Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:role/app-*
          """)
      .references("https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html",
          "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_understand-policy-summary-access-level-summaries.html")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(ScanContext context, FindingSink sink) {
    WriteOnAllResourcesRule.check(context, METADATA, true, sink);
  }
}
