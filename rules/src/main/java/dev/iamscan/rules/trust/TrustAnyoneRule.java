package dev.iamscan.rules.trust;

import dev.iamscan.iam.TrustPolicy;
import dev.iamscan.policy.ConditionClause;
import dev.iamscan.policy.PolicyPrincipal;
import dev.iamscan.policy.PolicyStatement;
import dev.iamscan.policy.PublicAccess;
import dev.iamscan.rules.Category;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.FindingSink;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.rules.Severity;
import dev.iamscan.rules.support.PolicyMessages;
import java.util.List;
import java.util.Optional;

/** A role trust policy that lets any AWS principal in the world assume the role. */
public final class TrustAnyoneRule implements Rule {
  static final RuleMetadata METADATA = RuleMetadata.builder("IAM032", "trust-policy-allows-anyone")
      .category(Category.OPEN_TRUST_POLICY).severity(Severity.CRITICAL).precision(RuleMetadata.Precision.VERY_HIGH)
      .summary("Role trust policy lets any AWS principal assume the role")
      .description("""
          A trust policy statement that allows `sts:AssumeRole` to principal `"*"` (also written \
          `{"AWS": "*"}`, `["*"]`, or a `principals` block of type `AWS` with identifier `"*"`) lets \
          every IAM user and role of every AWS account assume the role, and with it everything the \
          role's permission policies allow. Anyone who learns the role's ARN (it appears in logs, \
          error messages and templates) can take it over.

          The statement is not reported when a condition pins the caller to something fixed: an \
          organization (`aws:PrincipalOrgID`), an account (`aws:PrincipalAccount`), a principal ARN \
          (`aws:PrincipalArn`), a source VPC or IP range. `sts:ExternalId` alone does not count \
          here: the external ID is not a secret. Deny statements are never reported.
          """)
      .remediation("""
          name the principals that need the role: an account root (`arn:aws:iam::111122223333:root`) \
          with an `sts:ExternalId` or MFA condition, or specific role ARNs, or a service principal. \
          If many accounts of one organization need it, keep `"*"` and add an `aws:PrincipalOrgID` \
          condition.
          """)
      .noncompliant("json", """
          {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}
          """)
      .compliant("json", """
          {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole",
           "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}
          """)
      .references("https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html",
          "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-trust-policy",
          "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalorgid")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(ScanContext context, FindingSink sink) {
    for (TrustPolicy trust : context.iam().trustPolicies()) {
      for (PolicyStatement s : trust.document().statements()) {
        if (!s.allows() || s.notPrincipal()) continue;
        Optional<PolicyPrincipal> anyone = s.principals().stream().filter(PolicyPrincipal::isEveryone).findFirst();
        if (anyone.isEmpty() || PublicAccess.limitedByCondition(withoutExternalId(s))) continue;
        if (TrustStatements.allowing(s, TrustStatements.ASSUME_ACTIONS).isEmpty()) continue;
        PolicyPrincipal p = anyone.get();
        String written = p.type().equals("*") ? "\"*\"" : "{\"" + p.type() + "\": \"*\"}";
        sink.report(new Finding(METADATA, METADATA.severity(),
            "%s trust policy %s lets any AWS principal of any account assume the role (principal %s, no condition limiting who)"
                .formatted(TrustStatements.roleName(trust), s.label(), written),
            p.range(), trust.role().address(), "principal *", PolicyMessages.related(trust)));
      }
    }
  }

  /**
   * The statement without its {@code sts:ExternalId} tests: for resource policies the shared reading
   * counts one as limiting, but on a trust policy open to everyone it limits nothing, since the
   * external ID is not a secret.
   */
  private static PolicyStatement withoutExternalId(PolicyStatement s) {
    List<ConditionClause> kept = s.conditions().stream().filter(c -> !c.lowerKey().equals("sts:externalid")).toList();
    if (kept.size() == s.conditions().size()) return s;
    return new PolicyStatement(s.sid(), s.index(), s.effect(), s.effectRange(), s.actions(), s.notAction(),
        s.resources(), s.notResource(), s.principals(), s.notPrincipal(), s.principalsPresent(),
        s.principalsUnknown(), kept, s.conditionsUnknown(), s.range());
  }
}
