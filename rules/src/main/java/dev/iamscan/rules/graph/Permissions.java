package dev.iamscan.rules.graph;

import dev.iamscan.iam.IdentityPolicy;
import dev.iamscan.model.SourceRange;
import dev.iamscan.policy.ActionPattern;
import dev.iamscan.policy.Effect;
import dev.iamscan.policy.LocatedString;
import dev.iamscan.policy.PolicyStatement;
import dev.iamscan.policy.StringSet;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What one principal may do: the Allow statements of every policy that applies to it, the Deny
 * statements that subtract from them, and its permissions boundary. Questions are asked per action
 * and target; an answer the scan cannot be sure of is never a yes.
 */
final class Permissions {
  /**
   * One statement that applies to the principal.
   *
   * @param policy how messages name the policy ({@code AdministratorAccess}, {@code aws_iam_role_policy.x})
   * @param location where a finding points for it: the statement, or the attachment of an AWS-managed policy
   */
  record Source(PolicyStatement statement, String policy, SourceRange location, IdentityPolicy from) {
    /** {@code AdministratorAccess statement #1}, {@code aws_iam_role_policy.x statement 'Admin'}. */
    String label() {
      return policy + " " + statement.label();
    }
  }

  /**
   * A permissions boundary: its statements when known.
   *
   * @param unresolved the boundary is set but its content is not known
   */
  record Boundary(List<Source> statements, boolean unresolved, String name, SourceRange at) {
    Boundary {
      statements = List.copyOf(statements);
    }
  }

  /**
   * The answer for one action on one target.
   *
   * @param grant the Allow that grants it, when allowed
   * @param doubts Deny statements or a boundary that might remove it but could not be resolved
   * @param refusal why it is not allowed although an Allow covers it (a Deny, the boundary), or null
   */
  record Decision(Source grant, List<String> doubts, String refusal) {
    boolean allowed() {
      return grant != null;
    }
  }

  private static final Decision NOTHING = new Decision(null, List.of(), null);

  private final List<Source> allows;
  private final List<Source> denies;
  /** Each statement's action patterns, lower case, worked out once: every question matches them. */
  private final Map<PolicyStatement, String[]> lowered = new IdentityHashMap<>();
  private final Boundary boundary;
  private final ConditionFeasibility conditions;

  Permissions(List<Source> sources, Boundary boundary, ConditionFeasibility conditions) {
    this.conditions = conditions;
    List<Source> a = new ArrayList<>();
    List<Source> d = new ArrayList<>();
    for (Source s : sources) {
      PolicyStatement st = s.statement();
      if (conditions.neverHolds(st).isPresent()) continue;
      if (st.allows() && st.resources().present()) a.add(s);
      else if (st.effect() == Effect.DENY) d.add(s);
    }
    this.allows = List.copyOf(a);
    this.denies = List.copyOf(d);
    for (Source x : sources) {
      lowered.computeIfAbsent(x.statement(), st -> st.actions().known().stream()
          .map(v -> v.value().trim().toLowerCase(Locale.ROOT)).toArray(String[]::new));
    }
    this.boundary = boundary;
  }

  List<Source> allows() {
    return allows;
  }

  List<Source> denies() {
    return denies;
  }

  Boundary boundary() {
    return boundary;
  }

  /** Whether some Allow names the action at all: a cheap test before matching resources. */
  boolean mentions(String action) {
    String lower = action.toLowerCase(Locale.ROOT);
    for (Source s : allows) {
      if (act(s.statement(), lower) == Tri.YES) return true;
    }
    return false;
  }

  Decision can(String action, Target target, String caller) {
    return can(action, target, caller, s -> true);
  }

  /** Whether the principal may perform {@code action} on {@code target} through an Allow that passes {@code which}. */
  Decision can(String action, Target target, String caller, Predicate<Source> which) {
    String lower = action.toLowerCase(Locale.ROOT);
    Source grant = null;
    for (Source s : allows) {
      if (!which.test(s)) continue;
      if (act(s.statement(), lower) != Tri.YES || resource(s.statement(), target, caller) != Tri.YES) continue;
      if (grant == null || (grant.statement().hasConditions() && !s.statement().hasConditions())) grant = s;
    }
    if (grant == null) return NOTHING;
    List<String> doubts = new ArrayList<>();
    for (Source s : denies) {
      Tri applies = act(s.statement(), lower).and(resource(s.statement(), target, caller));
      if (applies == Tri.NO) continue;
      if (applies == Tri.YES && !s.statement().hasConditions()) {
        return new Decision(null, List.of(), "denied by " + s.policy() + " " + s.statement().label());
      }
      doubts.add(applies == Tri.YES
          ? "a Deny with a condition in %s %s may apply".formatted(s.policy(), s.statement().label())
          : "a Deny in %s %s could not be resolved".formatted(s.policy(), s.statement().label()));
    }
    if (boundary != null) {
      if (boundary.unresolved()) {
        doubts.add(boundary.name().isEmpty() ? "its permissions boundary could not be resolved"
            : "its permissions boundary " + boundary.name() + " could not be resolved");
      } else {
        Permissions inside = new Permissions(boundary.statements(), null, conditions);
        Decision b = inside.can(action, target, caller);
        if (!b.allowed()) {
          return new Decision(null, List.of(), "outside its permissions boundary " + boundary.name());
        }
        doubts.addAll(b.doubts());
      }
    }
    return new Decision(grant, doubts, null);
  }

