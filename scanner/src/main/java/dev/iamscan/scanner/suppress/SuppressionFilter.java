package dev.iamscan.scanner.suppress;

import dev.iamscan.model.Diagnostic;
import dev.iamscan.rules.Finding;
import dev.iamscan.scanner.Suppressed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sets aside the findings that suppressions cover, and reports suppressions that are written
 * wrongly, have expired, or cover nothing: a stale suppression would hide the next real finding.
 */
public final class SuppressionFilter {
  /**
   * What filtering gave.
   *
   * @param kept findings still reported
   * @param suppressed findings set aside, with the reason
   * @param problems warnings (errors when strict) about the suppressions themselves
   */
  public record Outcome(List<Finding> kept, List<Suppressed> suppressed, List<Diagnostic> problems) {
    public Outcome {
      kept = List.copyOf(kept);
      suppressed = List.copyOf(suppressed);
      problems = List.copyOf(problems);
    }
  }

  private final Clock clock;
  private final Set<String> knownRules;
  private final Set<String> enabledRules;
  private final boolean strict;

  /**
   * @param knownRules every rule id of the catalog
   * @param enabledRules ids of the rules that ran: a suppression of a rule that did not run is not unused
   * @param strict report problems as errors
   */
  public SuppressionFilter(Clock clock, Set<String> knownRules, Set<String> enabledRules, boolean strict) {
    this.clock = clock;
    this.knownRules = Set.copyOf(knownRules);
    this.enabledRules = Set.copyOf(enabledRules);
    this.strict = strict;
  }

  public Outcome apply(List<Finding> findings, List<Suppression> suppressions) {
    LocalDate today = LocalDate.now(clock);
    List<Diagnostic> problems = new ArrayList<>();
    Map<Finding, Suppressed> taken = new IdentityHashMap<>();
    for (Suppression s : suppressions) {
      String what = s.kind() == Suppressed.Kind.EXTERNAL ? "exception" : "suppression";
      for (String p : s.problems()) problems.add(problem(s, what + " " + p));
      for (String id : s.ruleIds()) {
        if (!knownRules.contains(id)) problems.add(problem(s, what + " names unknown rule " + id));
      }
      if (s.reason().isEmpty()) {
        problems.add(problem(s, what + " of " + String.join(", ", s.ruleIds())
            + " gives no reason (write one after '--', or as 'reason:'); it suppresses nothing"));
        continue;
      }
      if (s.inert() != null) {
        problems.add(problem(s, what + " of " + String.join(", ", s.ruleIds()) + ": " + s.inert()
            + "; it suppresses nothing"));
        continue;
      }
      if (s.until() != null && today.isAfter(s.until())) {
        problems.add(problem(s, what + " of " + String.join(", ", s.ruleIds()) + " expired on " + s.until()
            + "; its findings are reported again"));
        continue;
      }
      boolean used = false;
      for (Finding f : findings) {
        if (!s.matches(f)) continue;
        used = true;
        taken.putIfAbsent(f, new Suppressed(f, s.kind(), s.reason()));
      }
      boolean ran = s.ruleIds().stream().anyMatch(enabledRules::contains);
      if (!used && ran) {
        problems.add(problem(s, what + " of " + String.join(", ", s.ruleIds()) + " suppresses nothing; remove it"));
      }
    }
    List<Finding> kept = new ArrayList<>();
    List<Suppressed> suppressed = new ArrayList<>();
    for (Finding f : findings) {
      Suppressed s = taken.get(f);
      if (s == null) kept.add(f);
      else suppressed.add(s);
    }
    return new Outcome(kept, suppressed, problems);
  }

  private Diagnostic problem(Suppression s, String message) {
    return strict ? Diagnostic.error(s.file(), s.line(), 1, message) : Diagnostic.warning(s.file(), s.line(), 1, message);
  }
}
