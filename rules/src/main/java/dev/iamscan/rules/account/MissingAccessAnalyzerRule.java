package dev.iamscan.rules.account;

import dev.iamscan.model.Resource;
import dev.iamscan.rules.Category;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.FindingSink;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.rules.Severity;
import dev.iamscan.state.AccessAnalyzer;
import dev.iamscan.state.StateView;
import dev.iamscan.state.UnreadModule;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** An account or organization baseline without an IAM Access Analyzer. */
public final class MissingAccessAnalyzerRule implements Rule {
  static final RuleMetadata METADATA = RuleMetadata.builder("IAM062", "missing-access-analyzer")
      .category(Category.ACCESS_ANALYZER).severity(Severity.LOW).precision(RuleMetadata.Precision.MEDIUM)
      .summary("Account baseline defines no IAM Access Analyzer")
      .description("""
          Code that sets up an account or an organization (an `aws_organizations_organization`, the \
          account password policy, or a CloudTrail trail) is where the account's guard rails live. \
          IAM Access Analyzer is one of them: it reports every bucket, key, role, queue or secret \
          shared outside the account or organization, including grants made by hand later. iamscan \
          reports such a baseline when no `aws_accessanalyzer_analyzer` / \
          `AWS::AccessAnalyzer::Analyzer` is defined in the same directory, a parent or a child \
          directory, or by a module that the same root module calls (local modules, and remote ones \
          that `terraform init` has downloaded); one finding per module or template, at its first \
          baseline resource. An analyzer that exists only under a condition (a CloudFormation \
          `Condition`, `count = var.enable_analyzer ? 1 : 0` with a default of false) leaves the \
          account without one by default: the finding is reported and names the condition \
          ("unless var.enable_analyzer = true"), unless it is the condition the baseline resource \
          itself exists under. A remote module that the scan could not read (not downloaded) may \
          define one: the finding then names it, so that a scan after `terraform init` can settle it.
          """)
      .remediation("""
          add an analyzer (type `ORGANIZATION` in the management or delegated administrator account, \
          `ACCOUNT` elsewhere).
          """)
      .compliant("hcl", """
          resource "aws_accessanalyzer_analyzer" "account" {
            analyzer_name = "account"
            type          = "ACCOUNT"
          }
          """)
      .references("https://docs.aws.amazon.com/IAM/latest/UserGuide/what-is-access-analyzer.html",
          "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/accessanalyzer_analyzer")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(ScanContext context, FindingSink sink) {
    List<Resource> analyzers = context.state().analyzers().stream().map(AccessAnalyzer::owner).toList();
    // By identity: hashing a resource would hash its whole body, for every resource of the scan.
    Set<Resource> baseline = Collections.newSetFromMap(new IdentityHashMap<>());
    context.state().organizations().forEach(o -> baseline.add(o.owner()));
    context.state().passwordPolicies().forEach(p -> baseline.add(p.owner()));
    context.state().trails().forEach(t -> baseline.add(t.owner()));
    Set<String> reportedScopes = new HashSet<>();
    // In scan order: one finding per module or template, at its first baseline resource.
    for (Resource r : context.model().resources()) {
      if (!r.kind().equals("resource") || !baseline.contains(r)) continue;
      Presence present = Presence.of(analyzers.stream().filter(a -> AccountScope.sameAccount(a, r)).toList(), r);
      if (!present.missing()) continue;
      if (!reportedScopes.add(r.scope())) continue;
      List<UnreadModule> unread = context.state().unreadModules().stream()
          .filter(m -> AccountScope.rootDirectory(m.call()).equals(AccountScope.rootDirectory(r))).toList();
      String note = unread.isEmpty() ? "" : "; the scan did not read " + unread.stream()
          .map(m -> m.call().displayName() + m.source().value().flatMap(dev.iamscan.model.Value::scalar).map(s -> " (" + s + ")").orElse(""))
          .collect(java.util.stream.Collectors.joining(", ")) + ", which may define one: run terraform init before scanning";
      List<Finding.Related> related = new java.util.ArrayList<>(unread.stream()
          .map(m -> new Finding.Related("module not read: " + m.call().displayName(), m.call().headRange())).toList());
      present.conditional().forEach(a -> related.add(new Finding.Related(
          "analyzer only when " + a.appliesWhen().orElseThrow() + ": " + a.displayName(), a.headRange())));
      sink.report(new Finding(METADATA, METADATA.severity(),
          "%s sets up the account, but no IAM Access Analyzer (%s) is defined for it%s%s"
              .formatted(r.displayName(), String.join(" / ", StateView.typeNames(AccessAnalyzer.class)), present.unless(), note),
          r.headRange(), r.address(), "", related));
    }
  }
}
