package dev.iamscan.policy;

import dev.iamscan.model.SourceRange;
import java.util.List;
import java.util.Objects;

/**
 * One statement of a policy document, normalised from every form a policy can be written in.
 *
 * @param sid the Sid, or null
 * @param index position in the document, from 0
 * @param notAction whether {@code actions} came from {@code NotAction}
 * @param notResource whether {@code resources} came from {@code NotResource}
 * @param notPrincipal whether {@code principals} came from {@code NotPrincipal}
 * @param principalsUnknown a principal element was written but could not be resolved
 * @param conditionsUnknown a condition was written but could not be fully resolved
 * @param range the statement itself
 */
public record PolicyStatement(
    String sid,
    int index,
    Effect effect,
    SourceRange effectRange,
    StringSet actions,
    boolean notAction,
    StringSet resources,
    boolean notResource,
    List<PolicyPrincipal> principals,
    boolean notPrincipal,
    boolean principalsPresent,
    boolean principalsUnknown,
    List<ConditionClause> conditions,
    boolean conditionsUnknown,
    SourceRange range) {

  public PolicyStatement {
    Objects.requireNonNull(effect, "effect");
    Objects.requireNonNull(actions, "actions");
    Objects.requireNonNull(resources, "resources");
    Objects.requireNonNull(range, "range");
    principals = List.copyOf(principals);
    conditions = List.copyOf(conditions);
    if (effectRange == null) effectRange = range;
  }

  /** How messages name the statement: its Sid, or its position. */
  public String label() {
    return sid != null && !sid.isEmpty() ? "statement '" + sid + "'" : "statement #" + (index + 1);
  }

  /**
   * Whether the statement grants anything: an Allow, unless {@code NotResource: "*"} or
   * {@code NotAction: "*"} excludes every resource or every action, which leaves nothing to allow.
   */
  public boolean allows() {
    if (effect != Effect.ALLOW) return false;
    boolean noResource = notResource && resources.known().stream().anyMatch(r -> r.value().trim().equals("*"));
    boolean noAction = notAction && actions.known().stream().anyMatch(a -> ActionPattern.isEverything(a.value()));
    return !noResource && !noAction;
  }

  /**
   * Where a finding about one value of an element points: the value itself when it is written in
   * the statement, else the element (a value that came from a variable default or a parameter is
   * reported where the statement uses it).
   */
  public SourceRange locate(LocatedString value, SourceRange element) {
    SourceRange v = value.range();
    boolean inside = v.file().equals(range.file())
        && v.startLine() >= range.startLine() && v.startLine() <= range.endLine();
    return inside ? v : element;
  }

  public boolean hasConditions() {
    return !conditions.isEmpty() || conditionsUnknown;
  }
}
