package dev.iamscan.rules.grammar;

import dev.iamscan.model.Diagnostic;
import dev.iamscan.model.SourceRange;
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
import dev.iamscan.rules.grants.ActionServices;
import java.util.Optional;

/** A policy document that is not valid JSON or has no readable statements. */
public final class MalformedPolicyDocumentRule implements Rule {
  static final RuleMetadata METADATA = RuleMetadata.builder("IAM064", "malformed-policy-document")
      .category(Category.INVALID_TEMPLATE).severity(Severity.MEDIUM).precision(RuleMetadata.Precision.HIGH)
      .summary("Policy document is not valid JSON or breaks the policy grammar")
      .description("""
          A policy written as a JSON string (a heredoc, a `file()`, a CloudFormation string) that \
          does not parse, or a document without `Statement` or with statements that are not objects, \
          is rejected by IAM at deployment. Until then, no scanner can tell what it grants: iamscan \
          reports it instead of treating it as empty (peers have reported such input as passed). An \
          action whose service prefix is a near miss of a real one (`cognitoidp:*` for \
          `cognito-idp`) matches no action and grants nothing: it is reported here, not as an \
          overbroad grant.
          """)
      .remediation("""
          build policies with `jsonencode` or `data "aws_iam_policy_document"` in Terraform, or as \
          YAML/JSON objects in CloudFormation, rather than as hand-written strings.
          """)
      .noncompliant("hcl", """
          policy = <<-EOT
            { "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:GetObject", } ] }
          EOT
          """)
      .compliant("hcl", """
          policy = jsonencode({
            Version   = "2012-10-17"
            Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::reports/*" }]
          })
          """)
      .references("https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(ScanContext context, FindingSink sink) {
    for (PolicyDocuments d : PolicyDocuments.all(context.iam())) {
      // An action whose service prefix is a near miss of a real one matches no action at all.
      for (PolicyStatement s : d.document().statements()) {
        for (LocatedString a : s.actions().known()) {
          Optional<String> meant = ActionServices.misspelt(a.value());
          if (meant.isEmpty()) continue;
          String prefix = a.value().trim().substring(0, a.value().trim().indexOf(':'));
          sink.report(new Finding(METADATA, METADATA.severity(),
              "%s %s names an unknown action \"%s\": no AWS service has the prefix %s (did you mean %s?); it grants nothing"
                  .formatted(d.owner().displayName(), s.label(), a.value(), prefix, meant.get()),
              s.locate(a, s.actions().range()), d.owner().address(), a.value(), PolicyMessages.readFrom(s, d.at())));
        }
      }
      // One finding per document, at its first error: later ones often follow from it.
      Optional<Diagnostic> first = d.document().problems().stream()
          .filter(p -> p.level() == Diagnostic.Level.ERROR).findFirst();
      if (first.isEmpty()) continue;
      Diagnostic p = first.get();
      sink.report(new Finding(METADATA, METADATA.severity(),
          "%s has an invalid policy document: %s".formatted(d.owner().displayName(), p.message()),
          SourceRange.at(p.file(), p.line(), p.column()), d.owner().address(), "",
          PolicyMessages.readFrom(p.file(), d.at())));
    }
  }
}
