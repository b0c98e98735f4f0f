package dev.iamscan.rules.trust;

import dev.iamscan.iam.TrustPolicy;
import dev.iamscan.policy.ActionPattern;
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
import dev.iamscan.rules.account.MfaConditions;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A role that people of an account assume (an account root or IAM user as trusted principal) without
 * an MFA condition. Who may assume it at all is the open-trust-policy rules' business; this rule is
 * only about MFA.
 */
public final class CrossAccountRoleWithoutMfaRule implements Rule {
  static final RuleMetadata METADATA = RuleMetadata.builder("IAM055", "cross-account-role-without-mfa")
      .category(Category.MFA).severity(Severity.MEDIUM).precision(RuleMetadata.Precision.HIGH)
      .summary("Role assumable by an account's users does not require MFA")
      .description("""
          A trust policy that names an account (`123456789012`, `arn:aws:iam::123456789012:root`) or \
          an IAM user as principal lets people of that account assume the role with long-term \
          credentials. Without a condition on `aws:MultiFactorAuthPresent` (or \
          `aws:MultiFactorAuthAge`), a leaked access key is enough to use the role. Statements \
          limited by `sts:ExternalId` are treated as third-party integrations (machines) and not \
          reported; service, federated and role principals are not people and are not reported \
          either. A whole account trusted with no condition that narrows the statement is IAM033's \
          finding (which names the missing MFA) and is not reported twice; a whole account narrowed \
          by `aws:PrincipalArn` or `aws:userid` but without MFA is.
          """)
      .remediation("add `\"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}` to the trust statement.")
      .noncompliant("yaml", """
          AssumeRolePolicyDocument:
            Statement:
              - Effect: Allow
                Principal: { AWS: "arn:aws:iam::111122223333:user/jane" }
                Action: sts:AssumeRole
          """)
      .compliant("yaml", """
          AssumeRolePolicyDocument:
            Statement:
              - Effect: Allow
                Principal: { AWS: "arn:aws:iam::111122223333:root" }
                Action: sts:AssumeRole
                Condition:
                  Bool:
                    aws:MultiFactorAuthPresent: "true"
          """)
      .references("https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html",
          "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user.html")
      .build();

  /** An account id, an account root ARN, or an IAM user ARN, in any partition. */
  private static final Pattern HUMAN = Pattern.compile(
      "\\d{12}|arn:[a-z0-9-]+:iam::\\d{12}:(root|user/.+)");

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(ScanContext context, FindingSink sink) {
    for (TrustPolicy trust : context.iam().trustPolicies()) {
      for (PolicyStatement s : trust.document().statements()) {
        if (!s.allows() || s.notPrincipal() || s.conditionsUnknown()) continue;
        if (!assumesRole(s)) continue;
        if (MfaConditions.requiresMfa(s) || hasExternalId(s)) continue;
        // A whole account with nothing narrowing the statement is IAM033's finding, MFA included.
        boolean wholeAccountReported = s.conditions().stream().noneMatch(TrustWholeAccountRule::narrows);
        Optional<PolicyPrincipal> human = s.principals().stream()
            .filter(p -> p.type().equals("AWS") && (HUMAN.matcher(p.id().trim()).matches() || "user".equals(p.kind())))
            .filter(p -> !(wholeAccountReported && TrustWholeAccountRule.accountOf(p.id().trim()) != null))
            .findFirst();
        if (human.isEmpty()) continue;
        sink.report(new Finding(METADATA, METADATA.severity(),
            "trust policy of %s %s lets %s assume the role without MFA (no aws:MultiFactorAuthPresent condition)"
                .formatted(trust.role().displayName(), s.label(), human.get().resource() != null
                    ? "user " + human.get().resource().displayName() : human.get().id()),
            human.get().range(), trust.role().address(), human.get().id(), PolicyMessages.related(trust)));
      }
    }
  }

  private static boolean assumesRole(PolicyStatement s) {
    if (s.notAction()) return false;
    for (LocatedString a : s.actions().known()) {
      if (ActionPattern.matchesAction(a.value(), "sts:AssumeRole")) return true;
    }
    return false;
  }

  private static boolean hasExternalId(PolicyStatement s) {
    for (ConditionClause c : s.conditions()) {
      if (c.key().toLowerCase(Locale.ROOT).equals("sts:externalid")) return true;
    }
    return false;
  }
}
