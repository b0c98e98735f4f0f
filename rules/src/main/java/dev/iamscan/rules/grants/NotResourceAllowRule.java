package dev.iamscan.rules.grants;

import dev.iamscan.iam.IdentityPolicy;
import dev.iamscan.policy.LocatedString;
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
import java.util.stream.Collectors;

/** {@code Allow} with {@code NotResource}: every resource except the listed ones. */
public final class NotResourceAllowRule implements Rule {
  static final RuleMetadata METADATA = RuleMetadata.builder("IAM005", "not-resource-allow")
      .category(Category.OVERBROAD_GRANT).severity(Severity.HIGH).precision(RuleMetadata.Precision.VERY_HIGH)
      .summary("Policy statement allows actions on every resource except those listed in NotResource")
      .description("""
          `NotResource` with `Effect: Allow` grants the actions on every resource that is **not** \
          listed: every other bucket, key, role and secret of the account, in every region, \
          including resources created later. It is almost always meant as a `Deny`.

          A condition narrows when the grant applies, not what it grants; such statements are \
          reported too.
          """)
      .remediation("""
          list the resources the actions are for in `Resource`, or use `NotResource` in a `Deny` \
          statement.
          """)
      .noncompliant("yaml", """
          - Effect: Allow
            Action: "s3:*"
            NotResource: "arn:aws:s3:::audit-logs/*"
          """)
      .compliant("yaml", """
          - Effect: Allow
            Action: ["s3:GetObject"]
            Resource: "arn:aws:s3:::reports/*"
          """)
      .references("https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(ScanContext context, FindingSink sink) {
    for (IdentityPolicy policy : OverbroadActions.identityPolicies(context)) {
      for (PolicyStatement s : policy.document().statements()) {
        if (!s.allows() || !s.notResource()) continue;
        String excluded = s.resources().known().isEmpty() ? "(unresolved)"
            : s.resources().known().stream().map(LocatedString::value).limit(3).collect(Collectors.joining(", "));
        String message = "%s %s allows its actions on every resource except %s (NotResource with Allow)%s".formatted(
            PolicyMessages.policyName(policy), s.label(), excluded,
            OverbroadActions.conditionNote(s))
            + PolicyMessages.attachedSuffix(policy);
        sink.report(new Finding(METADATA, METADATA.severity(), message,
            s.resources().range(), policy.owner().address(), "NotResource " + excluded, PolicyMessages.related(policy)));
      }
    }
  }
}
