package dev.iamscan.rules.trust;

import dev.iamscan.iam.TrustPolicy;
import dev.iamscan.policy.ConditionClause;
import dev.iamscan.policy.LocatedString;
import dev.iamscan.policy.PolicyPrincipal;
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
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A role trust policy that trusts a whole account (its root principal) with neither an external ID
 * nor MFA required.
 */
public final class TrustWholeAccountRule implements Rule {
  static final RuleMetadata METADATA = RuleMetadata.builder("IAM033", "trust-policy-allows-whole-account")
      .category(Category.OPEN_TRUST_POLICY).severity(Severity.MEDIUM).precision(RuleMetadata.Precision.HIGH)
      .summary("Role trust policy trusts a whole account without an external ID or MFA condition")
      .description("""
          A trust policy whose principal is an account (`arn:aws:iam::210987654321:root`, or the \
          bare account id `210987654321`) delegates the decision to that account: every user and \
          role there that its own administrators allow `sts:AssumeRole` can assume the role. The \
          role's security then rests on another account's IAM hygiene. For a third party (a vendor, \
          a SaaS integration) this is also the setup of the confused-deputy problem: any of the \
          vendor's customers could make the vendor assume your role.

          The statement is not reported when it requires an `sts:ExternalId` (the third-party \
          pattern), MFA (`aws:MultiFactorAuthPresent` true with `Bool`, or an \
          `aws:MultiFactorAuthAge` test), or pins the callers with `aws:PrincipalArn` or \
          `aws:userid`. A specific role or user ARN of the other account is not reported: it is \
          already specific. The scanner cannot know the deploying account, so an account id written \
          literally is reported even when it is your own; a principal computed from \
          `data.aws_caller_identity` or `${AWS::AccountId}` is not.
          """)
      .remediation("""
          trust the specific roles that need access, or add the condition that fits: an \
          `sts:ExternalId` for a third party, `aws:MultiFactorAuthPresent` for people.
          """)
      .noncompliant("json", """
          {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::210987654321:root"}, "Action": "sts:AssumeRole"}
          """)
      .compliant("json", """
          {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::210987654321:root"}, "Action": "sts:AssumeRole",
           "Condition": {"StringEquals": {"sts:ExternalId": "d1f0a5c6-5e0e-4f4b-9a53-2f3c5b1e7d42"}}}
          """)
      .references("https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html",
          "https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html",
          "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-accounts")
      .build();

  private static final Pattern ACCOUNT_ROOT = Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}):root");
  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(ScanContext context, FindingSink sink) {
    for (TrustPolicy trust : context.iam().trustPolicies()) {
      for (PolicyStatement s : trust.document().statements()) {
        if (!s.allows() || s.notPrincipal() || s.conditionsUnknown()) continue;
        if (TrustStatements.allowing(s, List.of(TrustStatements.ASSUME_ROLE)).isEmpty()) continue;
        if (s.conditions().stream().anyMatch(TrustWholeAccountRule::narrows)) continue;
        for (PolicyPrincipal p : s.principals()) {
          if (!p.type().equals("AWS")) continue;
          String account = accountOf(p.id().trim());
          if (account == null) continue;
          sink.report(new Finding(METADATA, METADATA.severity(),
              "%s trust policy %s trusts the whole account %s (principal \"%s\") with no sts:ExternalId or MFA condition: any identity that account allows can assume the role"
                  .formatted(TrustStatements.roleName(trust), s.label(), account, p.id()),
              p.range(), trust.role().address(), p.id(), PolicyMessages.related(trust)));
        }
      }
    }
  }

  /** The account a principal names as a whole, or null for anything more specific (or not an account). */
  public static String accountOf(String id) {
    Matcher m = ACCOUNT_ROOT.matcher(id);
    if (m.matches()) return m.group(1);
    return ACCOUNT_ID.matcher(id).matches() ? id : null;
  }

  /** Conditions that stop the statement from trusting everyone in the account. */
  public static boolean narrows(ConditionClause c) {
    if (c.negated()) return false;
    String key = c.lowerKey();
    String op = c.baseOperator().toLowerCase(Locale.ROOT);
    boolean someValue = c.hasUnknown() || c.values().stream().map(LocatedString::value)
        .anyMatch(v -> !v.chars().allMatch(ch -> ch == '*' || ch == '?'));
    switch (key) {
      case "sts:externalid", "aws:principalarn", "aws:userid" -> {
        return someValue && !c.ifExists() && !op.equals("null");
      }
      case "aws:multifactorauthpresent" -> {
        // BoolIfExists passes requests signed with long-term keys, which carry no MFA key at all.
        if (c.ifExists()) return false;
        if (op.equals("bool")) return c.hasUnknown() || c.values().stream().anyMatch(v -> v.value().equalsIgnoreCase("true"));
        if (op.equals("null")) return c.hasUnknown() || c.values().stream().anyMatch(v -> v.value().equalsIgnoreCase("false"));
        return false;
      }
      case "aws:multifactorauthage" -> {
        if (c.ifExists()) return false;
        if (op.startsWith("numeric")) return someValue;
        if (op.equals("null")) return c.hasUnknown() || c.values().stream().anyMatch(v -> v.value().equalsIgnoreCase("false"));
        return false;
      }
      default -> {
        return false;
      }
    }
  }
}
