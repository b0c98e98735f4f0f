package dev.iamscan.rules.account;

import dev.iamscan.model.Value;
import dev.iamscan.rules.Category;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.FindingSink;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.RuleSettings;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.rules.Severity;
import dev.iamscan.state.LoginProfile;
import java.util.List;
import java.util.Optional;

/** A console password created shorter than the minimum length iamscan expects. */
public final class ShortInitialPasswordRule implements Rule {
  static final RuleMetadata METADATA = RuleMetadata.builder("IAM052", "short-initial-password")
      .category(Category.PASSWORD_POLICY).severity(Severity.LOW).precision(RuleMetadata.Precision.HIGH)
      .summary("Console password is created shorter than the expected minimum length")
      .description("""
          A login profile that generates a short password (`password_length` of \
          `aws_iam_user_login_profile`, default 20), or a CloudFormation `LoginProfile.Password` \
          written shorter than the expected minimum length (14 characters by default; \
          `password-policy.minimum-length` in `.iamscan.yml`), starts the user with a password that \
          is easier to guess than the account password policy should allow. A written password is a \
          secret in the template as well; its value is never shown in findings.
          """)
      .remediation("generate passwords of at least the minimum length and require a reset at first sign-in.")
      .noncompliant("hcl", """
          resource "aws_iam_user_login_profile" "alice" {
            user            = aws_iam_user.alice.name
            password_length = 10
          }
          """)
      .compliant("hcl", """
          resource "aws_iam_user_login_profile" "alice" {
            user                    = aws_iam_user.alice.name
            password_length         = 20
            password_reset_required = true
          }
          """)
      .references("https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html",
          "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_user_login_profile")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(ScanContext context, FindingSink sink) {
    int min = context.settings().passwordPolicy().minimumLength();
    for (LoginProfile login : context.state().loginProfiles()) {
      Optional<Value.Field> generated = login.generatedLength().field();
      if (generated.isPresent()) {
        Value.Field f = generated.get();
        String key = login.generatedLength().name();
        Settings.certainly(f.value(), v -> Settings.number(v).orElse(Long.MAX_VALUE) < min).ifPresent(v ->
            sink.report(new Finding(METADATA, METADATA.severity(),
                "%s for user %s generates passwords of %s characters (at least %d expected)"
                    .formatted(login.label(), login.user().name(), v.scalar().orElse("?"), min),
                f.keyRange(), login.owner().address(), key + " = " + v.scalar().orElse("?"), List.of())));
      }
      Optional<Value.Field> f = login.password().field();
      if (f.isPresent()) {
        // The length only: the password itself is a secret and is never printed.
        Settings.certainly(f.get().value(), v -> v instanceof Value.Text t && !t.value().isEmpty() && t.value().length() < min)
            .ifPresent(v -> sink.report(new Finding(METADATA, METADATA.severity(),
                "%s sets a password of %d characters (at least %d expected)"
                    .formatted(login.label(), ((Value.Text) v).value().length(), min),
                f.get().keyRange(), login.owner().address(), "", List.of())));
      }
    }
  }
}
