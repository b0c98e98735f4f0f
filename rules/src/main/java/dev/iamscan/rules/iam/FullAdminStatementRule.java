package dev.iamscan.rules.iam;

import dev.iamscan.rules.Category;
import dev.iamscan.rules.FindingSink;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.rules.Severity;
import java.util.List;

/** An Allow statement granting every action on every resource. */
public final class FullAdminStatementRule implements Rule {
  static final RuleMetadata METADATA = new RuleMetadata("IAM001", "full-admin-statement",
      Category.OVERBROAD_GRANT, Severity.CRITICAL,
      "Policy statement allows every action on every resource",
      "TODO", List.of(), RuleMetadata.Precision.VERY_HIGH);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(ScanContext context, FindingSink sink) {}
}
