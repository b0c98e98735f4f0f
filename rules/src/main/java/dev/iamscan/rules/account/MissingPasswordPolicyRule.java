package dev.iamscan.rules.account;

import dev.iamscan.model.Resource;
import dev.iamscan.rules.Category;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.FindingSink;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.rules.Severity;
import dev.iamscan.state.LoginProfile;
import dev.iamscan.state.PasswordPolicy;
import dev.iamscan.state.StateView;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Console passwords are created but no account password policy is defined for their account. */
public final class MissingPasswordPolicyRule implements Rule {
  static final RuleMetadata METADATA = RuleMetadata.builder("IAM051", "missing-password-policy")
      .category(Category.PASSWORD_POLICY).severity(Severity.MEDIUM).precision(RuleMetadata.Precision.HIGH)
      .summary("IAM users get console passwords but no account password policy is defined")
      .description("""
          The template gives IAM users console passwords (`aws_iam_user_login_profile`, or \
          `LoginProfile` on a CloudFormation `AWS::IAM::User`) while no \
          `aws_iam_account_password_policy` is defined for the account. Without one, AWS accepts \
          passwords of 8 characters with no complexity, no expiry and unlimited reuse. \
          CloudFormation has no password policy resource, so a template with console users needs the \
          policy from Terraform, the CLI or an account baseline.

          The policy counts when it is written in the same directory as the login profile, a parent \
          directory or a child directory (one account per directory tree). One finding is reported \
          per module or template, at its first login profile. A policy that exists only under a \
          condition (`count = var.create_password_policy ? 1 : 0` with a default of false) leaves \
          the account without one by default: the finding is reported and names the condition, \
          unless it is the condition the login profile itself exists under.
          """)
      .remediation("""
          define the password policy with the account baseline, or better, replace console passwords \
          with IAM Identity Center or federation.
          """)
      .compliant("hcl", """
          resource "aws_iam_account_password_policy" "strict" {
            minimum_password_length        = 14
            require_uppercase_characters   = true
            require_lowercase_characters   = true
            require_numbers                = true
            require_symbols                = true
            password_reuse_prevention      = 24
            max_password_age               = 90
            allow_users_to_change_password = true
          }
          """)
      .references("https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html",
          "https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(ScanContext context, FindingSink sink) {
    List<Resource> policies = context.state().passwordPolicies().stream().map(PasswordPolicy::owner).toList();
    Set<String> reportedScopes = new HashSet<>();
    for (LoginProfile login : context.state().loginProfiles()) {
      Resource owner = login.owner();
      Presence present = Presence.of(policies.stream().filter(p -> AccountScope.sameAccount(p, owner)).toList(), owner);
      if (!present.missing()) continue;
      if (!reportedScopes.add(owner.scope())) continue;
      List<Finding.Related> related = present.conditional().stream().map(p -> new Finding.Related(
          "password policy only when " + p.appliesWhen().orElseThrow() + ": " + p.displayName(), p.headRange())).toList();
      sink.report(new Finding(METADATA, METADATA.severity(),
          "console password for user %s, but no account password policy (%s) is defined for this account%s"
              .formatted(login.user().name(), String.join(" / ", StateView.typeNames(PasswordPolicy.class)), present.unless()),
          login.at(), owner.address(), "", related));
    }
  }
}
