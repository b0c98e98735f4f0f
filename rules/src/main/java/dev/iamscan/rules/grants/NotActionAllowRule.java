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

/** {@code Allow} with {@code NotAction}: everything except the listed actions. */
public final class NotActionAllowRule implements Rule {
  static final RuleMetadata METADATA = RuleMetadata.builder("IAM004", "not-action-allow")
      .category(Category.OVERBROAD_GRANT).severity(Severity.HIGH).precision(RuleMetadata.Precision.VERY_HIGH)
      .summary("Policy statement allows every action except those listed in NotAction")
      .description("""
          `NotAction` with `Effect: Allow` grants every action of every service that is **not** \
          listed, including services and actions that AWS adds later. A statement meant to exclude \
          IAM (`NotAction: "iam:*"`) still grants `sts:AssumeRole`, `organizations:*`, `kms:*` and \
          every data action. `NotAction` belongs in `Deny` statements, where it limits what is \
          denied.

          A condition narrows when the grant applies, not what it grants; such statements are \
          reported too.
          """)
      .remediation("""
          use `Action` with the actions needed, or turn the statement into a `Deny` with `NotAction` \
          plus an `Allow` of the actions needed.
          """)
      .noncompliant("yaml", """
          - Effect: Allow
            NotAction: "iam:*"
            Resource: "*"
          """)
      .compliant("yaml", """
          - Effect: Allow
            Action: ["s3:GetObject", "s3:ListBucket"]
            Resource: ["arn:aws:s3:::reports", "arn:aws:s3:::reports/*"]
          """)
      .references("https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(ScanContext context, FindingSink sink) {
    for (IdentityPolicy policy : OverbroadActions.identityPolicies(context)) {
      for (PolicyStatement s : policy.document().statements()) {
        if (!s.allows() || !s.notAction()) continue;
        String excluded = s.actions().known().isEmpty() ? "(unresolved)"
            : s.actions().known().stream().map(LocatedString::value).limit(4).collect(Collectors.joining(", "));
        String message = "%s %s allows every action except %s (NotAction with Allow)%s".formatted(
            PolicyMessages.policyName(policy), s.label(), excluded,
            OverbroadActions.conditionNote(s))
            + PolicyMessages.attachedSuffix(policy);
        sink.report(new Finding(METADATA, METADATA.severity(), message,
            s.actions().range(), policy.owner().address(), "NotAction " + excluded, PolicyMessages.related(policy)));
      }
    }
  }
}