  /** Whether an Allow grants every action on every resource, with no Deny at all and a boundary that does too. */
  Optional<Source> everything() {
    if (!denies.isEmpty()) return Optional.empty();
    Optional<Source> s = allows.stream().filter(x -> allActions(x.statement()) && everyResource(x.statement())).findFirst();
    if (s.isEmpty() || boundary == null) return s;
    if (boundary.unresolved()) return Optional.empty();
    Permissions inside = new Permissions(boundary.statements(), null, conditions);
    return inside.everything().isPresent() ? s : Optional.empty();
  }

  /** Whether an unconditional Deny removes the action on the target. */
  boolean denied(String action, Target target, String caller) {
    String lower = action.toLowerCase(Locale.ROOT);
    for (Source s : denies) {
      if (!s.statement().hasConditions()
          && act(s.statement(), lower).and(resource(s.statement(), target, caller)) == Tri.YES) {
        return true;
      }
    }
    return false;
  }

  /** Whether some Allow grants the action on some resource, and no unconditional Deny takes it away everywhere. */
  Optional<Source> anywhere(String action) {
    String lower = action.toLowerCase(Locale.ROOT);
    for (Source s : denies) {
      if (!s.statement().hasConditions() && everyResource(s.statement()) && act(s.statement(), lower) == Tri.YES) {
        return Optional.empty();
      }
    }
    for (Source s : allows) {
      if (act(s.statement(), lower) == Tri.YES && !s.statement().resources().isEmpty()) return Optional.of(s);
    }
    return Optional.empty();
  }

  /** The resource pattern of a statement that covers the target, for messages. */
  static String matched(PolicyStatement s, Target target, String caller) {
    if (s.notResource()) return "NotResource " + s.resources().known().stream().map(LocatedString::value).toList();
    for (LocatedString r : s.resources().known()) {
      if (ArnMatcher.matches(r.value(), target, caller) == Tri.YES) return r.value();
    }
    // A template whose unresolved parts are the partition or the account.
    for (LocatedString r : s.resources().partial()) {
      if (ArnMatcher.matches(r.value(), target, caller) == Tri.YES) {
        return r.value().replace(String.valueOf(dev.iamscan.model.Value.Unknown.HOLE), "${…}");
      }
    }
    for (StringSet.NamedResource n : s.resources().named()) {
      if (named(n, target) == Tri.YES) return "the ARN of " + n.resource().displayName();
    }
    return "its resources";
  }

  static boolean allActions(PolicyStatement s) {
    return !s.notAction() && s.actions().known().stream().anyMatch(a -> ActionPattern.isEverything(a.value()));
  }

  /** Resource {@code *}: every resource of every service. */
  static boolean everyResource(PolicyStatement s) {
    return !s.notResource() && s.resources().known().stream().anyMatch(r -> r.value().trim().equals("*"));
  }

  /** {@link #action(PolicyStatement, String)} with the statement's patterns lowered once. */
  private Tri act(PolicyStatement s, String lowerAction) {
    String[] patterns = lowered.get(s);
    if (patterns == null) return action(s, lowerAction);
    boolean listed = false;
    for (String p : patterns) {
      if (ActionPattern.matches(p, lowerAction)) {
        listed = true;
        break;
      }
    }
    Tri written = listed ? Tri.YES : s.actions().hasUnknown() ? Tri.UNKNOWN : Tri.NO;
    return s.notAction() ? written.not() : written;
  }

  static Tri action(PolicyStatement s, String action) {
    boolean listed = false;
    for (LocatedString a : s.actions().known()) {
      if (ActionPattern.matchesAction(a.value().trim(), action)) {
        listed = true;
        break;
      }
    }
    Tri written = listed ? Tri.YES : s.actions().hasUnknown() ? Tri.UNKNOWN : Tri.NO;
    return s.notAction() ? written.not() : written;
  }

  static Tri resource(PolicyStatement s, Target target, String caller) {
    Tri any = Tri.NO;
    for (LocatedString r : s.resources().known()) {
      any = any.or(ArnMatcher.matches(r.value(), target, caller));
      if (any == Tri.YES) break;
    }
    if (any != Tri.YES) {
      for (LocatedString r : s.resources().partial()) any = any.or(ArnMatcher.matches(r.value(), target, caller));
      for (StringSet.NamedResource n : s.resources().named()) any = any.or(named(n, target));
      if (s.resources().opaqueBeyondNamed()) any = any.or(Tri.UNKNOWN);
    }
    return s.notResource() ? any.not() : any;
  }

  /**
   * A resource named by reference to its ARN ({@code aws_iam_role.x.arn}, {@code !GetAtt X.Arn})
   * covers that resource and no other; another attribute, or a {@code Ref}, is not known to be an ARN.
   */
  private static Tri named(StringSet.NamedResource n, Target target) {
    if (n.attribute() == null || !n.attribute().equalsIgnoreCase("arn")) return Tri.UNKNOWN;
    return Tri.of(target.resource() != null && target.resource() == n.resource());
  }
}
