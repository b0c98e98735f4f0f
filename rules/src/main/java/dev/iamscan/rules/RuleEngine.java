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
      rule.check(context, f -> own.add(checked(rule, f)));
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

  /**
   * A rule reports findings of its own, at its own severity: SARIF consumers such as GitHub read the
   * severity from the rule ({@code security-severity}), so a finding at another severity would show
   * one thing there and another on the command line.
   */
  static Finding checked(Rule rule, Finding f) {
    RuleMetadata m = rule.metadata();
    if (!f.rule().equals(m)) {
      throw new IllegalStateException("rule " + m.id() + " reported a finding of rule " + f.ruleId());
    }
    if (f.severity() != m.severity()) {
      throw new IllegalStateException("rule " + m.id() + " reported a finding at severity " + f.severity().label()
          + ", not its own " + m.severity().label() + ": " + f.message());
    }
    return f;
  }
}
