package dev.iamscan.rules.account;

import dev.iamscan.model.Value;
import dev.iamscan.rules.Category;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.FindingSink;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.rules.Severity;
import dev.iamscan.state.LoginProfile;
import java.util.List;
import java.util.Optional;

/** A new console password that the user is not made to change at first sign-in. */
public final class PasswordResetNotRequiredRule implements Rule {
  static final RuleMetadata METADATA = RuleMetadata.builder("IAM054", "password-reset-not-required")
      .category(Category.MFA).severity(Severity.LOW).precision(RuleMetadata.Precision.VERY_HIGH)
      .summary("New console password does not have to be changed at first sign-in")
      .description("""
          A console password created by a template is known to whoever ran the deployment and sits \
          in its state or outputs. When `password_reset_required` (Terraform) or \
          `LoginProfile.PasswordResetRequired` (CloudFormation) is `false`, the user never has to \
          replace it, so the password stays shared; requiring a reset is also the moment users are \
          prompted to set up their MFA device.
          """)
      .remediation("set it to `true`.")
      .noncompliant("yaml", """
          Alice:
            Type: AWS::IAM::User
            Properties:
              LoginProfile:
                Password: !Ref InitialPassword
                PasswordResetRequired: false
          """)
      .compliant("yaml", """
          Alice:
            Type: AWS::IAM::User
            Properties:
              LoginProfile:
                Password: !Ref InitialPassword
                PasswordResetRequired: true
          """)
      .references("https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_admin-change-user.html",
          "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-iam-user-loginprofile.html")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(ScanContext context, FindingSink sink) {
    for (LoginProfile login : context.state().loginProfiles()) {
      String key = login.passwordResetRequired().name();
      Optional<Value.Field> f = login.passwordResetRequired().field();
      if (f.isEmpty()) continue;
      Settings.certainly(f.get().value(), Settings::isFalse).ifPresent(v ->
          sink.report(new Finding(METADATA, METADATA.severity(),
              "console password for user %s is not required to be changed at first sign-in (%s = false)"
                  .formatted(login.user().name(), key),
              f.get().keyRange(), login.owner().address(), key + " = false", List.of())));
    }
  }
}
