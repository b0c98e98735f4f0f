package dev.iamscan.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Runs rules once over a scan and returns their findings in a stable order. */
public final class RuleEngine {
  /** Sorted by file, line, column, rule, message: repeated scans diff cleanly. */
  public static final Comparator<Finding> ORDER = Comparator
      .comparing((Finding f) -> f.location().file())
      .thenComparingInt(f -> f.location().startLine())
      .thenComparingInt(f -> f.location().startColumn())
      .thenComparing(Finding::ruleId)
      .thenComparing(Finding::message);

  private final List<Rule> rules;

  public RuleEngine(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /**
   * Runs every rule, in parallel: rules are stateless and the model and its IAM view are read-only
   * once built. Each rule collects into its own list, merged in catalogue order, so the result does
   * not depend on scheduling.
   */
  public List<Finding> run(ScanContext context) {
    List<List<Finding>> perRule = rules.parallelStream().map(rule -> {
      List<Finding> own = new ArrayList<>();
      rule.check(context, own::add);
      return own;
    }).toList();
    // A set: the same finding reached through two paths (a policy attached twice) is reported once.
    Set<Finding> found = new LinkedHashSet<>();
    perRule.forEach(found::addAll);
    List<Finding> out = new ArrayList<>(found);
    out.sort(ORDER);
    return out;
  }

  public List<Rule> rules() {
    return rules;
  }
}
