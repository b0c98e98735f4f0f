package dev.iamscan.rules.credentials;

import dev.iamscan.rules.Category;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.FindingSink;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.rules.Severity;
import java.util.List;

/** An access key for an IAM user: a long-lived credential where a role would do. */
public final class LongLivedAccessKeyRule implements Rule {
  static final RuleMetadata METADATA = RuleMetadata.builder("IAM013", "iam-user-access-key")
      .category(Category.LONG_LIVED_CREDENTIALS).severity(Severity.LOW).precision(RuleMetadata.Precision.VERY_HIGH)
      .summary("Access key created for an IAM user")
      .description("""
          An IAM user's access key never expires. It is copied into CI settings, laptops and \
          scripts, and keeps working after the person or system that used it is gone until someone \
          rotates or deletes it. Roles give temporary credentials that expire on their own.

          Reported at low severity: a key is sometimes the only option (a third-party system outside \
          AWS that cannot use IAM Roles Anywhere or OIDC federation), so this is advice rather than \
          a defect. Keys set to `Inactive` are not reported: they cannot sign requests, and keeping \
          the previous key inactive is the documented rotation step before deleting it. A key whose \
          status is unresolved is reported, since it may be active. Keys for the root user are \
          reported by IAM011 instead.
          """)
      .remediation("""
          give workloads roles: instance profiles, Lambda and ECS task roles, OIDC federation for CI \
          (GitHub Actions, GitLab), IAM Roles Anywhere for machines outside AWS, IAM Identity Center \
          for people. Where a key cannot be avoided, rotate it regularly and do not output its \
          secret from Terraform (`encrypted_secret` with a `pgp_key`, not `secret`).
          """)
      .noncompliant("hcl", """
          resource "aws_iam_access_key" "ci" {
            user = aws_iam_user.ci.name
          }
          """)
      .compliant("hcl", """
          resource "aws_iam_role" "ci" {
            name               = "ci"
            assume_role_policy = data.aws_iam_policy_document.github_oidc_trust.json
          }
          """)
      .references("https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles",
          "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#rotating_access_keys_console")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(ScanContext context, FindingSink sink) {
    for (AccessKeyResource key : AccessKeyResource.all(context.state())) {
      if (key.root() == AccessKeyResource.Answer.YES) continue;
      if (key.active() == AccessKeyResource.Answer.NO) continue;
      String message = "%s creates a long-lived access key for IAM user %s; prefer roles and temporary credentials"
          .formatted(key.resource().displayName(), key.userLabel(context.model()));
      sink.report(new Finding(METADATA, METADATA.severity(), message, key.userAt(),
          key.resource().address(), "access key for " + key.userLabel(), List.of()));
    }
  }
}
