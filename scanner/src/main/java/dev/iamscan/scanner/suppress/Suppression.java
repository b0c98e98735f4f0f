package dev.iamscan.scanner.suppress;

import dev.iamscan.rules.Finding;
import dev.iamscan.scanner.Suppressed;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One acceptance of findings: which rules, why, until when, and what it covers.
 *
 * @param ruleIds the rules it silences
 * @param reason why; empty when none was given (such a suppression silences nothing)
 * @param until the last day it applies, or null for no end
 * @param kind where it was written, for SARIF
 * @param file where it was written, for warnings (relative like findings)
 * @param line the line it was written on
 * @param covers which findings it covers, rule aside
 * @param problems what is wrong with how it was written, reported as warnings
 * @param inert why it suppresses nothing although it gives a reason (an expiry that is not a date),
 *     or null when it is in force
 */
public record Suppression(List<String> ruleIds, String reason, LocalDate until, Suppressed.Kind kind,
    String file, int line, Predicate<Finding> covers, List<String> problems, String inert) {
  public Suppression {
    ruleIds = List.copyOf(ruleIds);
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(covers, "covers");
    problems = List.copyOf(problems);
  }

  public Suppression(List<String> ruleIds, String reason, LocalDate until, Suppressed.Kind kind, String file,
      int line, Predicate<Finding> covers, List<String> problems) {
    this(ruleIds, reason, until, kind, file, line, covers, problems, null);
  }

  /** True when the finding falls under this suppression (whether or not it is still in force). */
  boolean matches(Finding f) {
    return ruleIds.contains(f.ruleId()) && covers.test(f);
  }

  /** A predicate for findings located on lines {@code start..end} of a file, or about a resource of that file. */
  static Predicate<Finding> lines(String file, int start, int end, String resource) {
    return f -> f.location().file().equals(file)
        && ((f.location().startLine() >= start && f.location().startLine() <= end)
            || (resource != null && resource.equals(f.resource())));
  }
}
