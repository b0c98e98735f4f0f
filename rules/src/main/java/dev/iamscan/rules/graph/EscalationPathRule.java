package dev.iamscan.rules.graph;

import dev.iamscan.rules.Category;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.FindingSink;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.rules.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * A principal that is not administrator but can become one: one finding per principal, with the
 * shortest path as steps.
 */
public final class EscalationPathRule implements Rule {
  static final RuleMetadata METADATA = RuleMetadata.builder("IAM008", "privilege-escalation")
      .category(Category.OVERBROAD_GRANT).severity(Severity.HIGH).precision(RuleMetadata.Precision.HIGH)
      .summary("Principal can become administrator through a chain of assumed roles, credentials or policy changes")
      .description("""
          A principal that is not administrator may still become one: assume a role whose trust names it \
          and that may attach policies to itself, create an access key for an administrator, pass a \
          powerful role to a Lambda function it creates, run a command on an instance whose profile is \
          powerful. iamscan builds a graph over the users and roles of the scan from their effective \
          permissions (every attached policy, minus Denies, within permissions boundaries; conditions that \
          can never hold are dropped), with an edge wherever one principal can act as another, and \
          reports each principal that can reach an administrator, once, with the shortest path in words. \
          A group is a source too, standing for each of its members, members or not in the scan: its \
          finding is at the group, and a member whose path is the group's is not reported again. \
          The path's steps are carried as a SARIF code flow (and as numbered steps in text and JSON \
          output), each at the statement or trust that allows it. A grant on every resource of a kind \
          (`Resource: "*"`, `role/*`) reaches principals outside the scan too, so it ends a path: the \
          account may hold an administrator role or user. A principal with no path for itself that may \
          still change the policies of every user, role or group (a role allowed `iam:PutUserPolicy` on \
          `*`), or rewrite every customer managed policy (`iam:CreatePolicyVersion` on `*`), is reported \
          as able to grant administrator to others. Methods come from the published \
          catalogues (Rhino Security Labs, pathfinding.cloud) and are kept as data. A Deny or boundary the \
          scan cannot resolve does not cancel a step; the step says so. Administrators themselves are \
          IAM014's findings. See docs/principal-graph.md.
          """)
      .remediation("""
          break the path at the step you do not intend: scope the resource of the policy-changing or \
          credential action to what the principal manages, name the roles it may pass with \
          `iam:PassRole`, or narrow the trust policy of the role it assumes.
          """)
      .noncompliant("hcl", """
          resource "aws_iam_role_policy" "deployer" {
            role   = aws_iam_role.deployer.id
            policy = jsonencode({
              Version   = "2012-10-17"
              Statement = [{ Effect = "Allow", Action = "iam:AttachRolePolicy", Resource = "arn:aws:iam::*:role/*" }]
            })
          }
          """)
      .compliant("hcl", """
          resource "aws_iam_role_policy" "deployer" {
            role   = aws_iam_role.deployer.id
            policy = jsonencode({
              Version   = "2012-10-17"
              Statement = [{ Effect = "Allow", Action = "iam:AttachRolePolicy", Resource = "arn:aws:iam::*:role/app-*" }]
            })
          }
          """)
      .references("https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/",
          "https://pathfinding.cloud/",
          "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(ScanContext context, FindingSink sink) {
    PrincipalGraph graph = PrincipalGraph.of(context.iam());
    for (PrincipalGraph.PathToAdmin p : graph.paths()) {
      // A member whose path is its group's: the group's finding speaks for every member.
      if (graph.repeatsGroup(p)) continue;
      List<Finding.Related> steps = new ArrayList<>();
      for (PrincipalGraph.Step s : p.steps()) steps.add(new Finding.Related(s.message(), s.location()));
      String resource = p.principal().resource() != null ? p.principal().resource().address() : p.principal().name();
      // One finding per principal: a baseline keeps it while the principal can still become
      // administrator, whichever path is shortest today.
      String evidence = "can become administrator";
      sink.report(new Finding(METADATA, METADATA.severity(),
          "%s can become administrator in %d %s: %s".formatted(p.who(), p.steps().size(),
              p.steps().size() == 1 ? "step" : "steps", p.inWords()),
          p.principal().range(), resource, evidence, List.of(), steps));
    }
    // No path for itself, but administrator for anyone it chooses: said in those words.
    for (PrincipalGraph.GrantToOthers g : graph.grantsToOthers()) {
      if (graph.repeatsGroup(g)) continue;
      String resource = g.principal().resource() != null ? g.principal().resource().address() : g.principal().name();
      sink.report(new Finding(METADATA, METADATA.severity(),
          "%s can grant administrator to others: %s".formatted(g.who(), g.how().message()),
          g.principal().range(), resource, "can grant administrator to others", List.of(),
          List.of(new Finding.Related(g.how().message(), g.how().location()))));
    }
  }
}
