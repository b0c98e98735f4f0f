package dev.iamscan.rules.credentials;

import dev.iamscan.rules.Category;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.FindingSink;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.rules.Severity;
import dev.iamscan.rules.support.ValueText;
import java.util.List;

/** An active access key for the account's root user. */
public final class RootAccessKeyRule implements Rule {
  static final RuleMetadata METADATA = RuleMetadata.builder("IAM011", "root-access-key")
      .category(Category.ROOT_ACCESS_KEY).severity(Severity.CRITICAL).precision(RuleMetadata.Precision.VERY_HIGH)
      .summary("Access key for the root user")
      .description("""
          The root user can do everything in the account, including closing it, and no IAM policy \
          can limit it (only an organization's service control policies can). An access key for it \
          is a long-lived credential with that power that never expires; whoever obtains it owns the \
          account.

          Reported: an `aws_iam_access_key` whose `user` is, or an `AWS::IAM::AccessKey` whose \
          `UserName` is, `root` in any case, with no status (keys are created active) or `Active`. A \
          key set to `Inactive` cannot sign requests and is not reported. A reference to an IAM user \
          of the template is never the root user, whatever its name. A status the scanner cannot \
          resolve is reported too, and the message says it may be active. Non-root keys are reported \
          by IAM013 (long-lived credentials).
          """)
      .remediation("""
          delete the key; do the task with an IAM role or an IAM Identity Center user. Protect the \
          root user with MFA and use it only for the few tasks that require it.
          """)
      .noncompliant("hcl", """
          resource "aws_iam_access_key" "admin" {
            user = "root"
          }
          """)
      .compliant("hcl", """
          resource "aws_iam_role" "admin" {
            name               = "admin"
            assume_role_policy = data.aws_iam_policy_document.sso_trust.json
          }
          """)
      .references("https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-best-practices.html",
          "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user_manage_add-key.html")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(ScanContext context, FindingSink sink) {
    for (AccessKeyResource key : AccessKeyResource.all(context.state())) {
      if (key.root() != AccessKeyResource.Answer.YES || key.active() == AccessKeyResource.Answer.NO) continue;
      // The key certainly exists; an unresolved status only makes its use uncertain.
      boolean unsure = key.active() == AccessKeyResource.Answer.UNKNOWN;
      String status = key.status() == null ? "no status, so active"
          : "status " + ValueText.of(key.status()) + (unsure ? ", which may be Active" : "");
      String message = "%s creates an access key for the root user (user %s, %s)"
          .formatted(key.resource().displayName(), key.userLabel(context.model()), status);
      sink.report(new Finding(METADATA, METADATA.severity(), message, key.userAt(),
          key.resource().address(), "root access key", List.of()));
    }
  }
}
