package dev.iamscan.rules.grants;

import dev.iamscan.policy.PolicyStatement;
import dev.iamscan.rules.Category;
import dev.iamscan.rules.FindingSink;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.rules.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads of secrets and credentials, and changes to principals' tags, allowed on every resource; the
 * actions come from {@code sensitive-reads.tsv}, matched through the action catalogue so that
 * partial wildcards such as {@code secretsmanager:Get*} count.
 */
public final class CredentialReadOnAllResourcesRule implements Rule {
  static final RuleMetadata METADATA = RuleMetadata.builder("IAM043", "credential-read-on-all-resources")
      .category(Category.OVERBROAD_GRANT).severity(Severity.HIGH).precision(RuleMetadata.Precision.HIGH)
      .summary("Reads of secrets, or changes to principals' access tags, allowed on every resource")
      .description("""
          Some read actions hand over credentials: `secretsmanager:GetSecretValue`, \
          `ssm:GetParameter(s)` (SecureString values come back decrypted), `kms:Decrypt`, \
          `lambda:GetFunction` and `lambda:GetFunctionConfiguration` (code and environment \
          variables), `ec2:GetPasswordData`, `glue:GetConnection`. With `Resource: "*"` they reach \
          every secret, parameter, key and function of the account, not the few the workload \
          needs: one leaked credential of this identity then exposes all the others. Changing the \
          tags of roles and users (`iam:TagRole`, `iam:UntagUser`, ...) on every principal is \
          reported too: where policies decide access by `aws:PrincipalTag` or `aws:ResourceTag`, \
          whoever sets the tags sets the access.

          The actions are kept in one table with IAM044's data reads and matched through AWS's \
          Service Authorization Reference, so partial wildcards such as `secretsmanager:Get*` or \
          `ssm:GetParam*` count; actions that accept only `*` (such as \
          `secretsmanager:BatchGetSecretValue`, which checks `GetSecretValue` on each secret) are \
          not reported. `*` and service wildcards (`ssm:*`) are reported by IAM001 and IAM003 \
          instead, partial wildcards that also reach writes of a sensitive service by IAM040 and \
          IAM042. `kms:Decrypt`, which AWS files under write, is reported here rather than by \
          IAM006. A condition that admits only resources carrying a tag scopes the statement as an \
          ARN would and is not reported.

          Grants on every resource are fixed by naming the resources, so a statement gets one \
          finding for all of them: this rule reports a statement unless it also allows \
          permissions management on every resource (then IAM041 reports it and names these reads), \
          and names the statement's write actions and data reads, which IAM006 and IAM044 then \
          leave to this finding.
          """)
      .remediation("""
          name the secrets, parameters, keys, functions or principals (ARNs, with a path or prefix \
          wildcard where needed), or scope them with an `aws:ResourceTag/KEY` condition.
          """)
      .noncompliant("hcl", """
          data "aws_iam_policy_document" "app" {
            statement {
              actions   = ["secretsmanager:GetSecretValue", "ssm:GetParameters"]
              resources = ["*"]
            }
          }
          """)
      .compliant("hcl", """
          data "aws_iam_policy_document" "app" {
            statement {
              actions   = ["secretsmanager:GetSecretValue"]
              resources = ["arn:aws:secretsmanager:eu-west-1:111122223333:secret:app/*"]
            }
          }
          """)
      .references("https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html",
          "https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_examples.html",
          "https://docs.aws.amazon.com/IAM/latest/UserGuide/introduction_attribute-based-access-control.html")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(ScanContext context, FindingSink sink) {
    SensitiveReadRules.check(context, METADATA, SensitiveReadRules.CREDENTIALS,
        s -> !WriteOnAllResourcesRule.managesPermissions(s), CredentialReadOnAllResourcesRule::others, sink);
  }

  private static String others(PolicyStatement s) {
    List<String> parts = new ArrayList<>();
    String writes = WriteOnAllResourcesRule.describeWrites(s);
    if (!writes.isEmpty()) parts.add(writes);
    String data = SensitiveReadRules.describe(s, SensitiveReadRules.DATA);
    if (!data.isEmpty()) parts.add(data);
    return String.join(" and ", parts);
  }
}
