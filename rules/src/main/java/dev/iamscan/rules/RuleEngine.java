package dev.iamscan.rules;

import dev.iamscan.model.Resource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
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
    List<Finding> out = new ArrayList<>();
    List<Resource> conditional = context.model().resources().stream().filter(r -> r.appliesWhen().isPresent()).toList();
    for (Finding f : found) out.add(conditional.isEmpty() ? f : withAppliesWhen(f, conditional));
    out.sort(ORDER);
    return out;
  }

  /**
   * A finding on a resource that exists only under some input values (a CloudFormation
   * {@code Condition}, a Terraform resource its variable defaults switch off) says under which.
   * The finding is on the resource when it points inside its block, or names it from its file.
   */
  static Finding withAppliesWhen(Finding f, List<Resource> conditional) {
    String when = null;
    for (Resource r : conditional) {
      Optional<String> w = r.appliesWhen();
      if (w.isEmpty() || !r.range().file().equals(f.location().file())) continue;
      boolean inside = f.location().startLine() >= r.range().startLine() && f.location().startLine() <= r.range().endLine();
      if (inside || f.resource().equals(r.address())) {
        when = w.get();
        if (inside) break;
      }
    }
    if (when == null) return f;
    return new Finding(f.rule(), f.severity(), f.message() + "; applies when " + when, f.location(), f.resource(),
        f.evidence(), f.related());
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
