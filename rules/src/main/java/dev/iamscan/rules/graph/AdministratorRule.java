package dev.iamscan.rules.graph;

import dev.iamscan.rules.Category;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.FindingSink;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.rules.Severity;
import java.util.List;

/** Every principal of the scan that is administrator, named at the principal. */
public final class AdministratorRule implements Rule {
  static final RuleMetadata METADATA = RuleMetadata.builder("IAM014", "administrator-principal")
      .category(Category.OVERBROAD_GRANT).severity(Severity.HIGH).precision(RuleMetadata.Precision.HIGH)
      .summary("Principal is administrator: it may do anything, or grant itself anything")
      .description("""
          A reviewer's first question about an IAM change is who is administrator. iamscan evaluates the \
          effective permissions of every user, group and role of the scan: the Allow statements of every \
          policy that applies to it (inline policies, customer managed and AWS-managed attachments in \
          every form, its groups' policies for a user, SAM policies), minus Deny statements, within its \
          permissions boundary. A principal is **administrator** when those permissions allow every \
          action on every resource (`Action: "*"`, `Resource: "*"` with no Deny), or allow on every \
          resource (`Resource: "*"`) a policy change that grants itself anything: `iam:PutUserPolicy` or \
          `iam:AttachUserPolicy` for a user, those or `iam:PutGroupPolicy` / `iam:AttachGroupPolicy` for \
          a group (each member gains what is attached to it) and for a user in a group, \
          `iam:PutRolePolicy` or `iam:AttachRolePolicy` for a role. Each one is reported once, at the principal, with the statement that makes it so. The \
          finding is expected for the few principals meant to administer the account; any other one is \
          a mistake. Principals that can *become* administrator are IAM008's findings. See \
          docs/principal-graph.md for the exact definition.
          """)
      .remediation("""
          grant the actions the principal needs, on the resources it needs; give administrators a \
          permissions boundary or keep them to a few roles that require MFA.
          """)
      .noncompliant("hcl", """
          resource "aws_iam_role_policy_attachment" "ci" {
            role       = aws_iam_role.ci.name
            policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
          }
          """)
      .compliant("hcl", """
          resource "aws_iam_role_policy_attachment" "ci" {
            role       = aws_iam_role.ci.name
            policy_arn = aws_iam_policy.deploy_only.arn
          }
          """)
      .references("https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html",
          "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(ScanContext context, FindingSink sink) {
    PrincipalGraph graph = PrincipalGraph.of(context.iam());
    for (PrincipalGraph.Administrator a : graph.administrators()) {
      String resource = a.principal().resource() != null ? a.principal().resource().address() : a.principal().name();
      sink.report(new Finding(METADATA, METADATA.severity(), a.label() + " is administrator: " + a.how().message(),
          a.principal().range(), resource, "administrator",
          List.of(new Finding.Related("granted here", a.how().location()))));
    }
  }
}
