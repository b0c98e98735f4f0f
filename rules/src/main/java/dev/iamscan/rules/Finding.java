package dev.iamscan.rules;

import dev.iamscan.model.SourceRange;
import java.util.List;
import java.util.Objects;

/**
 * One problem found by a rule.
 *
 * @param rule the rule that found it
 * @param severity the rule's severity: a rule reports at one severity, the one SARIF consumers read from
 *     the rule (the engine rejects any other)
 * @param message what is wrong, naming the resource and the offending value (secrets masked)
 * @param location the offending attribute or statement
 * @param resource the address or logical id of the resource it is about (baseline key)
 * @param evidence the offending value, masked, for baseline keys; may be empty
 * @param related other places involved: the user a policy is attached to, the data source, ...
 * @param path the steps of an escalation path, in order, each at the statement or trust that allows
 *     it (SARIF {@code codeFlows}); empty for findings about one place
 */
public record Finding(
    RuleMetadata rule,
    Severity severity,
    String message,
    SourceRange location,
    String resource,
    String evidence,
    List<Related> related,
    List<Related> path) {

  /** Another place involved in a finding. */
  public record Related(String message, SourceRange location) {
    public Related {
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(location, "location");
    }
  }

  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(resource, "resource");
    evidence = evidence == null ? "" : evidence;
    related = List.copyOf(related);
    path = path == null ? List.of() : List.copyOf(path);
  }

  public Finding(RuleMetadata rule, Severity severity, String message, SourceRange location, String resource,
      String evidence, List<Related> related) {
    this(rule, severity, message, location, resource, evidence, related, List.of());
  }

  public String ruleId() {
    return rule.id();
  }
}
