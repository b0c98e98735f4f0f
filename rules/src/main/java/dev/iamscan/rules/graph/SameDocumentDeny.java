package dev.iamscan.rules.graph;

import dev.iamscan.policy.ActionPattern;
import dev.iamscan.policy.Effect;
import dev.iamscan.policy.LocatedString;
import dev.iamscan.policy.PolicyDocument;
import dev.iamscan.policy.PolicyStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Allow statements that a Deny of the same document cancels entirely: an unconditional Deny whose
 * actions cover every action of the Allow and whose resources cover every resource of it. The
 * statement-level rules leave those alone; a Deny that cancels only part of an Allow, or that has a
 * condition or an unresolved value, cancels nothing here.
 */
public final class SameDocumentDeny {
  private SameDocumentDeny() {}

  /** The document without the Allow statements a Deny of its own cancels entirely. */
  public static PolicyDocument withoutCancelled(PolicyDocument d) {
    List<PolicyStatement> denies = d.statements().stream()
        .filter(s -> s.effect() == Effect.DENY && !s.hasConditions() && !s.actions().hasUnknown() && !s.resources().hasUnknown())
        .toList();
    if (denies.isEmpty()) return d;
    List<PolicyStatement> kept = new ArrayList<>();
    for (PolicyStatement s : d.statements()) {
      if (s.effect() == Effect.ALLOW && denies.stream().anyMatch(x -> cancels(x, s))) continue;
      kept.add(s);
    }
    if (kept.size() == d.statements().size()) return d;
    return new PolicyDocument(kept, d.unknown(), d.problems(), d.range(), d.builtFrom());
  }

  /** Whether {@code deny} removes everything {@code allow} grants. */
  public static boolean cancels(PolicyStatement deny, PolicyStatement allow) {
    if (allow.actions().hasUnknown() || allow.resources().hasUnknown()) return false;
    return coversActions(deny, allow) && coversResources(deny, allow);
  }

  private static boolean coversActions(PolicyStatement deny, PolicyStatement allow) {
    List<String> d = deny.actions().known().stream().map(a -> a.value().trim().toLowerCase(Locale.ROOT)).toList();
    if (!deny.notAction() && d.stream().anyMatch(ActionPattern::isEverything)) return true;
    if (allow.notAction() || allow.actions().known().isEmpty()) return false;
    for (LocatedString a : allow.actions().known()) {
      String action = a.value().trim().toLowerCase(Locale.ROOT);
      if (!deny.notAction()) {
        // A Deny pattern that matches the Allow's pattern as text covers all it matches ('?' aside).
        if (d.stream().noneMatch(p -> p.indexOf('?') < 0 && ActionPattern.matches(p, action))) return false;
      } else {
        // NotAction covers the Allow's action only when none of its entries can match it.
        if (action.indexOf('*') >= 0 || action.indexOf('?') >= 0) return false;
        if (d.stream().anyMatch(p -> ActionPattern.matches(p, action))) return false;
      }
    }
    return true;
  }

  private static boolean coversResources(PolicyStatement deny, PolicyStatement allow) {
    if (deny.notResource()) return false;
    List<String> d = deny.resources().known().stream().map(r -> r.value().trim()).toList();
    if (d.contains("*")) return true;
    if (allow.notResource() || allow.resources().known().isEmpty()) return false;
    for (LocatedString r : allow.resources().known()) {
      String res = r.value().trim();
      if (d.stream().noneMatch(p -> p.indexOf('?') < 0 && ActionPattern.matches(p, res))) return false;
    }
    return true;
  }
}
