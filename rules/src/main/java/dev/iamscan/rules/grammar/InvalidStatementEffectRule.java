package dev.iamscan.rules.grammar;

import dev.iamscan.policy.Effect;
import dev.iamscan.policy.PolicyStatement;
import dev.iamscan.rules.Category;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.FindingSink;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.rules.Severity;
import dev.iamscan.rules.support.PolicyMessages;

/** A policy statement without an Effect, or with one other than Allow or Deny. */
public final class InvalidStatementEffectRule implements Rule {
  static final RuleMetadata METADATA = RuleMetadata.builder("IAM063", "invalid-statement-effect")
      .category(Category.INVALID_TEMPLATE).severity(Severity.MEDIUM).precision(RuleMetadata.Precision.VERY_HIGH)
      .summary("Policy statement has no valid Effect")
      .description("""
          Every statement of a JSON policy needs `"Effect": "Allow"` or `"Effect": "Deny"`, spelled \
          exactly so (the value is case-sensitive). A statement without it, or with `"allow"` or \
          `"Permit"`, is not an Allow: IAM rejects the whole policy, so the deployment fails — or, \
          where a tool drops the statement, the permission or the Deny it was meant to express \
          silently does not exist. Other rules do not treat such statements as grants; this rule \
          reports them. (`data "aws_iam_policy_document"` defaults to Allow and is not affected.)
          """)
      .remediation("write the Effect explicitly.")
      .noncompliant("json", """
          { "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*" }
          """)
      .compliant("json", """
          { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*" }
          """)
      .references("https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_effect.html",
          "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(ScanContext context, FindingSink sink) {
    for (PolicyDocuments d : PolicyDocuments.all(context.iam())) {
      for (PolicyStatement s : d.document().statements()) {
        if (s.effect() == Effect.MISSING) {
          sink.report(new Finding(METADATA, METADATA.severity(),
              "%s policy %s has no Effect; a statement must say Allow or Deny".formatted(d.owner().displayName(), s.label()),
              s.range(), d.owner().address(), "", PolicyMessages.readFrom(s, d.at())));
        } else if (s.effect() == Effect.INVALID) {
          sink.report(new Finding(METADATA, METADATA.severity(),
              "%s policy %s has an invalid Effect; it must be exactly \"Allow\" or \"Deny\"".formatted(d.owner().displayName(), s.label()),
              s.effectRange(), d.owner().address(), "", PolicyMessages.readFrom(s, d.at())));
        }
      }
    }
  }
}
