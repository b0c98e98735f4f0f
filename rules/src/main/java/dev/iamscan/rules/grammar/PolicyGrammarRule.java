package dev.iamscan.rules.grammar;

import dev.iamscan.rules.Category;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.FindingSink;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.rules.Severity;
import dev.iamscan.schema.SchemaChecks;
import dev.iamscan.schema.SchemaProblem;
import java.util.List;

/**
 * A policy document that breaks the IAM policy grammar, checked against iamscan's policy schema.
 * Effect (IAM063), unreadable JSON and a missing Statement (IAM064) are left to those rules.
 */
public final class PolicyGrammarRule implements Rule {
  static final RuleMetadata METADATA = RuleMetadata.builder("IAM070", "policy-grammar")
      .category(Category.INVALID_TEMPLATE).severity(Severity.MEDIUM).precision(RuleMetadata.Precision.HIGH)
      .summary("Policy document breaks the IAM policy grammar")
      .description("""
          IAM accepts a policy only when it follows the policy grammar: `Version` is `2012-10-17` \
          (or the legacy `2008-10-17`), the document holds only `Version`, `Id` and `Statement`, a \
          statement holds only `Sid` (letters and digits), `Effect`, exactly one of `Action` / \
          `NotAction`, exactly one of `Resource` / `NotResource` in identity policies, a `Principal` \
          or `NotPrincipal` in trust and resource policies (never in identity policies), principals \
          as `"*"` or a mapping of `AWS`, `Service`, `Federated`, `CanonicalUser`, and conditions \
          under known operators (`StringEquals`, `ArnLike`, `Bool`, ... with `ForAllValues:`, \
          `ForAnyValue:` and `IfExists`). A misspelled element (`Statment`, `StringEqual`) is not \
          ignored: the deployment fails, or, where a tool passes the document on without checking, \
          the condition or statement the author meant does not exist. iamscan checks every policy \
          written as JSON or `jsonencode`, in Terraform and CloudFormation, against its own JSON \
          Schema and reports each problem at the offending key, with the closest valid name for a \
          misspelling. Values the scanner cannot resolve are never reported.
          """)
      .remediation("correct the element named in the message.")
      .noncompliant("json", """
          { "Version": "2012-10-17",
            "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "NotAction": "s3:PutObject",
                            "Resource": "*", "Condition": { "StringEqual": { "aws:PrincipalOrgID": "o-1" } } }] }
          """)
      .compliant("json", """
          { "Version": "2012-10-17",
            "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject",
                            "Resource": "*", "Condition": { "StringEquals": { "aws:PrincipalOrgID": "o-1" } } }] }
          """)
      .references("https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html",
          "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html",
          "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(ScanContext context, FindingSink sink) {
    for (PolicySources p : PolicySources.all(context.iam())) {
      for (SchemaProblem problem : SchemaChecks.policy(p.document(), p.kind(), p.document().range())) {
        sink.report(new Finding(METADATA, METADATA.severity(),
            "%s policy: %s".formatted(p.owner().displayName(), problem.message()),
            problem.range(), p.owner().address(), problem.kind() + " " + problem.pointer(), List.of()));
      }
    }
  }
}
