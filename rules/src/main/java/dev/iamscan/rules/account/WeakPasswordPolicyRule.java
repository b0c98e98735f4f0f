package dev.iamscan.rules.account;

import static dev.iamscan.rules.account.PasswordPolicyThresholds.AWS_DEFAULT_MINIMUM_LENGTH;

import dev.iamscan.model.Resource;
import dev.iamscan.model.Value;
import dev.iamscan.rules.Category;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.FindingSink;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.RuleSettings;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.rules.Severity;
import dev.iamscan.state.PasswordPolicy;
import dev.iamscan.state.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** An account password policy weaker than the configured {@link RuleSettings.PasswordPolicy}. */
public final class WeakPasswordPolicyRule implements Rule {
  static final RuleMetadata METADATA = RuleMetadata.builder("IAM050", "weak-password-policy")
      .category(Category.PASSWORD_POLICY).severity(Severity.MEDIUM).precision(RuleMetadata.Precision.VERY_HIGH)
      .summary("Account password policy is weaker than recommended")
      .description("""
          The account password policy decides how strong the console passwords of every IAM user \
          are. iamscan expects passwords of at least 14 characters with upper case letters, lower \
          case letters, numbers and symbols, no reuse of the last 24 passwords, expiry after at most \
          90 days, and users allowed to change their own password (otherwise they cannot rotate a \
          password they suspect is known, and administrators end up handling passwords). The length, \
          reuse and age thresholds are defaults; set them under `password-policy` in `.iamscan.yml`. \
          Each weak setting is reported where it is written; settings left out are reported together \
          on the resource, since AWS then applies its own weaker defaults (minimum length 6, no \
          complexity, no reuse prevention, no expiry).
          """)
      .remediation("set every attribute explicitly.")
      .noncompliant("hcl", """
          resource "aws_iam_account_password_policy" "strict" {
            minimum_password_length = 8
          }
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
          "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_account_password_policy")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  /** CloudFormation has no account password policy resource. */
  @Override
  public java.util.Set<dev.iamscan.model.Format> formats() {
    return java.util.EnumSet.of(dev.iamscan.model.Format.TERRAFORM);
  }

  @Override
  public void check(ScanContext context, FindingSink sink) {
    RuleSettings.PasswordPolicy expected = context.settings().passwordPolicy();
    for (PasswordPolicy policy : context.state().passwordPolicies()) {
      Resource r = policy.owner();
      List<String> missing = new ArrayList<>();
      atLeast(r, policy.minimumLength(), expected.minimumLength(), "allows passwords of %s characters (at least %d expected)", sink, missing);
      atLeast(r, policy.reusePrevention(), expected.reusePrevention(), "remembers only %s previous passwords (at least %d expected)", sink, missing);
      maximumAge(r, policy.maxAge(), expected.maxAgeDays(), sink, missing);
      List<Setting> flags = new ArrayList<>(policy.complexity());
      flags.add(policy.allowUsersToChange());
      for (Setting flag : flags) {
        String name = flag.name();
        Optional<Value.Field> f = flag.written();
        if (f.isEmpty()) {
          missing.add(name);
          continue;
        }
        Settings.certainly(f.get().value(), Settings::isFalse).ifPresent(v -> report(r, sink,
            flag == policy.allowUsersToChange()
                ? "%s does not let users change their own password (%s = false)".formatted(r.displayName(), name)
                : "%s does not require %s (%s = false)".formatted(r.displayName(), what(policy, flag), name),
            f.get().keyRange(), name + " = false"));
      }
      if (!missing.isEmpty()) {
        report(r, sink, "%s leaves %s unset, so AWS's weaker default applies".formatted(r.displayName(), String.join(", ", missing)),
            r.headRange(), "unset: " + String.join(", ", missing));
      }
    }
  }

  private static void atLeast(Resource r, Setting setting, int threshold, String message, FindingSink sink, List<String> missing) {
    String key = setting.name();
    Optional<Value.Field> f = setting.written();
    if (f.isEmpty()) {
      missing.add(key);
      return;
    }
    Settings.certainly(f.get().value(), v -> below(v, threshold)).ifPresent(v -> report(r, sink,
        r.displayName() + " " + message.formatted(v.scalar().orElse("?"), threshold),
        f.get().keyRange(), key + " = " + v.scalar().orElse("?")));
  }

  private static void maximumAge(Resource r, Setting setting, int maxAgeDays, FindingSink sink, List<String> missing) {
    String key = setting.name();
    Optional<Value.Field> f = setting.written();
    if (f.isEmpty()) {
      missing.add(key);
      return;
    }
    Settings.certainly(f.get().value(), v -> {
      OptionalLong n = Settings.number(v);
      return n.isPresent() && (n.getAsLong() <= 0 || n.getAsLong() > maxAgeDays);
    }).ifPresent(v -> report(r, sink,
        "%s lets passwords live %s (at most %d days expected)".formatted(r.displayName(),
            Settings.number(v).getAsLong() <= 0 ? "forever (" + key + " = 0)" : v.scalar().orElse("?") + " days", maxAgeDays),
        f.get().keyRange(), key + " = " + v.scalar().orElse("?")));
  }

  private static boolean below(Value v, int threshold) {
    OptionalLong n = Settings.number(v);
    return n.isPresent() && n.getAsLong() < threshold;
  }

  private static String what(PasswordPolicy policy, Setting flag) {
    if (flag == policy.requireUppercase()) return "upper case letters";
    if (flag == policy.requireLowercase()) return "lower case letters";
    if (flag == policy.requireNumbers()) return "numbers";
    return "symbols";
  }

  private static void report(Resource r, FindingSink sink, String message, dev.iamscan.model.SourceRange at, String evidence) {
    sink.report(new Finding(METADATA, METADATA.severity(), message, at, r.address(), evidence, List.of()));
  }
}
